import datetime as dt
import math
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from stabilise.analytics.frames import SCHEMAS, CouncilFrames
from stabilise.analytics.measures import measures_at, measures_by, measures_series
from stabilise.analytics.weekly_caseload import weekly_caseload_report, workers_above
from stabilise.demo.export import export_council
from stabilise.demo.simulation import simulate_council
from stabilise.workforce.importing import import_council
from stabilise.workforce.selectors import (
    council_frames,
    measures_frames,
    weekly_caseload_frames,
)

pytestmark = pytest.mark.django_db

D = dt.date


def _register() -> CouncilFrames:
    """Every column used at least once, blanks and nulls included; defaults already applied,
    since the database stores them. Text that CSV must quote and a date before 1970 (a
    negative day number on the way from the database) too."""
    return CouncilFrames.of(
        teams=pl.DataFrame(
            {
                "team_id": ["CS", "CP1"],
                "team_name": ["Children's services", "Child Protection 1"],
                "service": [None, "Child Protection"],
                "parent_team_id": [None, "CS"],
            }
        ),
        posts=pl.DataFrame(
            {
                "post_id": ["P1", "P2"],
                "team_id": ["CP1", "CP1"],
                "org_role": [5, 3],
                "job_title": ["Social worker", None],
                "grade": ["SW2", None],
                "fte": [1.0, 0.5],
                "hard_to_fill": [True, False],
                "established_from": [D(2020, 1, 1), D(2020, 1, 1)],
                "established_to": [None, D(2030, 3, 31)],
            }
        ),
        workers=pl.DataFrame(
            {
                "worker_id": ["W1", "W2"],
                "display_name": ["Ann Smith", 'Jones, Robert "Bob"'],
                "swe_number": ["SW12345", None],
                "date_of_birth": [D(1985, 2, 3), D(1960, 2, 29)],
                "gender": [2, None],
                "ethnicity": ["WBRI", None],
                "qual_level": [2, None],
                "qual_institution": ["University of Kent", None],
                "qualified_on": [D(2010, 7, 1), None],
                "step_up_grad": [True, False],
                "frontline_grad": [False, False],
            }
        ),
        assignments=pl.DataFrame(
            {
                "assignment_id": ["A1", "A2", "A3"],
                "worker_id": ["W1", "W2", "W1"],
                "team_id": ["CP1", "CP1", "CS"],
                "post_id": ["P1", "P2", None],
                "org_role": [5, 5, 3],
                "job_title": ["Social worker", None, None],
                "contract": ["permanent", "agency", "fixed_term"],
                "fte": [0.8, 0.5, 0.2],
                "start_date": [D(2020, 1, 1), D(2020, 3, 1), D(2021, 1, 1)],
                "end_date": [D(2021, 6, 30), None, D(2021, 6, 30)],
                "start_origin": [1, None, None],
                "end_reason": [1, None, None],
                "end_destination": [3, None, None],
                "agency_name": [None, "Acme Social Care", None],
                "hourly_rate": [None, 42.5, None],
                "covers_vacancy": [False, True, False],
            }
        ),
        caseloads=pl.DataFrame(
            {
                "worker_id": ["W1", "W1", "W2"],
                "date": [D(2021, 1, 4), D(2021, 1, 11), D(2021, 1, 4)],
                "cases": [15, 17, 9],
                "weighted_points": [None, 20.5, None],
            }
        ),
        absences=pl.DataFrame(
            {
                "worker_id": ["W1"],
                "start_date": [D(2021, 2, 1)],
                "end_date": [D(2021, 2, 5)],
                "reason": ["SIC"],
                "working_days_lost": [4.5],
            }
        ),
    )


def _sorted(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(list(SCHEMAS[name])[:2])


def _import(register: CouncilFrames, folder: Path) -> None:
    for name in SCHEMAS:
        frame = getattr(register, name)
        if name == "assignments":
            # The file may say covers_vacancy for agency work only; the rest store False.
            frame = frame.with_columns(
                covers_vacancy=pl.when(pl.col("contract") == "agency").then("covers_vacancy")
            )
        frame.write_csv(folder / f"{name}.csv")
    result = import_council(folder, imported_by="test")
    assert result.ok, result.problems


def test_the_frames_read_back_exactly_what_an_import_stored(tmp_path: Path) -> None:
    written = _register()
    _import(written, tmp_path)

    read = council_frames()

    for name in SCHEMAS:
        assert_frame_equal(
            _sorted(name, getattr(read, name)), _sorted(name, getattr(written, name))
        )


def test_caseloads_from_leaves_out_older_snapshots_only(tmp_path: Path) -> None:
    written = _register()
    _import(written, tmp_path)

    read = council_frames(caseloads_from=D(2021, 1, 5))

    assert read.caseloads.rows() == [("W1", D(2021, 1, 11), 17, 20.5)]
    assert read.assignments.height == 3 and read.absences.height == 1


@pytest.mark.parametrize(
    ("days", "kept"),
    [
        ([D(2021, 1, 10)], [("W1", D(2021, 1, 4)), ("W2", D(2021, 1, 4))]),
        ([D(2021, 1, 11)], [("W1", D(2021, 1, 11))]),
        (
            [D(2021, 1, 10), D(2021, 1, 11)],
            [("W1", D(2021, 1, 4)), ("W1", D(2021, 1, 11)), ("W2", D(2021, 1, 4))],
        ),
        ([D(2021, 1, 3), D(2021, 1, 17)], [("W1", D(2021, 1, 11))]),
        ([], []),
        (  # more days than a query's parameters allow: read as one range instead
            [D(2018, 1, 1) + dt.timedelta(days=n) for n in range(0, 2000, 2)],
            [("W1", D(2021, 1, 4)), ("W1", D(2021, 1, 11)), ("W2", D(2021, 1, 4))],
        ),
    ],
)
def test_caseloads_on_keeps_the_snapshots_of_each_day_and_the_six_before(
    tmp_path: Path, days: list[dt.date], kept: list[tuple[str, dt.date]]
) -> None:
    _import(_register(), tmp_path)

    read = council_frames(caseloads_on=days)

    assert read.caseloads.select("worker_id", "date").rows() == kept


def test_an_empty_database_gives_empty_frames_of_the_right_types() -> None:
    read = council_frames()

    for name, schema in SCHEMAS.items():
        frame = getattr(read, name)
        assert frame.is_empty()
        assert dict(frame.schema) == schema


def test_a_reader_gets_only_the_frames_and_columns_it_names(tmp_path: Path) -> None:
    _import(_register(), tmp_path)

    read = council_frames(
        columns={"assignments": ["assignment_id", "worker_id", "post_id"], "caseloads": ["cases"]}
    )

    named = ["assignment_id", "worker_id", "post_id"]
    assert read.assignments.select(named).sort("assignment_id").rows() == [
        ("A1", "W1", "P1"),
        ("A2", "W2", "P2"),
        ("A3", "W1", None),
    ]
    others = read.assignments.drop(named)
    assert others.width == 13 and others.null_count().row(0) == (3,) * 13
    assert dict(read.assignments.schema) == SCHEMAS["assignments"]
    assert sorted(read.caseloads["cases"].to_list()) == [9, 15, 17]
    assert read.caseloads["worker_id"].null_count() == 3
    assert read.teams.is_empty() and read.workers.is_empty() and read.absences.is_empty()


def test_asking_for_a_frame_or_column_the_register_does_not_have_is_an_error() -> None:
    with pytest.raises(ValueError, match="the register has no frame leavers"):
        council_frames(columns={"leavers": ["worker_id"]})
    with pytest.raises(ValueError, match="the caseloads frame has no column team_id"):
        council_frames(columns={"caseloads": ["worker_id", "team_id"]})


def test_the_measures_read_keeps_the_week_of_caseloads_and_the_year_of_absences_a_date_uses(
    tmp_path: Path,
) -> None:
    register = _register()
    day = D(2021, 3, 1)
    # Snapshots on D-7 (too old to count on D), D-6 (the oldest that can), D and D+1. The year
    # to D begins after 1 March 2020 (D less a calendar year); the read keeps absences from a
    # day earlier still, 29 February, and none before it or after D.
    register = CouncilFrames.of(
        **{n: getattr(register, n) for n in SCHEMAS if n not in ("caseloads", "absences")},
        caseloads=pl.DataFrame(
            {
                "worker_id": ["W2"] * 4,
                "date": [D(2021, 2, 22), D(2021, 2, 23), D(2021, 3, 1), D(2021, 3, 2)],
                "cases": [1, 2, 3, 4],
            }
        ),
        absences=pl.DataFrame(
            {
                "worker_id": ["W1"] * 5,
                "start_date": [
                    D(2020, 2, 28),
                    D(2020, 2, 29),
                    D(2020, 3, 1),
                    D(2020, 3, 2),
                    D(2021, 3, 2),
                ],
                "end_date": [
                    D(2020, 2, 28),
                    D(2020, 2, 29),
                    D(2020, 3, 1),
                    D(2020, 3, 2),
                    D(2021, 3, 2),
                ],
                "reason": ["SIC"] * 5,
                "working_days_lost": [0.25, 0.5, 0.75, 1.0, 0.1],
            }
        ),
    )
    _import(register, tmp_path)

    read = measures_frames([day])

    assert read.caseloads["date"].to_list() == [D(2021, 2, 23), D(2021, 3, 1)]
    assert sorted(read.absences["start_date"].to_list()) == [
        D(2020, 2, 29),
        D(2020, 3, 1),
        D(2020, 3, 2),
    ]
    assert read.workers.is_empty()
    measures = measures_at(read, day)
    assert (measures.cases, measures.working_days_lost_fte) == (3, 1.0)
    assert measures == measures_at(council_frames(), day)


# --- windowed reads against whole-register reads, on a simulated council ------------------------

# Thirteen months of the demo council's daily records (about 250 people), 29 February 2024
# among them.
DEMO_START, DEMO_END = D(2023, 3, 1), D(2024, 3, 31)
# Sums of fractional FTEs and days are equal to the last few bits only: Polars adds in
# parallel, in no fixed order, so even two runs over the very same frames can differ there.
CLOSE = {"rel_tol": 1e-12, "abs_tol": 1e-12}


def _close(ours: Any, theirs: Any) -> bool:
    """The same values, floats to CLOSE (dicts and lists compared item by item)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(_close(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list | tuple) and isinstance(theirs, list | tuple):
        return len(ours) == len(theirs) and all(map(_close, ours, theirs))
    if isinstance(ours, float) and isinstance(theirs, float):
        return math.isclose(ours, theirs, **CLOSE)
    return bool(ours == theirs)


@pytest.fixture
def demo_council(tmp_path: Path) -> CouncilFrames:
    frames = simulate_council(seed=7, today=DEMO_END, start=DEMO_START)
    export_council(frames, tmp_path / "demo")
    result = import_council(tmp_path / "demo", imported_by="test")
    assert result.ok, result.problems
    return frames


def test_the_measures_read_gives_the_same_measures_as_the_whole_register(
    demo_council: CouncilFrames,
) -> None:
    whole = council_frames()
    # Month ends for a series, 29 February, a Saturday (Friday's snapshots), the day after the
    # Easter bank holidays, the first and last days of the records.
    dates = [
        D(2023, 3, 1),
        D(2023, 9, 30),
        D(2023, 12, 31),
        D(2024, 1, 31),
        D(2024, 2, 29),
        D(2024, 3, 2),
        D(2024, 4, 2),
        D(2024, 3, 31),
    ]

    for by in (None, "team", "role"):
        assert_frame_equal(
            measures_series(measures_frames(dates), dates, by=by),
            measures_series(whole, dates, by=by),
            **CLOSE,
        )
    for day in dates:
        one_day = measures_frames([day])
        assert _close(measures_at(one_day, day).as_dict(), measures_at(whole, day).as_dict())
        by_team = measures_by(one_day, day, "team")
        assert _close(
            {team: m.as_dict() for team, m in by_team.items()},
            {team: m.as_dict() for team, m in measures_by(whole, day, "team").items()},
        )
    last_day = measures_at(whole, DEMO_END)
    assert last_day.cases > 0 and last_day.working_days_lost_fte > 0, "a test with something in it"


def test_the_weekly_caseload_read_gives_the_same_report_as_the_whole_register(
    demo_council: CouncilFrames,
) -> None:
    whole = council_frames()

    # A week whose thirteen weeks start before the records, one with a bank holiday Friday
    # (Good Friday, 29 March 2024), and an ordinary one.
    for week_ending in (D(2023, 5, 5), D(2023, 11, 17), D(2024, 3, 29)):
        read = weekly_caseload_frames(week_ending)
        assert _close(
            weekly_caseload_report(read, week_ending).as_dict(),
            weekly_caseload_report(whole, week_ending).as_dict(),
        )
        assert workers_above(read, week_ending, 18) == workers_above(whole, week_ending, 18)
    assert workers_above(whole, D(2023, 11, 17), 18), "someone is above the threshold"
