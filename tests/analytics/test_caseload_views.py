"""A worker's caseload history with their team's average, and a team's caseload distribution,
checked against figures worked out by hand.

The register below, on three Fridays D1 = 10 January, D2 = 17 January and D3 = 7 February 2025
(a caseload on D is the latest snapshot dated in [D-6, D]):

    Ann   T1 1.0 to 31 Jan 2025, then T2 1.0       12 (9 Jan; 2 Jan's 50 is too old), 14, 9
    Ben   T1 1.0                                   20, none in [11, 17 Jan], 0 on 7 Feb
    Cat   T1 agency 1.0 to 10 Jan 2025             30 on 8 Jan; her 15 Jan snapshot is after
                                                   she left, so she is in no team on D2
    Dee   T2 1.0                                   8, 6, 7
    Eli   T2 0.6 (main: the larger FTE), T1 0.4    4, 4, 3

Team averages of case holders (caseload 1 or more):
    D1  T1: Ann 12, Ben 20, Cat 30 = 62 / 3 = 20.67    T2: Dee 8, Eli 4 = 12 / 2 = 6.0
    D2  T1: Ann 14 (Ben has none known) = 14.0          T2: Dee 6, Eli 4 = 5.0
    D3  T1: Ben 0 is no case holder: no average          T2: Ann 9, Dee 7, Eli 3 = 19 / 3 = 6.33
"""

from datetime import date
from typing import Any

import polars as pl
import pytest

from stabilise.analytics.caseload_views import (
    BANDS,
    CaseloadPoint,
    caseload_distribution,
    caseload_history,
)
from stabilise.analytics.frames import CouncilFrames

day = date.fromisoformat
D1, D2, D3 = day("2025-01-10"), day("2025-01-17"), day("2025-02-07")


def job(
    id: str,
    worker: str,
    team: str,
    start: str,
    end: str | None = None,
    contract: str = "permanent",
    fte: float = 1.0,
) -> dict[str, Any]:
    return {
        "assignment_id": id,
        "worker_id": worker,
        "team_id": team,
        "org_role": 6,
        "contract": contract,
        "fte": fte,
        "start_date": day(start),
        "end_date": day(end) if end else None,
    }


def frames_of(
    assignments: list[dict[str, Any]], snaps: list[tuple[str, str, int]]
) -> CouncilFrames:
    return CouncilFrames.of(
        assignments=pl.DataFrame(assignments),
        caseloads=pl.DataFrame([{"worker_id": w, "date": day(d), "cases": c} for w, d, c in snaps]),
    )


@pytest.fixture
def frames() -> CouncilFrames:
    return frames_of(
        [
            job("A1", "ann", "T1", "2024-01-01", "2025-01-31"),
            job("A2", "ann", "T2", "2025-02-01"),
            job("A3", "ben", "T1", "2024-01-01"),
            job("A4", "cat", "T1", "2024-06-01", "2025-01-10", contract="agency"),
            job("A5", "dee", "T2", "2024-01-01"),
            job("A6", "eli", "T2", "2024-01-01", fte=0.6),
            job("A7", "eli", "T1", "2023-01-01", fte=0.4),
        ],
        [
            ("ann", "2025-01-02", 50),
            ("ann", "2025-01-06", 10),
            ("ann", "2025-01-09", 12),
            ("ann", "2025-01-17", 14),
            ("ann", "2025-02-03", 9),
            ("ben", "2025-01-10", 20),
            ("ben", "2025-02-07", 0),
            ("cat", "2025-01-08", 30),
            ("cat", "2025-01-15", 15),
            ("dee", "2025-01-10", 8),
            ("dee", "2025-01-16", 6),
            ("dee", "2025-02-06", 7),
            ("eli", "2025-01-10", 4),
            ("eli", "2025-01-17", 4),
            ("eli", "2025-02-07", 3),
        ],
    )


def test_a_worker_who_moves_team_is_compared_with_the_team_they_are_in(
    frames: CouncilFrames,
) -> None:
    history = caseload_history(frames, "ann", [D3, D1, D2])

    assert history == [
        CaseloadPoint(D1, "T1", 12, pytest.approx(62 / 3)),
        CaseloadPoint(D2, "T1", 14, 14.0),
        CaseloadPoint(D3, "T2", 9, pytest.approx(19 / 3)),
    ]


def test_no_caseload_known_and_no_case_holders_are_none_never_zero(
    frames: CouncilFrames,
) -> None:
    assert caseload_history(frames, "ben", [D1, D2, D3]) == [
        CaseloadPoint(D1, "T1", 20, pytest.approx(62 / 3)),
        CaseloadPoint(D2, "T1", None, 14.0),
        CaseloadPoint(D3, "T1", 0, None),
    ]


def test_a_worker_counts_in_the_team_of_their_larger_assignment(frames: CouncilFrames) -> None:
    assert [p.team_id for p in caseload_history(frames, "eli", [D1, D3])] == ["T2", "T2"]
    assert caseload_history(frames, "dee", [D1])[0].team_average == 6.0


def test_after_leaving_a_worker_has_no_team_and_no_figures(frames: CouncilFrames) -> None:
    assert caseload_history(frames, "cat", [D1, D2]) == [
        CaseloadPoint(D1, "T1", 30, pytest.approx(62 / 3)),
        CaseloadPoint(D2, None, None, None),
    ]
    assert caseload_history(frames, "nobody", [D1]) == [CaseloadPoint(D1, None, None, None)]


def test_an_empty_register_has_a_point_for_every_date() -> None:
    assert caseload_history(CouncilFrames(), "ann", [D1]) == [CaseloadPoint(D1, None, None, None)]


def counts(frames: CouncilFrames, team: str, on: date) -> list[int]:
    return [band.count for band in caseload_distribution(frames, team, on).bands]


def test_the_distribution_counts_case_holders_by_band(frames: CouncilFrames) -> None:
    t1 = caseload_distribution(frames, "T1", D1)

    assert [band.label for band in t1.bands] == [
        "1 to 5",
        "6 to 10",
        "11 to 15",
        "16 to 20",
        "21 to 25",
        "26 or more",
    ]
    # Ann 12, Ben 20, Cat 30; Eli's main assignment is in T2.
    assert [band.count for band in t1.bands] == [0, 0, 1, 1, 0, 1]
    assert (t1.case_holders, t1.without_cases) == (3, 0)
    # Dee 8, Eli 4.
    assert counts(frames, "T2", D1) == [1, 1, 0, 0, 0, 0]


def test_workers_without_cases_are_counted_apart(frames: CouncilFrames) -> None:
    # D2: Ann 14; Ben has no caseload known. D3: Ben has 0 cases; Ann has moved to T2.
    d2 = caseload_distribution(frames, "T1", D2)
    d3 = caseload_distribution(frames, "T1", D3)

    assert ([b.count for b in d2.bands], d2.without_cases) == ([0, 0, 1, 0, 0, 0], 1)
    assert ([b.count for b in d3.bands], d3.case_holders, d3.without_cases) == ([0] * 6, 0, 1)


def test_each_band_includes_both_its_ends() -> None:
    caseloads = [1, 5, 6, 10, 11, 15, 16, 20, 21, 25, 26, 99]
    frames = frames_of(
        [job(f"A{n}", f"w{n}", "T1", "2024-01-01") for n in range(len(caseloads))],
        [(f"w{n}", "2025-01-10", cases) for n, cases in enumerate(caseloads)],
    )

    assert counts(frames, "T1", D1) == [2] * len(BANDS)
    assert counts(frames, "EMPTY", D1) == [0] * len(BANDS)
