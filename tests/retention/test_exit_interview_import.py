"""Importing past exit interviews: the import's promises (all or nothing, every problem at once
as file:row:column, idempotent, dry run) hold for the `exit_interviews` file too."""

import datetime as dt
from pathlib import Path

import pytest

from stabilise.retention import codes
from stabilise.retention.models import ExitInterview, Theme
from stabilise.workforce.importing.pipeline import import_council
from tests.ui.register import build_register

HEAD = "worker_id,left_on,status,held_on,held_by,regretted,would_return,themes,comments\n"


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "exit_interviews.csv"
    path.write_text(HEAD + "".join(f"{r}\n" for r in rows))
    return path


@pytest.fixture
def register(db: None) -> None:
    build_register()


def test_the_models_choices_are_the_import_codes():
    assert tuple(ExitInterview.Status.choices) == codes.STATUS
    assert tuple(ExitInterview.WouldReturn.choices) == codes.WOULD_RETURN


def test_past_exit_interviews_are_imported_with_their_themes_once(register, tmp_path):
    path = write(
        tmp_path,
        'W4,2024-10-15,held,2024-10-08,HR and team manager,Y,no,"Caseload:3; Agency pay",'
        '"Paid more by the agency"',
    )
    assert not import_council(path, imported_by="test").problems
    interview = ExitInterview.objects.get(worker__worker_id="W4")
    assert (interview.status, interview.held_on, interview.regretted) == (
        "held",
        dt.date(2024, 10, 8),
        True,
    )
    assert (interview.source, interview.comments) == ("import", "Paid more by the agency")
    cited = {(c.theme.name, c.weight) for c in interview.cited.all()}
    assert cited == {("Caseload", 3), ("Agency pay", 2)}
    history = interview.history.count()
    assert not import_council(path, imported_by="test").problems
    assert interview.history.count() == history
    assert Theme.objects.count() == 15


def test_a_new_theme_joins_the_councils_list(register, tmp_path):
    path = write(tmp_path, "W4,2024-10-15,held,,,,,Lone working:1,")
    assert not import_council(path, imported_by="test").problems
    assert Theme.objects.filter(name="Lone working").exists()


def test_every_problem_is_reported_at_once_and_nothing_is_stored(register, tmp_path):
    path = write(
        tmp_path,
        "W4,2024-10-15,chatted,,,,,Caseload:5,",
        "NOBODY,2024-10-15,held,,,maybe,,,",
        "W4,2024-10-15,held,,,,,,",
    )
    problems = [str(p) for p in import_council(path, imported_by="test").problems]
    assert any("exit_interviews.csv:2:status" in p for p in problems)
    assert any("exit_interviews.csv:2:themes" in p and "1, 2 or 3" in p for p in problems)
    assert any("exit_interviews.csv:3:worker_id" in p for p in problems)
    assert any("exit_interviews.csv:4" in p and "duplicate" in p for p in problems)
    assert not ExitInterview.objects.exists()


def test_a_dry_run_checks_and_stores_nothing(register, tmp_path):
    path = write(tmp_path, "W4,2024-10-15,declined,,,,,,")
    assert not import_council(path, imported_by="test", dry_run=True).problems
    assert not ExitInterview.objects.exists()
