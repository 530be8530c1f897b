"""The import files and their columns, as ../shared/contracts/import-format.md defines them.

Plain data: the reader, the parser and the checks all work from these specs.
"""

from dataclasses import dataclass
from typing import Literal

from stabilise import csww
from stabilise.academy import codes as asye_codes
from stabilise.retention import codes as exit_codes

Kind = Literal["id", "text", "date", "bool", "code", "fte", "count", "amount", "swe"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    codes: tuple[tuple[int | str, str], ...] = ()
    max_length: int = 200


@dataclass(frozen=True)
class FileSpec:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _id(name: str, required: bool = True) -> Column:
    return Column(name, "id", required=required, max_length=50)


FILES: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec(
            "teams",
            (
                _id("team_id"),
                Column("team_name", "text", required=True),
                Column("service", "text"),
                _id("parent_team_id", required=False),
            ),
            key=("team_id",),
        ),
        FileSpec(
            "posts",
            (
                _id("post_id"),
                _id("team_id"),
                Column("org_role", "code", required=True, codes=csww.ORG_ROLE),
                Column("job_title", "text"),
                Column("grade", "text", max_length=50),
                Column("fte", "fte", required=True),
                Column("hard_to_fill", "bool"),
                Column("established_from", "date", required=True),
                Column("established_to", "date"),
            ),
            key=("post_id",),
        ),
        FileSpec(
            "workers",
            (
                _id("worker_id"),
                Column("display_name", "text", required=True),
                Column("swe_number", "swe"),
                Column("date_of_birth", "date"),
                Column("gender", "code", codes=csww.GENDER),
                Column("ethnicity", "code", codes=csww.ETHNICITY),
                Column("qual_level", "code", codes=csww.QUAL_LEVEL),
                Column("qual_institution", "text"),
                Column("qualified_on", "date"),
                Column("step_up_grad", "bool"),
                Column("frontline_grad", "bool"),
            ),
            key=("worker_id",),
        ),
        FileSpec(
            "assignments",
            (
                _id("assignment_id"),
                _id("worker_id"),
                _id("team_id"),
                _id("post_id", required=False),
                Column("org_role", "code", required=True, codes=csww.ORG_ROLE),
                Column("job_title", "text"),
                Column("contract", "code", required=True, codes=csww.CONTRACT),
                Column("fte", "fte", required=True),
                Column("start_date", "date", required=True),
                Column("end_date", "date"),
                Column("start_origin", "code", codes=csww.START_ORIGIN),
                Column("end_reason", "code", codes=csww.END_REASON),
                Column("end_destination", "code", codes=csww.END_DESTINATION),
                Column("agency_name", "text"),
                Column("hourly_rate", "amount"),
                Column("covers_vacancy", "bool"),
            ),
            key=("assignment_id",),
        ),
        FileSpec(
            "caseloads",
            (
                _id("worker_id"),
                Column("date", "date", required=True),
                Column("cases", "count", required=True),
                Column("weighted_points", "amount"),
            ),
            key=("worker_id", "date"),
        ),
        FileSpec(
            "absences",
            (
                _id("worker_id"),
                Column("start_date", "date", required=True),
                Column("end_date", "date", required=True),
                Column("reason", "code", required=True, codes=csww.ABSENCE_REASON),
                Column("working_days_lost", "amount", required=True),
            ),
            key=("worker_id", "start_date", "reason"),
        ),
        # The ASYE academy (contracts/academy.md), written by the academy app. One row per NQSW
        # per cohort: a worker who starts the programme again in a later cohort has two rows.
        FileSpec(
            "asye",
            (
                _id("worker_id"),
                Column("cohort", "text", required=True, max_length=50),
                Column("programme_start", "date", required=True),
                Column("route", "code", codes=asye_codes.ROUTE),
                Column("practice_lead", "text"),
                _id("mentor_worker_id", required=False),
                *(Column(f"review_{m}m", "date") for m in asye_codes.REVIEW_MONTHS),
                Column("outcome", "code", codes=asye_codes.OUTCOME),
                Column("completed_on", "date"),
            ),
            key=("worker_id", "cohort"),
        ),
        # Past exit interviews (README, "Importing past exit interviews"), written by the retention app. One row
        # per leaving; `themes` is "Name:weight; Name:weight" (weights 1 to 3).
        FileSpec(
            "exit_interviews",
            (
                _id("worker_id"),
                Column("left_on", "date", required=True),
                Column("status", "code", required=True, codes=exit_codes.STATUS),
                Column("held_on", "date"),
                Column("held_by", "text"),
                Column("regretted", "bool"),
                Column("would_return", "code", codes=exit_codes.WOULD_RETURN),
                Column("themes", "text", max_length=2000),
                Column("comments", "text", max_length=20000),
                Column("new_employer", "text"),
            ),
            key=("worker_id", "left_on"),
        ),
    )
}

# Boolean columns' value when the cell is empty (covers_vacancy's depends on the row: see checks).
BOOL_DEFAULTS = {"hard_to_fill": False, "step_up_grad": False, "frontline_grad": False}
