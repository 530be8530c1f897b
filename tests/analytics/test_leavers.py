"""Leavers with what an HR lead asks about them, against figures worked out by hand.

Ann  T1 permanent 1 Apr 2019 (newly qualified) to 31 Mar 2021, then T2 to 30 Jun 2024
     (resigned, to agency work): one leaver, 30 Jun 2024; the move is not a leaver.
     Joined 1 Apr 2019: 1,827 days to 1 Apr 2024 and 90 more to 30 Jun, so 1,918 days of
     service, 5 whole years. Born 15 Jun 1990: 34. Frontline.
     Caseload: 24 on 28 Jun (window to 30 Jun); 91 days earlier is 31 Mar, whose window
     (3 Mar, 31 Mar] holds 18 on 29 Mar (30 on 1 Mar is outside): 24 - 18 = 6, up.
     Sickness in (30 Jun 2023, 30 Jun 2024]: 5 (1 Sep 2023) + 3.5 (1 May 2024) = 8.5 in two
     spells; the spell starting 30 Jun 2023 and maternity leave do not count.
Ben  agency to 31 May 2024: not in post, so no leaver.
Cat  T1 fixed term 15 Jan to 29 Feb 2024, no reason given: 17 + 29 = 46 days. Born 10 Jan
     1960: 64. Postgraduate. No caseloads, no sickness.
Dee  T1 2022-01-01 to 2023-12-31, back on 2025-01-01: left once, joined 2022-01-01.
     Caseload 10 on 29 Dec, 11 on 29 Sep: -1, steady.
Eli  T1 0.5 2020 to 30 Jun 2023 and T2 0.5 2021 to 31 Mar 2023: leaves once, 30 Jun 2023.
"""

from datetime import date
from typing import Any

import polars as pl
import pytest

from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.leavers import counts_by, leaver_table

day = date.fromisoformat


def job(id: str, worker: str, team: str, start: str, end: str | None, **more: Any) -> dict:
    return {
        "assignment_id": id,
        "worker_id": worker,
        "team_id": team,
        "org_role": 5,
        "contract": "permanent",
        "fte": 1.0,
        "start_date": day(start),
        "end_date": day(end) if end else None,
        **more,
    }


@pytest.fixture
def frames() -> CouncilFrames:
    assignments = [
        job("A1", "ANN", "T1", "2019-04-01", "2021-03-31", start_origin=1),
        job("A2", "ANN", "T2", "2021-04-01", "2024-06-30", end_reason=1, end_destination=3),
        job("B1", "BEN", "T1", "2023-01-01", "2024-05-31", contract="agency"),
        job("C1", "CAT", "T1", "2024-01-15", "2024-02-29", contract="fixed_term", org_role=4),
        job("D1", "DEE", "T1", "2022-01-01", "2023-12-31", end_reason=5, end_destination=6),
        job("D2", "DEE", "T1", "2025-01-01", None),
        job("E1", "ELI", "T1", "2020-01-01", "2023-06-30", fte=0.5),
        job("E2", "ELI", "T2", "2021-01-01", "2023-03-31", fte=0.5),
    ]
    workers = [
        {"worker_id": "ANN", "display_name": "Ann", "date_of_birth": day("1990-06-15"),
         "frontline_grad": True, "qual_level": 2},
        {"worker_id": "BEN", "display_name": "Ben"},
        {"worker_id": "CAT", "display_name": "Cat", "date_of_birth": day("1960-01-10"),
         "qual_level": 2},
        {"worker_id": "DEE", "display_name": "Dee"},
        {"worker_id": "ELI", "display_name": "Eli"},
    ]  # fmt: skip
    caseloads = [
        ("ANN", "2024-03-01", 30),
        ("ANN", "2024-03-29", 18),
        ("ANN", "2024-06-14", 20),
        ("ANN", "2024-06-28", 24),
        ("DEE", "2023-09-29", 11),
        ("DEE", "2023-12-29", 10),
    ]
    absences = [
        ("ANN", "2023-06-30", "SIC", 10.0),
        ("ANN", "2023-09-01", "SIC", 5.0),
        ("ANN", "2024-01-01", "MAT", 20.0),
        ("ANN", "2024-05-01", "SIC", 3.5),
    ]
    return CouncilFrames.of(
        teams=pl.DataFrame({"team_id": ["T1", "T2"], "team_name": ["Assessment", "In care"]}),
        workers=pl.DataFrame(workers),
        assignments=pl.DataFrame(assignments),
        caseloads=pl.DataFrame(
            [{"worker_id": w, "date": day(d), "cases": c} for w, d, c in caseloads]
        ),
        absences=pl.DataFrame(
            [
                {
                    "worker_id": w,
                    "start_date": day(d),
                    "end_date": day(d),
                    "reason": r,
                    "working_days_lost": n,
                }
                for w, d, r, n in absences
            ]
        ),
    )


def test_leavers_are_the_ends_of_employment_most_recent_first(frames):
    table = leaver_table(frames)
    assert table.select("worker_id", "assignment_id", "left_on").rows() == [
        ("ANN", "A2", day("2024-06-30")),
        ("CAT", "C1", day("2024-02-29")),
        ("DEE", "D1", day("2023-12-31")),
        ("ELI", "E1", day("2023-06-30")),
    ]


def test_a_leaver_has_service_age_route_caseload_and_sickness_worked_out_by_hand(frames):
    ann = leaver_table(frames).row(0, named=True)
    assert ann["joined_on"] == day("2019-04-01")
    assert ann["service_days"] == 1918
    assert ann["service_band"] == "5 to 10 years"
    assert ann["team_name"] == "In care"
    assert ann["role"] == "Case holder"
    assert ann["reason"] == "Resignation"
    assert ann["destination"] == "Agency or consultancy in social work"
    assert ann["age_band"] == "30 to 39"
    assert ann["route"] == "Frontline"
    assert ann["came_from"] == "Newly qualified social worker"
    assert (ann["last_caseload"], ann["earlier_caseload"], ann["caseload_trend"]) == (24, 18, "up")
    assert (ann["sickness_days"], ann["sickness_spells"]) == (8.5, 2)


def test_a_leaver_with_little_recorded_shows_what_is_not_known(frames):
    cat = leaver_table(frames).row(1, named=True)
    assert (cat["service_days"], cat["service_band"]) == (46, "Under 1 year")
    assert (cat["reason"], cat["destination"], cat["came_from"]) == ("Not recorded",) * 3
    assert (cat["age_band"], cat["route"], cat["role"]) == (
        "60 and over",
        "Postgraduate degree",
        "Senior practitioner",
    )
    assert (cat["last_caseload"], cat["caseload_trend"]) == (None, None)
    assert (cat["sickness_days"], cat["sickness_spells"]) == (0.0, 0)
    dee = leaver_table(frames).row(2, named=True)
    assert (dee["joined_on"], dee["age_band"], dee["route"]) == (
        day("2022-01-01"),
        "Not known",
        "Not known",
    )
    assert (dee["last_caseload"], dee["earlier_caseload"], dee["caseload_trend"]) == (
        10,
        11,
        "steady",
    )


def test_leavers_between_two_dates_include_both_ends(frames):
    table = leaver_table(frames, day("2023-12-31"), day("2024-02-29"))
    assert table["worker_id"].to_list() == ["CAT", "DEE"]


def test_leavers_counted_by_reason_most_first(frames):
    counts = counts_by(leaver_table(frames), "reason")
    assert [(c.label, c.count) for c in counts] == [
        ("Not recorded", 2),
        ("Resignation", 1),
        ("Retired", 1),
    ]


def test_no_assignments_means_no_leavers():
    assert leaver_table(CouncilFrames()).height == 0
