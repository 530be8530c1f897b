"""The as-at measures of contracts/measures.md, checked against figures worked out by hand.

Each test builds a small register and states, in comments, how the expected figures follow
from the contract's definitions.
"""

import dataclasses
import itertools
import json
from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl
import pytest

from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.measures import (
    MEASURE_KEYS,
    Measures,
    last_30_september,
    measures_at,
    measures_at_each,
    measures_by,
    measures_series,
)

day = date.fromisoformat
_ids = itertools.count(1)


def job(
    worker: str,
    start: str,
    end: str | None = None,
    *,
    contract: str = "permanent",
    fte: float = 1.0,
    team: str = "T1",
    role: int = 5,
    post: str | None = None,
    covers: bool | None = None,
) -> dict[str, Any]:
    return {
        "assignment_id": f"A{next(_ids)}",
        "worker_id": worker,
        "team_id": team,
        "post_id": post,
        "org_role": role,
        "contract": contract,
        "fte": fte,
        "start_date": day(start),
        "end_date": day(end) if end else None,
        "covers_vacancy": covers,
    }


def post(
    post_id: str,
    fte: float = 1.0,
    *,
    team: str = "T1",
    role: int = 5,
    start: str = "2015-01-01",
    end: str | None = None,
) -> dict[str, Any]:
    return {
        "post_id": post_id,
        "team_id": team,
        "org_role": role,
        "fte": fte,
        "established_from": day(start),
        "established_to": day(end) if end else None,
    }


def snapshot(worker: str, on: str, cases: int) -> dict[str, Any]:
    return {"worker_id": worker, "date": day(on), "cases": cases}


def absence(worker: str, start: str, days_lost: float, reason: str = "SIC") -> dict[str, Any]:
    return {
        "worker_id": worker,
        "start_date": day(start),
        "end_date": day(start),
        "reason": reason,
        "working_days_lost": days_lost,
    }


def council(
    assignments: Iterable[dict[str, Any]] = (),
    posts: Iterable[dict[str, Any]] = (),
    caseloads: Iterable[dict[str, Any]] = (),
    absences: Iterable[dict[str, Any]] = (),
) -> CouncilFrames:
    given = {
        "assignments": list(assignments),
        "posts": list(posts),
        "caseloads": list(caseloads),
        "absences": list(absences),
    }
    # An empty frame is left to CouncilFrames' typed default rather than built from no rows.
    return CouncilFrames.of(**{name: pl.DataFrame(rows) for name, rows in given.items() if rows})


# --- staffing -------------------------------------------------------------------------------


def test_in_post_and_agency_fte_and_headcount_count_the_assignments_active_on_the_day() -> None:
    frames = council(
        [
            job("w1", "2020-01-01", fte=1.0),  # in post
            job("w2", "2021-01-01", "2022-03-31", contract="fixed_term", fte=0.5),  # in post
            job("w3", "2019-01-01", "2021-09-29", fte=1.0),  # ended the day before
            job("w4", "2021-10-01", fte=0.8),  # starts the day after
            job("w5", "2021-06-01", contract="agency", fte=0.8, post="P1", covers=True),
            job("w6", "2021-01-01", contract="agency", fte=0.6),  # no post: covers nothing
        ]
    )
    m = measures_at(frames, day("2021-09-30"))
    # In post: w1 1.0 + w2 0.5 = 1.5 over 2 workers; agency: w5 0.8 + w6 0.6 = 1.4 over 2.
    assert m.inpost_fte == pytest.approx(1.5)
    assert m.inpost_headcount == 2
    assert m.agency_fte == pytest.approx(1.4)
    assert m.agency_headcount == 2
    # 100 x 1.4 / (1.4 + 1.5)
    assert m.agency_rate_fte == pytest.approx(100 * 1.4 / 2.9)
    # Only w5 covers a vacancy: 0.8, so 100 x 0.8 / 1.4 of agency FTE is cover.
    assert m.agency_cover_fte == pytest.approx(0.8)
    assert m.agency_cover_rate_fte == pytest.approx(100 * 0.8 / 1.4)


def test_a_worker_with_two_assignments_on_one_day_counts_once_and_their_fte_is_summed() -> None:
    frames = council(
        [
            job("w1", "2020-01-01", fte=0.6, team="T1"),
            job("w1", "2020-06-01", contract="fixed_term", fte=0.4, team="T2"),
            job("w2", "2020-01-01", contract="agency", fte=0.5),
            job("w2", "2020-01-01", contract="agency", fte=0.5),
        ]
    )
    m = measures_at(frames, day("2021-01-01"))
    # w1: 0.6 + 0.4 = 1.0 FTE, one person; w2 likewise on agency.
    assert m.inpost_fte == pytest.approx(1.0)
    assert m.inpost_headcount == 1
    assert m.agency_fte == pytest.approx(1.0)
    assert m.agency_headcount == 1


def test_an_assignment_ending_on_the_day_is_still_active_and_one_starting_next_day_is_not() -> None:
    frames = council(
        [
            job("w1", "2020-01-01", "2021-03-31", fte=0.7),  # ends on D: active
            job("w2", "2021-04-01", fte=0.9),  # starts on D + 1: not active
            job("w3", "2021-03-31", contract="agency", fte=0.3),  # starts on D: active
        ]
    )
    m = measures_at(frames, day("2021-03-31"))
    assert (m.inpost_fte, m.inpost_headcount) == (pytest.approx(0.7), 1)
    assert (m.agency_fte, m.agency_headcount) == (pytest.approx(0.3), 1)


# --- vacancies and agency cover -----------------------------------------------------------


def test_vacancy_is_the_post_fte_not_filled_by_in_post_assignments_on_that_post() -> None:
    frames = council(
        [
            job("w1", "2021-01-01", fte=0.6, post="P1"),  # fills 0.6 of P1
            job("w2", "2020-01-01", "2022-01-31", fte=1.0, post="P1"),  # gone before D
            job("w3", "2021-01-01", contract="agency", fte=1.0, post="P2"),  # covers, fills 0
            job("w4", "2021-01-01", fte=1.0, post="P3"),  # over-fills P3
            job("w6", "2021-01-01", contract="fixed_term", fte=0.5),  # extra capacity
        ],
        posts=[
            post("P1", 1.0),
            post("P2", 1.0),
            post("P3", 0.5),
            post("P4", 1.0, start="2019-01-01", end="2022-03-30"),  # disestablished before D
            post("P5", 1.0, start="2022-04-01"),  # established after D
            post("P6", 0.6, end="2022-03-31"),  # established to D itself: counts
        ],
    )
    m = measures_at(frames, day("2022-03-31"))
    # P1 1.0 - 0.6 = 0.4; P2 1.0 (agency does not fill); P3 max(0, 0.5 - 1.0) = 0; P6 0.6.
    assert m.vacancy_fte == pytest.approx(2.0)
    # In post: w1 0.6 + w4 1.0 + w6 0.5 = 2.1; rate 100 x 2.0 / (2.0 + 2.1).
    assert m.inpost_fte == pytest.approx(2.1)
    assert m.vacancy_rate_fte == pytest.approx(100 * 2.0 / 4.1)
    # w3 covers (the default with a post): 1.0 of 2.0 vacant FTE, all the agency FTE.
    assert m.agency_cover_fte == pytest.approx(1.0)
    assert m.vacancy_agency_cover_rate_fte == pytest.approx(50.0)
    assert m.agency_cover_rate_fte == pytest.approx(100.0)


def test_covers_vacancy_counts_only_agency_and_defaults_to_whether_a_post_is_named() -> None:
    frames = council(
        [
            job("a", "2021-01-01", contract="agency", fte=0.1, post="P1"),  # default: covers
            job("b", "2021-01-01", contract="agency", fte=0.2, post="P1", covers=False),
            job("c", "2021-01-01", contract="agency", fte=0.4),  # default without post: no
            job("d", "2021-01-01", contract="agency", fte=0.8, covers=True),
            job("e", "2021-01-01", fte=0.3, post="P1", covers=True),  # not agency
        ]
    )
    m = measures_at(frames, day("2021-06-01"))
    # a 0.1 + d 0.8 = 0.9 of agency 0.1 + 0.2 + 0.4 + 0.8 = 1.5.
    assert m.agency_cover_fte == pytest.approx(0.9)
    assert m.agency_fte == pytest.approx(1.5)
    assert m.agency_cover_rate_fte == pytest.approx(60.0)


# --- starters and leavers -------------------------------------------------------------------


def test_starters_are_in_post_starts_in_the_year_after_no_in_post_work_the_day_before() -> None:
    frames = council(
        [
            job("w1", "2021-01-10", fte=0.8),  # new: starter
            job("w2", "2020-06-01", "2021-05-31", contract="agency"),
            job("w2", "2021-06-01", fte=1.0),  # agency to permanent: starter
            job("w3", "2020-09-30", fte=0.5),  # the day before the year
            job("w4", "2020-10-01", fte=0.5),  # first day of the year to 2021-09-30
            job("w5", "2021-10-01", fte=0.7),  # after D
            job("w6", "2021-09-30", contract="fixed_term", fte=0.6),  # on D
            job("w7", "2021-03-01", contract="agency", fte=1.0),  # agency: never a starter
        ]
    )
    m = measures_at(frames, day("2021-09-30"))
    # w1 0.8 + w2 1.0 + w4 0.5 + w6 0.6 = 2.9 over 4 workers.
    assert m.starters_fte == pytest.approx(2.9)
    assert m.starters_headcount == 4


def test_leavers_are_in_post_ends_in_the_year_with_no_in_post_work_the_day_after() -> None:
    frames = council(
        [
            job("w1", "2015-01-01", "2021-06-30", fte=1.0),  # leaver
            job("w2", "2015-01-01", "2021-05-31", fte=0.8),  # leaves to agency: leaver
            job("w2", "2021-06-01", contract="agency", fte=0.8),
            job("w3", "2015-01-01", "2020-09-30", fte=0.5),  # the day before the year
            job("w4", "2015-01-01", "2020-10-01", contract="fixed_term", fte=0.6),  # first day
            job("w5", "2015-01-01", "2021-09-30", fte=0.4),  # leaves on D: leaver, in post
            job("w6", "2015-01-01", "2021-10-01", fte=1.0),  # leaves after D
            job("w7", "2015-01-01", "2021-07-01", contract="agency"),  # agency: never
            job("w8", "2015-01-01", fte=1.0),  # stays
        ]
    )
    m = measures_at(frames, day("2021-09-30"))
    # w1 1.0 + w2 0.8 + w4 0.6 + w5 0.4 = 2.8 over 4 workers.
    assert m.leavers_fte == pytest.approx(2.8)
    assert m.leavers_headcount == 4
    # In post on D: w5 0.4 + w6 1.0 + w8 1.0 = 2.4; turnover 100 x 2.8 / 2.4.
    assert m.inpost_fte == pytest.approx(2.4)
    assert m.turnover_rate_fte == pytest.approx(100 * 2.8 / 2.4)


def test_a_move_between_posts_inside_the_council_is_not_a_leaver_nor_a_starter() -> None:
    frames = council(
        [
            # Back to back: the old post ends the day before the new one starts.
            job("w1", "2019-01-01", "2021-03-31", post="P1", team="T1"),
            job("w1", "2021-04-01", post="P2", team="T2"),
            # Overlapping: the new post starts before the old one ends.
            job("w2", "2019-01-01", "2021-05-31", fte=0.5, team="T1"),
            job("w2", "2021-05-15", contract="fixed_term", fte=0.5, team="T2"),
        ]
    )
    m = measures_at(frames, day("2021-09-30"))
    assert (m.starters_fte, m.starters_headcount) == (0.0, 0)
    assert (m.leavers_fte, m.leavers_headcount) == (0.0, 0)
    # Nor is it a leaver from the old team or a starter in the new one.
    for team in measures_by(frames, day("2021-09-30"), "team").values():
        assert (team.starters_headcount, team.leavers_headcount) == (0, 0)


def test_a_return_after_a_day_without_a_post_is_a_leaver_and_a_starter() -> None:
    frames = council(
        [
            job("w1", "2019-01-01", "2021-02-01", fte=1.0),
            job("w1", "2021-02-03", fte=0.8),  # 2021-02-02 not in post
            job("w2", "2019-01-01", "2021-02-01", fte=1.0),
            job("w2", "2021-02-02", fte=0.8),  # the very next day: a move
        ]
    )
    m = measures_at(frames, day("2021-09-30"))
    assert (m.leavers_fte, m.leavers_headcount) == (pytest.approx(1.0), 1)
    assert (m.starters_fte, m.starters_headcount) == (pytest.approx(0.8), 1)


def test_a_worker_starting_and_leaving_two_part_time_posts_together_counts_once() -> None:
    frames = council(
        [
            job("w1", "2021-01-01", "2021-08-31", fte=0.5, post="P1"),
            job("w1", "2021-01-01", "2021-08-31", fte=0.5, post="P2"),
        ]
    )
    m = measures_at(frames, day("2021-09-30"))
    # Both assignments are starts and ends (FTE 0.5 + 0.5); one person.
    assert (m.starters_fte, m.starters_headcount) == (pytest.approx(1.0), 1)
    assert (m.leavers_fte, m.leavers_headcount) == (pytest.approx(1.0), 1)


# --- the year to D around 29 February -----------------------------------------------------


def test_the_year_to_29_february_2024_runs_from_1_march_2023() -> None:
    # 2024-02-29 minus one year is taken as 2023-02-28, so the year is 2023-03-01..2024-02-29.
    frames = council(
        [
            job("s1", "2023-02-28", fte=1.0),  # excluded
            job("s2", "2023-03-01", fte=0.5),  # first day: starter
            job("s3", "2024-02-29", fte=0.3),  # D: starter
            job("l1", "2015-01-01", "2023-02-28", fte=1.0),  # excluded
            job("l2", "2015-01-01", "2023-03-01", fte=0.7),  # first day: leaver
            job("l3", "2015-01-01", "2024-02-29", fte=0.2),  # D: leaver
        ],
        absences=[
            absence("s1", "2023-02-28", 100.0),  # excluded
            absence("s1", "2023-03-01", 2.0),
            absence("s1", "2024-02-29", 1.0),
        ],
    )
    m = measures_at(frames, day("2024-02-29"))
    assert (m.starters_fte, m.starters_headcount) == (pytest.approx(0.8), 2)
    assert (m.leavers_fte, m.leavers_headcount) == (pytest.approx(0.9), 2)
    assert m.working_days_lost_fte == pytest.approx(3.0)


def test_the_year_to_1_march_2021_runs_from_2_march_2020() -> None:
    frames = council(
        [
            job("s1", "2020-02-29", fte=1.0),  # excluded
            job("s2", "2020-03-01", fte=1.0),  # 2021-03-01 minus a year: excluded
            job("s3", "2020-03-02", fte=0.4),  # first day: starter
            job("l1", "2015-01-01", "2020-03-01", fte=1.0),  # excluded
            job("l2", "2015-01-01", "2021-03-01", fte=0.6),  # D: leaver
        ],
        absences=[absence("s1", "2020-03-01", 9.0), absence("s1", "2020-03-02", 4.0)],
    )
    m = measures_at(frames, day("2021-03-01"))
    assert (m.starters_fte, m.starters_headcount) == (pytest.approx(0.4), 1)
    assert (m.leavers_fte, m.leavers_headcount) == (pytest.approx(0.6), 1)
    assert m.working_days_lost_fte == pytest.approx(4.0)


# --- caseloads ------------------------------------------------------------------------------


def test_cases_and_case_holders_use_each_active_workers_latest_snapshot_of_the_week() -> None:
    frames = council(
        [
            job("w2", "2020-01-01", fte=1.0),
            job("w3", "2020-01-01", contract="agency", fte=0.8),
            job("w4", "2020-01-01", fte=1.0),
            job("w5", "2020-01-01", fte=0.6),
            job("w5", "2020-01-01", contract="fixed_term", fte=0.4),
            job("w6", "2020-01-01", "2024-03-10", fte=1.0),  # left before D
        ],
        caseloads=[
            snapshot("w2", "2024-03-09", 12),
            snapshot("w3", "2024-03-10", 20),
            snapshot("w3", "2024-03-14", 15),  # latest in [D-6, D]
            snapshot("w3", "2024-03-16", 99),  # after D
            snapshot("w4", "2024-03-15", 0),
            snapshot("w5", "2024-03-15", 10),
            snapshot("w6", "2024-03-09", 8),
        ],
    )
    m = measures_at(frames, day("2024-03-15"))
    # w2 12 + w3 15 (agency counts) + w4 0 + w5 10; w6 is not active on D.
    assert m.cases == 37
    # Case holders (1 or more): w2 1.0 + w3 0.8 + w5 0.6 + 0.4; w4 holds none.
    assert m.case_holders_fte == pytest.approx(2.8)
    assert m.caseload_fte == pytest.approx(37 / 2.8)


def test_a_snapshot_six_days_old_gives_the_caseload_but_one_seven_days_old_does_not() -> None:
    frames = council(
        [job("w1", "2020-01-01"), job("w2", "2020-01-01")],
        caseloads=[snapshot("w1", "2024-03-09", 12), snapshot("w2", "2024-03-08", 30)],
    )
    m = measures_at(frames, day("2024-03-15"))
    # w1's snapshot is D - 6: known; w2's is D - 7: no caseload known.
    assert m.cases == 12
    assert m.case_holders_fte == pytest.approx(1.0)


def test_the_latest_snapshot_of_the_week_wins_even_when_it_is_zero() -> None:
    frames = council(
        [job("w1", "2020-01-01")],
        caseloads=[snapshot("w1", "2024-03-12", 18), snapshot("w1", "2024-03-14", 0)],
    )
    m = measures_at(frames, day("2024-03-15"))
    assert (m.cases, m.case_holders_fte, m.caseload_fte) == (0, 0.0, None)


def test_without_a_snapshot_in_the_last_seven_days_no_caseload_is_known() -> None:
    frames = council(
        [job("w1", "2020-01-01")],
        caseloads=[snapshot("w1", "2024-01-01", 25)],
    )
    m = measures_at(frames, day("2024-03-15"))
    assert (m.cases, m.case_holders_fte, m.caseload_fte) == (0, 0.0, None)


# --- sickness absence -----------------------------------------------------------------------


def test_working_days_lost_counts_sickness_starting_in_the_year_while_in_post() -> None:
    frames = council(
        [
            job("w1", "2019-01-01", fte=1.0),
            job("w2", "2019-01-01", contract="agency"),
            job("w3", "2019-01-01", fte=0.5),
            job("w3", "2019-01-01", contract="fixed_term", fte=0.5),
            job("w4", "2019-01-01", "2021-06-30"),  # left before D
            job("w5", "2021-06-01"),  # started after their absence
        ],
        absences=[
            absence("w1", "2021-01-04", 5.0),
            absence("w1", "2021-02-01", 3.0, reason="TRN"),  # not sickness
            absence("w1", "2020-09-30", 7.0),  # the day before the year
            absence("w1", "2020-10-01", 2.0),  # first day of the year
            absence("w1", "2021-10-01", 4.0),  # after D
            absence("w2", "2021-03-01", 6.0),  # agency: not in post
            absence("w3", "2021-05-10", 10.0),  # two in-post assignments: counted once
            absence("w4", "2021-04-01", 3.0),  # in post when it started
            absence("w5", "2021-05-20", 4.0),  # not yet in post when it started
        ],
    )
    m = measures_at(frames, day("2021-09-30"))
    # 5 + 2 + 10 + 3 = 20 days; in post on D: w1 1.0 + w3 1.0 + w5 1.0 = 3.0.
    assert m.working_days_lost_fte == pytest.approx(20.0)
    assert m.inpost_fte == pytest.approx(3.0)
    assert m.absence_rate_fte == pytest.approx(100 * 20 / (3.0 * 253))


# --- empty registers and zero denominators ------------------------------------------------


def test_an_empty_register_gives_zeros_and_no_rates_without_crashing() -> None:
    m = measures_at(CouncilFrames(), day("2024-09-30"))
    values = m.as_dict()
    rates = {
        "agency_rate_fte",
        "vacancy_rate_fte",
        "agency_cover_rate_fte",
        "vacancy_agency_cover_rate_fte",
        "turnover_rate_fte",
        "caseload_fte",
        "absence_rate_fte",
    }
    assert {key for key in MEASURE_KEYS if values[key] is None} == rates
    assert all(values[key] == 0 for key in MEASURE_KEYS if key not in rates)
    assert isinstance(m.inpost_headcount, int)
    assert isinstance(m.inpost_fte, float)
    assert measures_by(CouncilFrames(), day("2024-09-30"), "team") == {}
    assert measures_series(CouncilFrames(), [day("2024-09-30"), day("2023-09-30")]).height == 2


def test_rates_over_a_zero_denominator_are_none_and_over_a_nonzero_one_are_numbers() -> None:
    in_post_only = measures_at(council([job("w1", "2020-01-01")]), day("2021-01-01"))
    # agency 0 of 1.0: 0 %; but cover over agency 0, or over vacancy 0, has no rate.
    assert in_post_only.agency_rate_fte == 0.0
    assert in_post_only.vacancy_rate_fte == 0.0
    assert in_post_only.turnover_rate_fte == 0.0
    assert in_post_only.absence_rate_fte == 0.0
    assert in_post_only.agency_cover_rate_fte is None
    assert in_post_only.vacancy_agency_cover_rate_fte is None
    assert in_post_only.caseload_fte is None

    agency_only = measures_at(
        council([job("w1", "2020-01-01", contract="agency")]), day("2021-01-01")
    )
    # No one in post: turnover and absence rates are over zero; agency is 100 % of staff.
    assert agency_only.agency_rate_fte == 100.0
    assert agency_only.turnover_rate_fte is None
    assert agency_only.absence_rate_fte is None


# --- breakdowns -----------------------------------------------------------------------------


def two_teams() -> CouncilFrames:
    return council(
        [
            job("w1", "2015-01-01", team="T1", post="P1"),
            # In both teams; the larger assignment (0.6, T1, role 4) is the main one.
            job("w2", "2015-01-01", fte=0.6, team="T1", role=4),
            job("w2", "2022-01-01", contract="fixed_term", fte=0.4, team="T2", post="P2"),
            job("w3", "2020-01-01", contract="agency", team="T2", post="P2"),
            job("w4", "2015-01-01", "2022-03-31", team="T2"),  # leaver from T2
            job("w5", "2022-02-01", fte=0.5, team="T2", role=3, post="P3"),  # starter in T2
            job("w6", "2010-01-01", "2015-12-31", team="T3"),  # long gone
        ],
        posts=[
            post("P1", team="T1"),
            post("P2", team="T2"),
            post("P3", team="T2", role=3),
        ],
        caseloads=[
            snapshot("w1", "2022-06-30", 15),
            snapshot("w2", "2022-06-30", 10),
            snapshot("w3", "2022-06-30", 20),
        ],
        absences=[absence("w2", "2022-02-01", 4.0), absence("w5", "2022-03-01", 2.0)],
    )


def test_measures_by_team_give_each_team_its_own_figures() -> None:
    teams = measures_by(two_teams(), day("2022-06-30"), "team")
    assert set(teams) == {"T1", "T2"}  # T3 has nothing on the day
    t1, t2 = teams["T1"], teams["T2"]
    # T1: w1 1.0 + w2 0.6; P1 filled by w1; w1 15 + all of w2's 10 cases and 1.0 FTE;
    # w2's absence began while their main in-post assignment was in T1.
    assert (t1.inpost_fte, t1.inpost_headcount) == (pytest.approx(1.6), 2)
    assert t1.vacancy_fte == pytest.approx(0.0)
    assert (t1.cases, t1.case_holders_fte) == (25, pytest.approx(2.0))
    assert t1.working_days_lost_fte == pytest.approx(4.0)
    assert (t1.starters_headcount, t1.leavers_headcount) == (0, 0)
    # T2: w2 0.4 + w5 0.5 in post, w3 1.0 agency covering P2; P2 1.0 - 0.4, P3 1.0 - 0.5;
    # w5 started, w4 left; w3's 20 cases over 1.0 FTE; w5's 2 days.
    assert (t2.inpost_fte, t2.inpost_headcount) == (pytest.approx(0.9), 2)
    assert (t2.agency_fte, t2.agency_cover_fte) == (pytest.approx(1.0), pytest.approx(1.0))
    assert t2.vacancy_fte == pytest.approx(1.1)
    assert (t2.starters_fte, t2.leavers_fte) == (pytest.approx(0.5), pytest.approx(1.0))
    assert (t2.cases, t2.case_holders_fte) == (20, pytest.approx(1.0))
    assert t2.working_days_lost_fte == pytest.approx(2.0)


def test_team_amounts_add_up_to_the_council_but_a_worker_in_two_teams_counts_in_both() -> None:
    frames = two_teams()
    whole = measures_at(frames, day("2022-06-30"))
    teams = measures_by(frames, day("2022-06-30"), "team").values()
    for key in (
        "inpost_fte",
        "agency_fte",
        "vacancy_fte",
        "agency_cover_fte",
        "starters_fte",
        "leavers_fte",
        "cases",
        "case_holders_fte",
        "working_days_lost_fte",
    ):
        assert sum(getattr(t, key) for t in teams) == pytest.approx(getattr(whole, key)), key
    # w1, w2, w5 in post in the council; w2 is in both T1's and T2's headcount.
    assert whole.inpost_headcount == 3
    assert sum(t.inpost_headcount for t in teams) == 4


def test_measures_by_role_are_keyed_by_the_org_role_code_as_a_string() -> None:
    roles = measures_by(two_teams(), day("2022-06-30"), "role")
    assert set(roles) == {"3", "4", "5"}
    # Role 5: w1 1.0 + w2 0.4 in post; P1 and P2 (0.6 vacant); w4's leaving.
    assert roles["5"].inpost_fte == pytest.approx(1.4)
    assert roles["5"].vacancy_fte == pytest.approx(0.6)
    assert roles["5"].leavers_fte == pytest.approx(1.0)
    # Role 4 is w2's main assignment: all their 10 cases.
    assert roles["4"].cases == 10
    # Role 3: w5, a starter, on P3 (1.0 - 0.5 vacant).
    assert roles["3"].vacancy_fte == pytest.approx(0.5)
    assert roles["3"].starters_fte == pytest.approx(0.5)


def test_an_unknown_breakdown_is_refused() -> None:
    with pytest.raises(ValueError, match="team"):
        measures_by(two_teams(), day("2022-06-30"), "grade")  # type: ignore[arg-type]


# --- series -----------------------------------------------------------------------------


def test_measures_series_gives_measures_at_each_date_in_the_order_given() -> None:
    frames = two_teams()
    dates = [day("2022-06-30"), day("2021-09-30"), day("2024-02-29"), day("2022-03-31")]
    series = measures_series(frames, dates)
    assert series.columns == ["as_at", *MEASURE_KEYS]
    assert series["as_at"].to_list() == dates
    for i, as_at in enumerate(dates):
        assert series.row(i, named=True) == dataclasses.asdict(measures_at(frames, as_at))


def test_measures_series_by_team_gives_measures_by_team_at_each_date() -> None:
    frames = two_teams()
    dates = [day("2022-06-30"), day("2015-06-30")]
    series = measures_series(frames, dates, by="team")
    for as_at in dates:
        rows = series.filter(pl.col("as_at") == as_at)
        expected = measures_by(frames, as_at, "team")
        assert rows["team_id"].to_list() == sorted(expected)
        for row in rows.iter_rows(named=True):
            team = row.pop("team_id")
            assert row == dataclasses.asdict(expected[team])


# --- the census date and JSON -------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "census"),
    [
        ("2024-09-30", "2024-09-30"),
        ("2024-09-29", "2023-09-30"),
        ("2024-10-01", "2024-09-30"),
        ("2025-01-15", "2024-09-30"),
        ("2024-02-29", "2023-09-30"),
    ],
)
def test_the_census_date_is_the_latest_30_september_on_or_before_today(
    today: str, census: str
) -> None:
    assert last_30_september(day(today)) == day(census)


def test_as_dict_is_json_ready_with_an_iso_date_unrounded_numbers_and_null_rates() -> None:
    frames = council(
        [
            job("w1", "2020-01-01", fte=1.0),
            job("w2", "2020-01-01", contract="agency", fte=0.5),
        ]
    )
    values = json.loads(json.dumps(measures_at(frames, day("2021-01-01")).as_dict()))
    assert values["as_at"] == "2021-01-01"
    assert values["agency_rate_fte"] == pytest.approx(100 / 3)  # 33.333..., not 33.3
    assert values["agency_rate_fte"] != round(values["agency_rate_fte"], 1)
    assert values["caseload_fte"] is None
    assert list(values) == ["as_at", *MEASURE_KEYS]
    assert isinstance(measures_at(frames, day("2021-01-01")), Measures)


def test_measures_at_each_census_day_in_one_pass_are_each_days_measures_in_the_order_given() -> None:
    frames = council(
        [
            job("w1", "2015-01-01"),
            job("w2", "2015-01-01", "2021-06-30", fte=0.5),  # leaves in the year to 2021
            job("w3", "2022-01-01", contract="agency"),
        ],
        [post("P1"), post("P2")],
        [snapshot("w1", "2020-09-28", 12), snapshot("w1", "2022-09-30", 18)],
    )
    days = [day("2022-09-30"), day("2020-09-30"), day("2021-09-30")]
    each = measures_at_each(frames, days)
    assert [m.as_at for m in each] == days
    assert each == [measures_at(frames, d) for d in days]
    # 2020: w1 1.0 + w2 0.5 in post, 12 cases over w1's 1.0 FTE; 2021: w2 has left (0.5 of
    # 1.0 in post at D: 50%); 2022: w3 agency 1.0 beside w1's 1.0, 18 cases.
    in_2022, in_2020, in_2021 = each
    assert (in_2020.inpost_fte, in_2020.caseload_fte) == (1.5, 12.0)
    assert (in_2021.inpost_fte, in_2021.turnover_rate_fte, in_2021.caseload_fte) == (1.0, 50.0, None)
    assert (in_2022.agency_rate_fte, in_2022.caseload_fte) == (50.0, 18.0)
