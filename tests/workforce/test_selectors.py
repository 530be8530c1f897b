import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from stabilise.analytics.frames import SCHEMAS, CouncilFrames
from stabilise.workforce.importing import import_council
from stabilise.workforce.selectors import council_frames

pytestmark = pytest.mark.django_db

D = dt.date


def _register() -> CouncilFrames:
    """Every column used at least once, blanks and nulls included; defaults already applied,
    since the database stores them."""
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
                "display_name": ["Ann Smith", "Bob Jones"],
                "swe_number": ["SW12345", None],
                "date_of_birth": [D(1985, 2, 3), None],
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
