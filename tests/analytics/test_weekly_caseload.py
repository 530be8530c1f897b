"""The weekly caseload report of contracts/measures.md, checked against figures worked out by hand.

Unless a test says otherwise the week ends on Friday 7 March 2025 (W). Then W-7 is 28 February,
"caseload on W" is the latest snapshot in [1 March, 7 March] and the trend's dates are
[22 February, 7 March]. Each test states in comments how its figures follow from the contract.
"""

import itertools
import json
from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl
import pytest

from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.weekly_caseload import (
    TeamWeek,
    WeeklyCaseloadReport,
    last_friday,
    weekly_caseload_report,
    workers_above,
)

day = date.fromisoformat
W = day("2025-03-07")
_ids = itertools.count(1)


def job(
    worker: str,
    start: str,
    end: str | None = None,
    *,
    team: str = "T1",
    contract: str = "permanent",
    fte: float = 1.0,
) -> dict[str, Any]:
    return {
        "assignment_id": f"A{next(_ids)}",
        "worker_id": worker,
        "team_id": team,
        "org_role": 6,
        "contract": contract,
        "fte": fte,
        "start_date": day(start),
        "end_date": day(end) if end else None,
    }


def snap(worker: str, on: str, cases: int) -> dict[str, Any]:
    return {"worker_id": worker, "date": day(on), "cases": cases}


def council(
    assignments: Iterable[dict[str, Any]] = (),
    caseloads: Iterable[dict[str, Any]] = (),
    teams: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
) -> CouncilFrames:
    teams = {"T1": "Assessment", "T2": "Children in care"} if teams is None else teams
    given: dict[str, pl.DataFrame] = {
        "teams": pl.DataFrame(
            {"team_id": list(teams), "team_name": list(teams.values())},
            schema={"team_id": pl.String, "team_name": pl.String},
        )
    }
    if rows := list(assignments):
        given["assignments"] = pl.DataFrame(rows)
    if rows := list(caseloads):
        given["caseloads"] = pl.DataFrame(rows)
    if names:
        given["workers"] = pl.DataFrame(
            {"worker_id": list(names), "display_name": list(names.values())}
        )
    return CouncilFrames.of(**given)


def row(report: WeeklyCaseloadReport, team_id: str) -> TeamWeek:
    return next(team for team in report.teams if team.team_id == team_id)


# --- every column ---------------------------------------------------------------------------


def test_every_column_of_a_team_row_follows_the_contract() -> None:
    frames = council(
        [
            job("w1", "2020-01-01"),
            job("w2", "2020-01-01", contract="fixed_term", fte=0.5),
            job("w3", "2024-06-01", contract="agency"),
            job("w4", "2025-03-03"),  # started this week
            job("w5", "2020-01-01", "2025-03-02"),  # left this week
        ],
        [
            snap("w1", "2025-02-24", 18),
            snap("w2", "2025-02-24", 8),
            snap("w3", "2025-02-17", 16),
            snap("w5", "2025-02-26", 30),
            snap("w3", "2025-03-03", 15),
            snap("w1", "2025-03-05", 20),
            snap("w3", "2025-03-06", 12),
            snap("w2", "2025-03-07", 10),
            snap("w4", "2025-03-07", 0),
        ],
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    assert (t1.team_id, t1.team_name) == ("T1", "Assessment")
    # On W: w1, w2, w3 (agency) and w4; w5 left on 2 March. On W-7: w1, w2, w3, w5.
    assert t1.headcount == 4
    assert t1.headcount_change == 4 - 4
    # Caseload on W: w1 20 (5 Mar), w2 10 (7 Mar), w3 12 (6 Mar, his latest), w4 0.
    assert t1.case_holders == 3
    assert t1.cases == 20 + 10 + 12
    assert t1.average == pytest.approx(42 / 3)
    # The case holders' FTE: w1 1.0 + w2 0.5 + w3 1.0 = 2.5.
    assert t1.average_per_fte == pytest.approx(42 / 2.5)
    assert (t1.highest, t1.lowest) == (20, 10)
    # Dates in [22 Feb, 7 Mar] with cases >= 1 among the workers on W (w5's 26 Feb is not
    # theirs; w4's 0 on 7 Mar is not a case holder):
    #   24 Feb (18 + 8) / 2 = 13; 3 Mar 15; 5 Mar 20; 6 Mar 12; 7 Mar 10.
    assert t1.trend == pytest.approx((13 + 15 + 20 + 12 + 10) / 5)  # 14.0
    # W-7: workers w1, w2, w3, w5; dates in [15 Feb, 28 Feb]:
    #   17 Feb 16; 24 Feb 13; 26 Feb 30  -> (16 + 13 + 30) / 3 = 19.67; 14.0 - 19.67 < -0.1.
    assert t1.history[-1].trend == pytest.approx(59 / 3)
    assert t1.direction == "down"
    # W-7's caseloads, from [22 Feb, 28 Feb]: w1 18, w2 8, w5 30; w3's 17 Feb is too old.
    assert t1.history[-1].average == pytest.approx(56 / 3)
    assert t1.history[-1].headcount == 4


def test_headcount_change_is_this_weeks_headcount_less_last_weeks() -> None:
    frames = council(
        [
            job("w1", "2020-01-01"),
            job("w2", "2025-03-01"),  # joined after W-7
            job("w3", "2025-03-07"),  # joined on W itself: active on W
            job("w4", "2020-01-01", "2025-02-28"),  # ended on W-7: active on W-7, not W
            job("w5", "2020-01-01", "2025-03-07"),  # ends on W: still active on W
        ]
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    # W: w1, w2, w3, w5 = 4; W-7: w1, w4, w5 = 3.
    assert (t1.headcount, t1.headcount_change) == (4, 1)
    assert t1.history[-1].headcount == 3


# --- who counts where -----------------------------------------------------------------------


def test_the_all_row_comes_last_and_pools_every_worker_rather_than_averaging_teams() -> None:
    frames = council(
        [job("a", "2020-01-01"), job("b", "2020-01-01"), job("c", "2020-01-01", team="T2")],
        [
            snap("a", "2025-03-07", 10),
            snap("b", "2025-03-07", 20),
            snap("c", "2025-03-07", 30),
            snap("c", "2025-03-04", 24),
        ],
    )
    report = weekly_caseload_report(frames, W)
    council_row = report.teams[-1]

    assert [t.team_id for t in report.teams] == ["T1", "T2", "ALL"]
    assert council_row is report.council
    assert council_row.team_name == "All teams"
    assert (council_row.headcount, council_row.case_holders, council_row.cases) == (3, 3, 60)
    # 60 / 3 = 20, not the mean of the team averages (15 and 30) = 22.5.
    assert council_row.average == pytest.approx(20.0)
    assert council_row.average_per_fte == pytest.approx(20.0)
    assert (council_row.highest, council_row.lowest) == (30, 10)
    # Dates: 4 Mar 24 / 1 = 24; 7 Mar (10 + 20 + 30) / 3 = 20. Trend (24 + 20) / 2 = 22.
    assert council_row.trend == pytest.approx(22.0)


def test_a_worker_with_two_assignments_counts_once_in_the_team_of_the_larger_fte() -> None:
    frames = council(
        [
            job("w1", "2019-01-01", team="T1", fte=0.4),
            job("w1", "2024-01-01", team="T2", fte=0.6, contract="fixed_term"),
        ],
        [snap("w1", "2025-03-07", 15)],
    )
    report = weekly_caseload_report(frames, W)
    t1, t2, all_teams = report.teams

    # The 0.6 assignment is the main one: w1 is in T2's row only, and once in ALL.
    assert (t1.headcount, t1.case_holders, t1.trend) == (0, 0, None)
    assert (t2.headcount, t2.case_holders, t2.cases) == (1, 1, 15)
    assert all_teams.headcount == 1
    # Per FTE uses all of the case holder's active assignments: 15 / (0.4 + 0.6) = 15.
    assert t2.average_per_fte == pytest.approx(15.0)
    assert t2.trend == pytest.approx(15.0)


def test_with_equal_fte_the_worker_counts_in_the_team_of_the_earlier_start() -> None:
    frames = council(
        [
            job("w1", "2024-01-01", team="T1", fte=0.5),
            job("w1", "2023-06-01", team="T2", fte=0.5),  # earlier start: the main one
        ],
        [snap("w1", "2025-03-06", 12)],
    )
    t1, t2, _ = weekly_caseload_report(frames, W).teams

    assert (t1.headcount, t2.headcount) == (0, 1)
    # 12 cases over the FTE of both assignments, 0.5 + 0.5.
    assert (t2.average, t2.average_per_fte) == (pytest.approx(12.0), pytest.approx(12.0))


def test_agency_workers_are_counted_like_everyone_else() -> None:
    frames = council(
        [job("w1", "2024-01-01", contract="agency", fte=0.8)],
        [snap("w1", "2025-03-07", 16)],
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    assert (t1.headcount, t1.case_holders, t1.cases) == (1, 1, 16)
    # 16 cases / 0.8 FTE = 20.
    assert t1.average_per_fte == pytest.approx(20.0)


def test_an_empty_team_has_zero_counts_and_null_averages_every_week() -> None:
    frames = council([job("w1", "2020-01-01")], [snap("w1", "2025-03-07", 9)])
    t2 = row(weekly_caseload_report(frames, W), "T2")

    assert t2.team_name == "Children in care"
    assert t2.as_dict() | {"history": None} == {
        "team_id": "T2",
        "team_name": "Children in care",
        "headcount": 0,
        "headcount_change": 0,
        "case_holders": 0,
        "cases": 0,
        "average": None,
        "average_per_fte": None,
        "highest": None,
        "lowest": None,
        "trend": None,
        "direction": None,
        "history": None,
    }
    assert all((w.headcount, w.average, w.trend) == (0, None, None) for w in t2.history)


def test_an_empty_register_gives_only_the_all_row_with_nothing_in_it() -> None:
    report = weekly_caseload_report(CouncilFrames(), W)

    assert [t.team_id for t in report.teams] == ["ALL"]
    assert (report.council.headcount, report.council.average, report.council.direction) == (
        0,
        None,
        None,
    )
    assert len(report.council.history) == 12


def test_a_team_only_an_assignment_names_still_gets_a_row_under_its_id() -> None:
    frames = council([job("w1", "2020-01-01", team="T9")], teams={"T1": "Assessment"})

    assert [(t.team_id, t.team_name) for t in weekly_caseload_report(frames, W).teams] == [
        ("T1", "Assessment"),
        ("T9", "T9"),
        ("ALL", "All teams"),
    ]


# --- caseload on W --------------------------------------------------------------------------


def test_a_worker_with_no_snapshot_in_the_week_is_counted_but_holds_no_cases_that_week() -> None:
    frames = council(
        [job("w1", "2020-01-01"), job("w2", "2020-01-01"), job("w3", "2020-01-01")],
        [
            snap("w1", "2025-02-28", 25),  # W-7: too old for W
            snap("w2", "2025-03-01", 14),  # W-6: the oldest that counts
            snap("w3", "2025-03-08", 40),  # after W: not yet
        ],
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    assert (t1.headcount, t1.case_holders, t1.cases) == (3, 1, 14)
    assert (t1.highest, t1.lowest) == (14, 14)
    # The trend still sees w1's 28 February: (25 + 14) / 2 = 19.5.
    assert t1.trend == pytest.approx(19.5)


def test_a_caseload_of_zero_is_not_a_case_holder_and_its_date_does_not_count_in_the_trend() -> None:
    frames = council(
        [job("w1", "2020-01-01"), job("w2", "2020-01-01", fte=0.5)],
        [
            snap("w1", "2025-03-07", 0),
            snap("w2", "2025-03-07", 8),
            snap("w1", "2025-03-03", 0),  # a date on which nobody holds a case
            snap("w2", "2025-03-01", 6),  # superseded by 7 March for W's caseload
        ],
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    assert (t1.headcount, t1.case_holders, t1.cases) == (2, 1, 8)
    assert (t1.highest, t1.lowest) == (8, 8)
    # Only w2's FTE: 8 / 0.5 = 16.
    assert t1.average_per_fte == pytest.approx(16.0)
    # Dates 1 March (6) and 7 March (8 / 1); 3 March has no case holder: (6 + 8) / 2 = 7.
    assert t1.trend == pytest.approx(7.0)


def test_nobody_holding_cases_gives_null_averages_but_real_counts() -> None:
    frames = council([job("w1", "2020-01-01")], [snap("w1", "2025-03-07", 0)])
    t1 = row(weekly_caseload_report(frames, W), "T1")

    assert (t1.headcount, t1.case_holders, t1.cases) == (1, 0, 0)
    assert (t1.average, t1.average_per_fte, t1.highest, t1.lowest, t1.trend) == (None,) * 5


# --- trend and direction --------------------------------------------------------------------


def test_the_trend_covers_w_minus_13_to_w_and_only_the_teams_workers_on_w() -> None:
    frames = council(
        [
            job("w1", "2020-01-01"),
            job("w2", "2025-03-05"),  # joined on 5 March: all their window counts
            job("w3", "2020-01-01", "2025-03-04"),  # left before W: none of theirs
            job("w4", "2020-01-01", team="T2"),  # another team's
        ],
        [
            snap("w1", "2025-02-21", 50),  # W-14: outside
            snap("w1", "2025-02-22", 10),  # W-13: inside
            snap("w2", "2025-02-22", 20),  # before w2 joined, still w2's and inside
            snap("w3", "2025-02-22", 90),
            snap("w4", "2025-02-22", 90),
            snap("w1", "2025-03-07", 16),
        ],
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    # 22 Feb: (10 + 20) / 2 = 15; 7 Mar: 16 / 1 = 16. Mean over the two dates = 15.5.
    assert t1.trend == pytest.approx(15.5)


def test_direction_is_up_or_down_past_a_change_of_a_tenth_and_null_without_last_weeks_trend() -> (
    None
):
    # One worker per team. W-7's trend is over [15 Feb, 28 Feb], W's over [22 Feb, 7 Mar].
    frames = council(
        [
            job("up", "2020-01-01", team="T1"),
            job("down", "2020-01-01", team="T2"),
            job("steady", "2020-01-01", team="T3"),
            job("new", "2020-01-01", team="T4"),
        ],
        [
            snap("up", "2025-02-28", 10),
            snap("up", "2025-03-07", 11),
            snap("down", "2025-02-28", 10),
            snap("down", "2025-03-07", 9),
            snap("steady", "2025-02-28", 10),
            snap("steady", "2025-03-07", 10),
            snap("new", "2025-03-07", 12),
        ],
        teams={"T1": "Up", "T2": "Down", "T3": "Steady", "T4": "New"},
    )
    report = weekly_caseload_report(frames, W)

    # up: W-7 10; W (10 + 11) / 2 = 10.5; +0.5.
    assert (row(report, "T1").trend, row(report, "T1").direction) == (10.5, "up")
    # down: W (10 + 9) / 2 = 9.5; -0.5.
    assert (row(report, "T2").trend, row(report, "T2").direction) == (9.5, "down")
    # steady: 10 and 10.
    assert (row(report, "T3").trend, row(report, "T3").direction) == (10.0, "steady")
    # new: nothing in [15 Feb, 28 Feb], so no trend a week earlier and no direction.
    assert row(report, "T4").history[-1].trend is None
    assert (row(report, "T4").trend, row(report, "T4").direction) == (12.0, None)
    # The council: W-7 (10 + 10 + 10) / 3 = 10 on 28 Feb only; W: 28 Feb 10, 7 Mar
    # (11 + 9 + 10 + 12) / 4 = 10.5 -> 10.25; +0.25.
    assert report.council.trend == pytest.approx(10.25)
    assert report.council.direction == "up"


def test_a_change_of_exactly_a_tenth_is_steady_even_when_floating_point_makes_it_more() -> None:
    # W-7 over [15 Feb, 28 Feb]: 26, 27, 28 Feb at 1 case -> trend 1.0.
    # W over [22 Feb, 7 Mar]: those and 1-7 Mar, all 1 but 7 Mar at 2 -> 11 / 10 = 1.1.
    dates = ["2025-02-26", "2025-02-27", "2025-02-28"] + [f"2025-03-0{d}" for d in range(1, 7)]
    frames = council(
        [job("w1", "2020-01-01")],
        [snap("w1", on, 1) for on in dates] + [snap("w1", "2025-03-07", 2)],
    )
    t1 = row(weekly_caseload_report(frames, W), "T1")

    assert (t1.history[-1].trend, t1.trend) == (pytest.approx(1.0), pytest.approx(1.1))
    # In binary floating point 1.1 - 1.0 is 0.10000000000000009, just over a tenth.
    assert t1.trend is not None and t1.history[-1].trend is not None
    assert t1.trend - t1.history[-1].trend > 0.1
    assert t1.direction == "steady"


# --- history --------------------------------------------------------------------------------


def test_history_is_the_twelve_weeks_before_w_oldest_first_each_computed_for_its_own_week() -> None:
    frames = council(
        [
            job("w1", "2020-01-01"),
            job("w2", "2025-01-01", "2025-01-31"),  # in the team for some weeks only
        ],
        [
            snap("w1", "2024-12-13", 8),  # W-12 itself
            snap("w1", "2025-01-10", 12),
            snap("w2", "2025-01-09", 20),
            snap("w1", "2025-02-07", 6),
        ],
    )
    history = row(weekly_caseload_report(frames, W), "T1").history

    assert [h.week_ending for h in history] == [
        day(d)
        for d in (
            "2024-12-13",
            "2024-12-20",
            "2024-12-27",
            "2025-01-03",
            "2025-01-10",
            "2025-01-17",
            "2025-01-24",
            "2025-01-31",
            "2025-02-07",
            "2025-02-14",
            "2025-02-21",
            "2025-02-28",
        )
    ]
    by_week = {h.week_ending.isoformat(): h for h in history}
    # 13 Dec: w1 8 that day; trend over [30 Nov, 13 Dec] = 8.
    assert (by_week["2024-12-13"].average, by_week["2024-12-13"].trend) == (8.0, 8.0)
    assert by_week["2024-12-13"].headcount == 1
    # 10 Jan: w1 12 and w2 20 -> average 16; trend over [28 Dec, 10 Jan]: 9 Jan 20, 10 Jan 12
    # -> 16.
    assert (by_week["2025-01-10"].average, by_week["2025-01-10"].trend) == (16.0, 16.0)
    assert by_week["2025-01-10"].headcount == 2
    # 17 Jan: no snapshot in [11 Jan, 17 Jan] -> no average; trend [4 Jan, 17 Jan] still 16.
    assert (by_week["2025-01-17"].average, by_week["2025-01-17"].trend) == (None, 16.0)
    # 24 Jan: trend [11 Jan, 24 Jan] has no snapshot: null.
    assert by_week["2025-01-24"].trend is None
    # 7 Feb: w2 left on 31 Jan; w1 6.
    assert (by_week["2025-02-07"].headcount, by_week["2025-02-07"].average) == (1, 6.0)
    # 21 Feb: [8 Feb, 21 Feb] has nothing; 14 Feb: [1 Feb, 14 Feb] has 7 Feb.
    assert (by_week["2025-02-14"].trend, by_week["2025-02-21"].trend) == (6.0, None)


def test_a_week_across_the_year_end_uses_last_years_days() -> None:
    # W = Friday 1 January 2021: caseload on W from [26 Dec 2020, 1 Jan 2021], trend over
    # [19 Dec 2020, 1 Jan 2021], W-7 = 25 December 2020.
    frames = council(
        [job("w1", "2020-01-01"), job("w2", "2020-12-28")],
        [
            snap("w1", "2020-12-18", 30),  # W-14: outside the trend
            snap("w1", "2020-12-19", 10),  # W-13: inside
            snap("w1", "2020-12-26", 14),  # W-6: w1's caseload on W
            snap("w2", "2020-12-31", 18),
        ],
    )
    t1 = row(weekly_caseload_report(frames, day("2021-01-01")), "T1")

    assert (t1.headcount, t1.headcount_change) == (2, 1)
    assert (t1.cases, t1.average, t1.highest, t1.lowest) == (32, 16.0, 18, 14)
    # (10 + 14 + 18) / 3 dates = 14.
    assert t1.trend == pytest.approx(14.0)
    assert t1.history[0].week_ending == day("2020-10-09")
    # W-7 = 25 Dec: caseload from [19 Dec, 25 Dec] = 10; trend [12 Dec, 25 Dec]: 18 Dec 30,
    # 19 Dec 10 -> 20. W's 14 is 6 below: down.
    assert (t1.history[-1].average, t1.history[-1].trend) == (10.0, 20.0)
    assert t1.direction == "down"


def test_a_week_ending_just_after_a_leap_day_counts_29_february() -> None:
    # W = Friday 1 March 2024: caseload on W from [24 Feb, 1 Mar] (seven days, 29 Feb among
    # them), trend over [17 Feb, 1 Mar], W-7 = 23 February.
    frames = council(
        [job("w1", "2020-01-01"), job("w2", "2020-01-01")],
        [
            snap("w1", "2024-02-29", 21),
            snap("w2", "2024-02-24", 9),  # W-6: inside
            snap("w2", "2024-02-17", 15),  # W-13: inside the trend, not W's caseload
        ],
    )
    t1 = row(weekly_caseload_report(frames, day("2024-03-01")), "T1")

    assert (t1.case_holders, t1.cases, t1.average) == (2, 30, 15.0)
    # 17 Feb 15, 24 Feb 9, 29 Feb 21 -> 45 / 3 = 15.
    assert t1.trend == pytest.approx(15.0)
    # W-7 = 23 Feb: caseload from [17 Feb, 23 Feb] = w2's 15.
    assert t1.history[-1].average == pytest.approx(15.0)
    assert t1.direction == "steady"


# --- the JSON shape -------------------------------------------------------------------------


def test_as_dict_is_the_contracts_json_shape_with_unrounded_numbers() -> None:
    frames = council(
        [job("w1", "2020-01-01"), job("w2", "2020-01-01"), job("w3", "2020-01-01")],
        [snap("w1", "2025-03-07", 10), snap("w2", "2025-03-07", 10), snap("w3", "2025-03-07", 11)],
        teams={"T1": "Assessment"},
    )
    shape = json.loads(json.dumps(weekly_caseload_report(frames, W).as_dict()))

    assert list(shape) == ["week_ending", "teams"]
    assert shape["week_ending"] == "2025-03-07"
    assert [t["team_id"] for t in shape["teams"]] == ["T1", "ALL"]
    t1 = shape["teams"][0]
    assert list(t1) == [
        "team_id",
        "team_name",
        "headcount",
        "headcount_change",
        "case_holders",
        "cases",
        "average",
        "average_per_fte",
        "highest",
        "lowest",
        "trend",
        "direction",
        "history",
    ]
    # 31 / 3 = 10.333..., not 10.3.
    assert t1["average"] == 31 / 3
    assert len(t1["history"]) == 12
    assert t1["history"][0] == {
        "week_ending": "2024-12-13",
        "average": None,
        "headcount": 3,
        "trend": None,
    }


# --- workers above the threshold ------------------------------------------------------------


def test_workers_above_lists_caseloads_over_the_threshold_highest_first_with_their_team() -> None:
    frames = council(
        [
            job("w1", "2020-01-01"),
            job("w2", "2020-01-01", team="T2", fte=0.5),
            job("w2", "2021-01-01", team="T1", fte=0.4),  # w2's main team is T2
            job("w3", "2020-01-01"),
            job("w4", "2020-01-01"),
        ],
        [
            snap("w1", "2025-03-07", 24),
            snap("w2", "2025-03-06", 22),
            snap("w3", "2025-03-07", 20),  # at the threshold, not above it
            snap("w4", "2025-02-28", 35),  # not this week's caseload
        ],
        names={"w1": "Ann Smith", "w2": "Bob Jones", "w3": "Cat Brown", "w4": "Dev Patel"},
    )
    above = workers_above(frames, W, 20)

    assert [(a.worker_id, a.display_name, a.team_id, a.team_name, a.caseload) for a in above] == [
        ("w1", "Ann Smith", "T1", "Assessment", 24),
        ("w2", "Bob Jones", "T2", "Children in care", 22),
    ]
    # T1's average on W: w1 24 and w3 20 -> 22; T2's: w2 22.
    assert [a.team_average for a in above] == [22.0, 22.0]
    assert workers_above(frames, W, 30) == []


# --- the default week -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "friday"),
    [
        ("2025-03-07", "2025-03-07"),  # a Friday is its own week's end
        ("2025-03-08", "2025-03-07"),
        ("2025-03-10", "2025-03-07"),  # Monday: the week just gone
        ("2025-03-13", "2025-03-07"),  # Thursday: this week has not ended yet
        ("2021-01-02", "2021-01-01"),
    ],
)
def test_the_default_week_ends_on_the_last_friday_on_or_before_today(
    today: str, friday: str
) -> None:
    assert last_friday(day(today)) == day(friday)
