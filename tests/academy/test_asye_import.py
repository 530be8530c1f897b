"""The `asye` file (contracts/academy.md) goes through the import with the register's rules: each
check one test, all or nothing, idempotent, a dry run, a workbook sheet."""

import datetime as dt
from pathlib import Path

import pytest

from stabilise.academy.models import AsyeRecord, Cohort, PanelDecision, Review
from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Worker
from tests.workforce.council_files import small_council, write_folder, write_workbook

pytestmark = pytest.mark.django_db


def council_with_asye(**changes: str) -> dict:
    council = small_council()
    council["workers"].append({"worker_id": "N1", "display_name": "Nia Newton"})
    council["assignments"].append(
        {
            "assignment_id": "A3",
            "worker_id": "N1",
            "team_id": "CP1",
            "org_role": "5",
            "contract": "permanent",
            "fte": "1",
            "start_date": "2020-09-07",
        }
    )
    row = {
        "worker_id": "N1",
        "cohort": "2020 autumn",
        "programme_start": "07/09/2020",
        "route": "Step Up",
        "practice_lead": "Shelley Gill",
        "mentor_worker_id": "W1",
        "review_3m": "2020-12-07",
        "review_6m": "2021-03-08",
        "review_12m": "2021-09-06",
        "outcome": "passed",
        "completed_on": "2021-09-23",
    }
    row.update(changes)
    council["asye"] = [row]
    return council


def problems_of(tmp_path: Path, council: dict) -> list[str]:
    result = import_council(write_folder(tmp_path / "files", council), imported_by="test")
    assert not result.ok
    assert not Worker.objects.exists() and not AsyeRecord.objects.exists()
    return [str(p) for p in result.problems]


def test_an_asye_file_loads_the_cohort_the_record_its_reviews_and_the_passing_panel(tmp_path):
    result = import_council(write_folder(tmp_path / "f", council_with_asye()), imported_by="t")
    assert result.ok, result.problems
    record = AsyeRecord.objects.get()
    assert (record.cohort.label, record.programme_start) == ("2020 autumn", dt.date(2020, 9, 7))
    assert (record.route, record.practice_lead, record.mentor.worker_id) == (
        "step_up",
        "Shelley Gill",
        "W1",
    )
    assert (record.outcome, record.completed_on) == ("passed", dt.date(2021, 9, 23))
    assert record.increment_from == dt.date(2021, 9, 23) and record.increment_note
    assert sorted(Review.objects.values_list("month", "held_on")) == [
        (3, dt.date(2020, 12, 7)),
        (6, dt.date(2021, 3, 8)),
        (12, dt.date(2021, 9, 6)),
    ]
    panel = PanelDecision.objects.get()
    assert (panel.panel_date, panel.decision) == (dt.date(2021, 9, 23), "pass")
    assert result.created["asye"] == 1


def test_importing_the_same_asye_file_twice_changes_nothing(tmp_path):
    folder = write_folder(tmp_path / "f", council_with_asye())
    assert import_council(folder, imported_by="t").ok
    histories = AsyeRecord.history.count() + Review.history.count() + Cohort.history.count()
    again = import_council(folder, imported_by="t")
    assert again.ok and again.created["asye"] == 0 and again.updated["asye"] == 0
    assert AsyeRecord.history.count() + Review.history.count() + Cohort.history.count() == histories
    assert PanelDecision.objects.count() == 1


def test_a_changed_row_is_updated_in_place_with_its_history(tmp_path):
    assert import_council(write_folder(tmp_path / "a", council_with_asye()), imported_by="t").ok
    changed = council_with_asye(mentor_worker_id="", review_6m="2021-03-15")
    assert import_council(write_folder(tmp_path / "b", changed), imported_by="t").ok
    record = AsyeRecord.objects.get()
    assert record.mentor is None
    assert Review.objects.get(month=6).held_on == dt.date(2021, 3, 15)
    assert record.history.count() == 2


def test_a_dry_run_checks_the_asye_file_and_writes_nothing(tmp_path):
    folder = write_folder(tmp_path / "f", council_with_asye())
    result = import_council(folder, imported_by="t", dry_run=True)
    assert result.ok and not AsyeRecord.objects.exists() and not Cohort.objects.exists()


def test_an_asye_sheet_of_a_workbook_loads_like_the_file(tmp_path):
    workbook = write_workbook(tmp_path / "council.xlsx", council_with_asye())
    assert import_council(workbook, imported_by="t").ok
    assert AsyeRecord.objects.get().programme_start == dt.date(2020, 9, 7)


def test_the_nqsw_must_be_a_worker(tmp_path):
    assert 'asye.csv:2:worker_id: no worker "N9" in workers.csv or already loaded' in problems_of(
        tmp_path, council_with_asye(worker_id="N9")
    )


def test_the_mentor_must_be_a_worker(tmp_path):
    assert (
        'asye.csv:2:mentor_worker_id: no worker "X1" in workers.csv or already loaded'
        in problems_of(tmp_path, council_with_asye(mentor_worker_id="X1"))
    )


def test_an_nqsw_cannot_be_their_own_mentor(tmp_path):
    assert 'asye.csv:2:mentor_worker_id: worker "N1" cannot be their own mentor' in problems_of(
        tmp_path, council_with_asye(mentor_worker_id="N1")
    )


def test_completed_on_is_only_for_a_passed_asye(tmp_path):
    assert (
        'asye.csv:2:completed_on: completed_on is only for a passed ASYE (outcome is "extended")'
        in problems_of(tmp_path, council_with_asye(outcome="extended"))
    )


def test_an_empty_outcome_is_in_progress_so_completed_on_is_refused_there_too(tmp_path):
    assert (
        'asye.csv:2:completed_on: completed_on is only for a passed ASYE (outcome is "in_progress")'
        in problems_of(tmp_path, council_with_asye(outcome=""))
    )


def test_a_passed_asye_needs_the_panel_date(tmp_path):
    assert (
        "asye.csv:2:completed_on: a passed ASYE needs completed_on, the date of the panel that passed it"
        in problems_of(tmp_path, council_with_asye(completed_on=""))
    )


@pytest.mark.parametrize("column", ["review_3m", "review_6m", "review_9m", "review_12m"])
def test_a_review_date_must_be_after_programme_start(tmp_path, column):
    assert (
        f"asye.csv:2:{column}: {column} 2020-09-07 is not after programme_start 2020-09-07"
        in problems_of(tmp_path, council_with_asye(**{column: "2020-09-07"}))
    )


def test_one_row_per_worker_per_cohort(tmp_path):
    council = council_with_asye()
    council["asye"].append(dict(council["asye"][0]))
    assert "asye.csv:3:cohort: duplicate row for N1 2020 autumn: also on row 2" in problems_of(
        tmp_path, council
    )


def test_the_same_worker_may_start_again_in_a_later_cohort(tmp_path):
    council = council_with_asye(outcome="withdrawn", completed_on="")
    again = dict(council["asye"][0], cohort="2021 spring", programme_start="2021-03-01")
    again.update(review_3m="", review_6m="2021-09-01", review_12m="", outcome="in_progress")
    council["asye"].append(again)
    result = import_council(write_folder(tmp_path / "f", council), imported_by="t")
    assert result.ok, result.problems
    assert AsyeRecord.objects.count() == 2


def test_a_route_and_outcome_must_be_from_their_lists(tmp_path):
    problems = problems_of(tmp_path, council_with_asye(route="bootcamp", outcome="done"))
    assert any(p.startswith('asye.csv:2:route: "bootcamp" is not a code') for p in problems)
    assert any(p.startswith('asye.csv:2:outcome: "done" is not a code') for p in problems)


def test_every_problem_of_the_asye_file_comes_at_once_with_the_others(tmp_path):
    council = council_with_asye(worker_id="N9", review_3m="2020-01-01")
    council["teams"][1]["parent_team_id"] = "NOPE"
    problems = problems_of(tmp_path, council)
    assert any(p.startswith("teams.csv:3:parent_team_id") for p in problems)
    assert any(p.startswith("asye.csv:2:worker_id") for p in problems)
    assert any(p.startswith("asye.csv:2:review_3m") for p in problems)
