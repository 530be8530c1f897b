"""The measures broken down by any expression (e.g. the council, for England at once), and the
shortcuts that keep them fast on big registers, against figures worked out by hand."""

import dataclasses
from datetime import date

import polars as pl
import pytest

from stabilise.analytics import measure_parts
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.measures import (
    MEASURE_KEYS,
    measures_at,
    measures_by,
    measures_series,
)
from tests.analytics.test_measures import absence, council, day, job, post, snapshot

BY_COUNCIL = pl.col("team_id").str.slice(0, 2).alias("council")
ON = day("2022-06-30")  # the year to it: 2021-07-01 to 2022-06-30


def two_councils() -> CouncilFrames:
    """Two councils' registers in one set of frames, told apart by their ids' first two
    characters, as benchmarks/england.py puts 150 together."""
    return council(
        [
            # C1: w1 moves from team A to team B inside the council (neither leaver nor
            # starter); w2 is agency cover on P1; w3 leaves on 30 April.
            job("C1-w1", "2015-01-01", "2022-01-31", team="C1-A", post="C1-P1"),
            job("C1-w1", "2022-02-01", team="C1-B", post="C1-P2"),
            job("C1-w2", "2022-03-01", contract="agency", fte=0.5, team="C1-A", post="C1-P1"),
            job("C1-w3", "2018-01-01", "2022-04-30", fte=0.8, team="C1-A"),
            # C2: w1 started on 1 September 2021 (fixed term, 0.6 on P1); w2 for years.
            job("C2-w1", "2021-09-01", contract="fixed_term", fte=0.6, team="C2-A", post="C2-P1"),
            job("C2-w2", "2010-01-01", team="C2-A"),
        ],
        posts=[
            post("C1-P1", team="C1-A"),
            post("C1-P2", team="C1-B"),
            post("C1-P3", 0.5, team="C1-B"),
            post("C2-P1", team="C2-A"),
        ],
        caseloads=[
            snapshot("C1-w1", "2022-06-29", 12),
            snapshot("C1-w2", "2022-06-27", 6),
            snapshot("C1-w3", "2022-06-30", 9),  # no longer there: not counted
            snapshot("C2-w2", "2022-06-24", 20),  # six days old: still the caseload
            snapshot("C2-w1", "2022-06-30", 0),  # no cases: not a case holder
        ],
        absences=[
            absence("C1-w1", "2021-11-01", 3.0),
            absence("C1-w2", "2022-05-01", 2.0),  # agency: not in post, not counted
            absence("C2-w2", "2021-06-30", 5.0),  # the day before the year began
            absence("C2-w2", "2022-06-30", 1.0),
        ],
    )


def test_measures_by_an_expression_give_each_of_its_values_its_own_figures() -> None:
    councils = measures_by(two_councils(), ON, BY_COUNCIL)
    assert set(councils) == {"C1", "C2"}
    c1, c2 = councils["C1"], councils["C2"]
    # C1: w1 1.0 in post, w2 0.5 agency covering P1. P1 1.0 unfilled (agency leaves it
    # vacant), P2 filled by w1, P3 0.5: 1.5 vacant. w3 left (0.8); w1's move is neither.
    # w1's 12 cases and w2's 6 over 1.0 + 0.5 FTE. Only w1's 3 days: w2 is agency.
    assert (c1.inpost_fte, c1.inpost_headcount) == (pytest.approx(1.0), 1)
    assert (c1.agency_fte, c1.agency_headcount) == (pytest.approx(0.5), 1)
    assert c1.agency_cover_fte == pytest.approx(0.5)
    assert c1.vacancy_fte == pytest.approx(1.5)
    assert (c1.starters_fte, c1.starters_headcount) == (pytest.approx(0.0), 0)
    assert (c1.leavers_fte, c1.leavers_headcount) == (pytest.approx(0.8), 1)
    assert (c1.cases, c1.case_holders_fte) == (18, pytest.approx(1.5))
    assert c1.working_days_lost_fte == pytest.approx(3.0)
    assert c1.agency_rate_fte == pytest.approx(100 * 0.5 / 1.5)
    assert c1.vacancy_rate_fte == pytest.approx(100 * 1.5 / 2.5)
    assert c1.turnover_rate_fte == pytest.approx(80.0)
    assert c1.caseload_fte == pytest.approx(12.0)
    # C2: w1 0.6 and w2 1.0 in post; P1 1.0 - 0.6 = 0.4 vacant; w1 a starter; w2's 20 cases
    # over 1.0 FTE (w1 holds none); only the 1 day inside the year.
    assert (c2.inpost_fte, c2.inpost_headcount) == (pytest.approx(1.6), 2)
    assert (c2.agency_fte, c2.agency_headcount) == (pytest.approx(0.0), 0)
    assert c2.vacancy_fte == pytest.approx(0.4)
    assert (c2.starters_fte, c2.starters_headcount) == (pytest.approx(0.6), 1)
    assert (c2.leavers_fte, c2.leavers_headcount) == (pytest.approx(0.0), 0)
    assert (c2.cases, c2.case_holders_fte) == (20, pytest.approx(1.0))
    assert c2.working_days_lost_fte == pytest.approx(1.0)
    assert c2.vacancy_rate_fte == pytest.approx(20.0)
    assert c2.agency_rate_fte == pytest.approx(0.0)
    assert c2.caseload_fte == pytest.approx(20.0)


def test_each_council_in_a_grouped_pass_has_the_figures_it_has_on_its_own() -> None:
    frames = two_councils()
    grouped = measures_by(frames, ON, BY_COUNCIL)
    for prefix in ("C1", "C2"):

        def own(frame: pl.DataFrame, column: str, prefix: str = prefix) -> pl.DataFrame:
            return frame.filter(pl.col(column).str.starts_with(prefix))

        alone = CouncilFrames(
            assignments=own(frames.assignments, "worker_id"),
            posts=own(frames.posts, "post_id"),
            caseloads=own(frames.caseloads, "worker_id"),
            absences=own(frames.absences, "worker_id"),
        )
        assert grouped[prefix] == measures_at(alone, ON)


def test_measures_series_names_the_group_column_after_the_expression() -> None:
    frames = two_councils()
    dates = [ON, day("2021-09-30")]
    series = measures_series(frames, dates, by=BY_COUNCIL)
    assert series.columns == ["as_at", "council", *MEASURE_KEYS]
    for as_at in dates:
        expected = measures_by(frames, as_at, BY_COUNCIL)
        rows = series.filter(pl.col("as_at") == as_at)
        assert rows["council"].to_list() == sorted(expected)
        for row in rows.iter_rows(named=True):
            assert row == {
                "council": row["council"],
                **dataclasses.asdict(expected[row["council"]]),
            }
    # On 30 September 2021 C1 had w1 and w3 in post (1.8) and C2 w1 and w2 (1.6).
    on_census = series.filter(pl.col("as_at") == day("2021-09-30"))
    assert on_census["inpost_fte"].to_list() == [pytest.approx(1.8), pytest.approx(1.6)]


def test_contracts_and_reasons_count_however_they_are_cased_or_spaced() -> None:
    frames = council(
        [
            job("w1", "2020-01-01", contract=" Permanent", fte=1.0),
            job("w2", "2020-01-01", contract="FIXED_TERM ", fte=0.5),
            job("w3", "2020-01-01", contract="Agency", fte=0.8),
            job("w4", "2020-01-01", contract="casual", fte=0.4),  # neither
        ],
        absences=[
            absence("w1", "2021-03-01", 2.0, reason=" sic"),
            absence("w2", "2021-03-01", 4.0, reason="Sic "),
            absence("w1", "2021-04-01", 8.0, reason="MAT"),
        ],
    )
    m = measures_at(frames, day("2021-06-30"))
    assert (m.inpost_fte, m.inpost_headcount) == (pytest.approx(1.5), 2)
    assert (m.agency_fte, m.agency_headcount) == (pytest.approx(0.8), 1)
    assert m.working_days_lost_fte == pytest.approx(6.0)


def test_the_range_join_and_the_cross_join_give_the_same_measures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frames = two_councils()
    dates = [day("2021-06-30"), day("2021-09-30"), day("2022-02-01"), ON, day("2024-02-29")]
    crossed = measures_series(frames, dates, by=BY_COUNCIL)
    monkeypatch.setattr(measure_parts, "CROSS_JOIN_PAIRS", 0)  # always the range join
    ranged = measures_series(frames, dates, by=BY_COUNCIL)
    assert crossed.equals(ranged)
    # On 1 February 2022 C1's w1 has just moved (1.0 in post), w3 is still there (0.8).
    c1 = crossed.filter((pl.col("as_at") == day("2022-02-01")) & (pl.col("council") == "C1"))
    assert c1["inpost_fte"].item() == pytest.approx(1.8)


def test_each_date_of_a_series_reads_only_its_own_week_of_snapshots() -> None:
    frames = council(
        [job("w1", "2020-01-01")],
        caseloads=[
            snapshot("w1", "2022-01-04", 5),
            snapshot("w1", "2022-01-12", 7),
            snapshot("w1", "2022-01-24", 9),
            snapshot("w1", "2022-02-01", 11),
        ],
    )
    dates = [date(2022, 1, 10), date(2022, 1, 14), date(2022, 1, 31), date(2022, 2, 1)]
    series = measures_series(frames, dates)
    # 10 Jan: 4 Jan is six days old. 14 Jan: 12 Jan is the latest of [8 Jan, 14 Jan].
    # 31 Jan: 24 Jan is seven days old, so no caseload is known. 1 Feb: that day's.
    assert series["cases"].to_list() == [5, 7, 0, 11]
    assert series["case_holders_fte"].to_list() == [1.0, 1.0, 0.0, 1.0]
