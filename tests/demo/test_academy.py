"""The demo council's ASYE academy: two intakes a year, mentors, reviews (some overdue), panels."""

from pathlib import Path

import polars as pl
import pytest

from stabilise.analytics.asye_reviews import reviews_due
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.mentoring import mentoring
from stabilise.demo.academy import panel_on_or_after, simulate_academy, with_academy
from stabilise.demo.export import export_council
from stabilise.workforce.importing.checks import Existing, check_register
from stabilise.workforce.importing.parsing import parse_table
from stabilise.workforce.importing.reading import read_source
from tests.demo.conftest import TODAY


@pytest.fixture(scope="module")
def academy(council: CouncilFrames) -> CouncilFrames:
    return with_academy(council, 1, TODAY)


def test_every_nqsw_starter_is_on_the_programme_in_a_spring_or_autumn_cohort(academy):
    starters = academy.assignments.filter(
        (pl.col("start_origin") == 1) & (pl.col("team_id") == "ASYE")
    )["worker_id"].unique()
    assert sorted(academy.asye["worker_id"].to_list()) == sorted(starters.to_list())
    cohorts = set(academy.asye["cohort"].to_list())
    for year in range(2018, 2027):
        assert {f"{year} spring", f"{year} autumn"} <= cohorts


def test_the_academy_has_passes_reviews_overdue_and_mentor_warnings(academy):
    asye = academy.asye
    passed = asye.filter(pl.col("outcome") == "passed")
    assert passed.height > 50 and passed["completed_on"].null_count() == 0
    assert (passed["completed_on"] > passed["programme_start"]).all()
    report = reviews_due(academy, TODAY)
    assert report.overdue and report.due
    result = mentoring(academy, TODAY, mentor_max=3, protected_pct=90)
    assert any(m.warning is None for m in result.mentors)
    assert any(m.warning for m in result.mentors)


def test_the_demo_academy_is_the_same_for_the_same_seed_and_day(council):
    assert simulate_academy(council, 1, TODAY).equals(simulate_academy(council, 1, TODAY))


def test_the_exported_asye_file_passes_the_import_checks(academy, tmp_path: Path):
    written = export_council(academy, tmp_path)
    assert written[-1].name == "asye.csv"
    source = read_source(tmp_path, max_bytes=10**10)
    tables, labels, problems = {}, {}, []
    for raw in source.tables:
        typed, bad = parse_table(raw)
        tables[raw.name], labels[raw.name] = typed, raw.label
        problems += bad
    assert problems + check_register(tables, labels, Existing()) == []


def test_the_panel_sits_on_the_third_thursday_of_the_month():
    from datetime import date

    assert panel_on_or_after(date(2026, 11, 1)) == date(2026, 11, 19)
    assert panel_on_or_after(date(2026, 11, 19)) == date(2026, 11, 19)
    assert panel_on_or_after(date(2026, 11, 20)) == date(2026, 12, 17)
