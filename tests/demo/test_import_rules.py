"""The simulated council obeys every check of contracts/import-format.md.

These are written against the frames directly, so a failure names the rule; test_export.py
also runs the importer's own checks over the exported files.
"""

from datetime import date

import holidays
import numpy as np
import polars as pl

from stabilise import csww
from stabilise.analytics.frames import CouncilFrames
from tests.demo.conftest import START, TODAY
from tests.demo.values import highest, lowest

FAR_FUTURE = date(9999, 12, 31)
IDS = {"teams": ["team_id"], "posts": ["post_id"], "workers": ["worker_id"],
       "assignments": ["assignment_id"], "caseloads": ["worker_id", "date"]}


def codes(code_list: tuple[tuple[object, str], ...]) -> list[object]:
    return [code for code, _ in code_list]


def test_ids_are_unique_within_each_file(council: CouncilFrames) -> None:
    for name, key in IDS.items():
        frame = getattr(council, name)
        assert frame.select(key).is_duplicated().sum() == 0, name
        assert frame.select(pl.col(key).is_null().any()).row(0) == (False,) * len(key)


def test_every_reference_resolves(council: CouncilFrames) -> None:
    teams, posts = set(council.teams["team_id"]), set(council.posts["post_id"])
    workers = set(council.workers["worker_id"])
    assert set(council.posts["team_id"]) <= teams
    assert set(council.assignments["team_id"]) <= teams
    assert set(council.assignments["post_id"].drop_nulls()) <= posts
    assert set(council.assignments["worker_id"]) <= workers
    assert set(council.caseloads["worker_id"]) <= workers
    assert set(council.absences["worker_id"]) <= workers
    assert set(council.teams["parent_team_id"].drop_nulls()) <= teams


def test_no_date_range_ends_before_it_starts(council: CouncilFrames) -> None:
    assert council.posts.filter(pl.col("established_to") < pl.col("established_from")).is_empty()
    assert council.assignments.filter(pl.col("end_date") < pl.col("start_date")).is_empty()
    assert council.absences.filter(pl.col("end_date") < pl.col("start_date")).is_empty()


def test_nothing_is_dated_after_today(council: CouncilFrames) -> None:
    assert highest(council.assignments["start_date"]) <= TODAY
    assert highest(council.assignments["end_date"]) <= TODAY
    assert highest(council.caseloads["date"]) <= TODAY
    assert highest(council.absences["end_date"]) <= TODAY


def test_codes_and_numbers_are_in_their_lists(council: CouncilFrames) -> None:
    a, w = council.assignments, council.workers
    assert set(a["org_role"]) <= set(codes(csww.ORG_ROLE))
    assert set(council.posts["org_role"]) <= set(codes(csww.ORG_ROLE))
    assert set(a["contract"]) <= set(codes(csww.CONTRACT))
    assert set(a["start_origin"].drop_nulls()) <= set(codes(csww.START_ORIGIN))
    assert set(a["end_reason"].drop_nulls()) <= set(codes(csww.END_REASON))
    assert set(a["end_destination"].drop_nulls()) <= set(codes(csww.END_DESTINATION))
    assert set(w["gender"]) <= set(codes(csww.GENDER))
    assert set(w["ethnicity"]) <= set(codes(csww.ETHNICITY))
    assert set(w["qual_level"]) <= set(codes(csww.QUAL_LEVEL))
    assert set(council.absences["reason"]) <= set(codes(csww.ABSENCE_REASON))
    for fte in (a["fte"], council.posts["fte"]):
        assert lowest(fte) > 0 and highest(fte) <= 1
    assert lowest(council.caseloads["cases"]) >= 0
    assert w["swe_number"].str.contains(r"^[A-Z]{2}\d+$").all()


def test_no_worker_is_in_post_for_more_than_one_fte_on_any_day(council: CouncilFrames) -> None:
    in_post = council.assignments.filter(pl.col("contract") != "agency").select(
        "worker_id", "fte", "start_date", pl.col("end_date").fill_null(FAR_FUTURE)
    )
    # A worker's load is highest on the first day of one of their assignments.
    first_days = in_post.select("worker_id", day=pl.col("start_date")).unique()
    load = (
        first_days.join(in_post, on="worker_id")
        .filter((pl.col("start_date") <= pl.col("day")) & (pl.col("end_date") >= pl.col("day")))
        .group_by("worker_id", "day")
        .agg(pl.col("fte").sum())
    )
    assert load.height == first_days.height
    assert load.filter(pl.col("fte") > 1.0 + 1e-9).is_empty()


def test_end_reasons_and_destinations_come_only_with_an_end_date(
    council: CouncilFrames,
) -> None:
    open_ended = council.assignments.filter(pl.col("end_date").is_null())
    assert open_ended["end_reason"].null_count() == open_ended.height
    assert open_ended["end_destination"].null_count() == open_ended.height


def test_agency_columns_appear_only_on_agency_assignments(council: CouncilFrames) -> None:
    others = council.assignments.filter(pl.col("contract") != "agency")
    for column in ("agency_name", "hourly_rate", "covers_vacancy"):
        assert others[column].null_count() == others.height, column


def test_a_caseload_is_recorded_only_on_a_day_with_an_active_assignment(
    council: CouncilFrames,
) -> None:
    spans = council.assignments.select(
        "worker_id", "start_date", pl.col("end_date").fill_null(FAR_FUTURE), "org_role"
    )
    covered = (
        council.caseloads.select("worker_id", "date")
        .join(spans, on="worker_id")
        .filter((pl.col("start_date") <= pl.col("date")) & (pl.col("end_date") >= pl.col("date")))
    )
    assert covered.select("worker_id", "date").unique().height == council.caseloads.height
    # ... and only for those who hold cases: team managers hold none.
    assert set(covered["org_role"]) <= {4, 5}


def test_caseloads_are_taken_on_working_days_only(council: CouncilFrames) -> None:
    days = council.caseloads["date"].unique().sort()
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(2017, 2027))
    assert highest(days.dt.weekday()) <= 5  # Polars: Monday 1 ... Friday 5
    assert not set(days) & set(bank_holidays)
    every_working_day = np.arange(np.datetime64(START), np.datetime64(TODAY) + 1)
    every_working_day = every_working_day[
        np.is_busday(every_working_day, holidays=sorted(bank_holidays))
    ]
    assert len(days) == len(every_working_day)


def test_working_days_lost_match_the_dates_and_the_workers_fte(council: CouncilFrames) -> None:
    bank_holidays = sorted(holidays.country_holidays("GB", subdiv="ENG", years=range(2017, 2027)))
    absences = council.absences.join(
        council.assignments.filter(pl.col("contract") != "agency").select(
            "worker_id", "fte", "start_date", pl.col("end_date").alias("until")
        ),
        on="worker_id",
        suffix="_assignment",
    ).filter(
        (pl.col("start_date_assignment") <= pl.col("start_date"))
        & (pl.col("until").is_null() | (pl.col("until") >= pl.col("end_date")))
    )
    # Every absence falls inside one of the worker's in-post assignments.
    assert absences.height == council.absences.height
    working_days = np.busday_count(
        absences["start_date"].to_numpy(),
        absences["end_date"].to_numpy() + np.timedelta64(1, "D"),
        holidays=bank_holidays,
    )
    expected = np.round(working_days * absences["fte"].to_numpy(), 2)
    assert np.allclose(absences["working_days_lost"].to_numpy(), expected)
    assert (working_days > 0).all()


def test_absences_of_a_worker_never_overlap(council: CouncilFrames) -> None:
    ordered = council.absences.sort("worker_id", "start_date").with_columns(
        previous_end=pl.col("end_date").shift(1).over("worker_id")
    )
    assert ordered.filter(pl.col("start_date") <= pl.col("previous_end")).is_empty()


def test_a_post_is_never_filled_beyond_its_fte_nor_after_it_closes(
    council: CouncilFrames,
) -> None:
    on_posts = council.assignments.filter(pl.col("post_id").is_not_null()).join(
        council.posts.select("post_id", pl.col("fte").alias("post_fte"), "established_from",
                             "established_to"),
        on="post_id",
    )
    assert on_posts.filter(pl.col("start_date") < pl.col("established_from")).is_empty()
    assert on_posts.filter(
        pl.col("established_to").is_not_null()
        & (pl.col("end_date").is_null() | (pl.col("end_date") > pl.col("established_to")))
    ).is_empty()
    in_post = on_posts.filter(pl.col("contract") != "agency")
    assert in_post.filter(pl.col("fte") > pl.col("post_fte")).is_empty()
    # One holder at a time, and agency cover only while the post has no holder.
    spans = on_posts.select("post_id", "assignment_id", "start_date",
                            pl.col("end_date").fill_null(FAR_FUTURE))
    overlapping = spans.join(spans, on="post_id", suffix="_other").filter(
        (pl.col("assignment_id") < pl.col("assignment_id_other"))
        & (pl.col("start_date") <= pl.col("end_date_other"))
        & (pl.col("start_date_other") <= pl.col("end_date"))
    )
    assert overlapping.is_empty()
