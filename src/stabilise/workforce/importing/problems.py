"""A problem found in an import, reported as `file:row:column: message`."""

from dataclasses import dataclass

FILE_ORDER = (
    "teams",
    "posts",
    "workers",
    "assignments",
    "asye",
    "caseloads",
    "absences",
    "exit_interviews",
)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        row = "-" if self.row is None else str(self.row)
        return f"{self.file}:{row}:{self.column or '-'}: {self.message}"


class ImportFailed(Exception):
    """Raised inside the write transaction so that nothing of a failing import is kept."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
