"""The benchmark as councillors read it, on the small hand-made file (data/csww_small.csv: 2021
and 2022, vacancy rate and in-post FTE only; see test_benchmark.py for its ranks).

Aford (North, 100 FTE), as a council with a register, in 2021: 104 people in post (100.0 FTE),
12.0 FTE vacant, so a vacancy rate of 100 * 12 / 112 = 10.7%; 3 leavers (3.0 FTE), so a turnover
of 100 * 3 / 100 = 3.0% by FTE and 100 * 3 / 104 = 2.9% by headcount; nobody agency, so an
agency rate of 0.0%. Vacancy rates lower than 10.7% among the others: Jay 5, Dale 8, Nash 10,
so it ranks 4th of 9 (the eight others with a number and itself).
"""

import dataclasses
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from stabilise.analytics import dfe
from stabilise.analytics.benchmark import NOTHING, Benchmark, Figure, benchmark
from stabilise.analytics.benchmark_suppression import (
    any_withheld,
    suppressed,
    suppressed_over_the_years,
    withheld_measures,
)
from stabilise.analytics.benchmark_years import benchmark_over_the_years
from stabilise.analytics.measures import Measures

SMALL = Path(__file__).parent / "data" / "csww_small.csv"
PEOPLE = {
    "leavers_headcount",
    "leavers_fte",
    "turnover_rate_fte",
    "turnover_rate_headcount",
}


@pytest.fixture
def small() -> pl.DataFrame:
    return dfe.read_published(SMALL)


def measures(year: int = 2021, **values: float) -> Measures:
    """Aford's register on 30 September of `year` (see above), with `values` instead."""
    fields = {f.name: 0 for f in dataclasses.fields(Measures) if f.name != "as_at"}
    aford = {
        "inpost_fte": 100.0,
        "inpost_headcount": 104,
        "vacancy_fte": 12.0,
        "vacancy_rate_fte": 100 * 12 / 112,
        "leavers_fte": 3.0,
        "leavers_headcount": 3,
        "turnover_rate_fte": 3.0,
        "agency_rate_fte": 0.0,
    }
    return Measures(as_at=date(year, 9, 30), **{**fields, **aford, **values})  # type: ignore[arg-type]


def aford(small: pl.DataFrame, **values: float) -> Benchmark:
    return benchmark(2021, dfe.find_authority("Aford", small), measures(**values), data=small)


def test_three_leavers_withhold_the_leavers_and_both_turnover_rates_and_nothing_else(
    small: pl.DataFrame,
) -> None:
    result = aford(small)
    assert withheld_measures(result) == PEOPLE
    shown = suppressed(result)
    for key in PEOPLE:
        c = shown.comparison(key)
        assert (c.own, c.rank, c.withheld) == (NOTHING, None, True)
    # Zero agency workers identify nobody: the rate stands.
    assert shown.comparison("agency_rate_fte") == result.comparison("agency_rate_fte")
    assert shown.comparison("agency_rate_fte").own == Figure(0.0)
    vacancy = shown.comparison("vacancy_rate_fte")
    assert vacancy == result.comparison("vacancy_rate_fte")
    assert vacancy.own.value == pytest.approx(10.714, abs=1e-3)
    assert (vacancy.rank, vacancy.ranked, vacancy.similar_median) == (4, 9, 13.5)
    assert shown.similar == result.similar and len(shown.similar) == 10
    assert not shown.similar_withheld


def test_the_withheld_turnover_keeps_the_similar_councils_median_which_is_theirs_alone(
    small: pl.DataFrame,
) -> None:
    result, shown = aford(small), suppressed(aford(small))
    for key in PEOPLE:
        before, after = result.comparison(key), shown.comparison(key)
        assert (after.region, after.england) == (before.region, before.england)
        assert after.similar_median == before.similar_median
        assert not after.similar_withheld


def test_five_leavers_are_shown(small: pl.DataFrame) -> None:
    result = aford(small, leavers_headcount=5, leavers_fte=5.0, turnover_rate_fte=5.0)
    assert withheld_measures(result) == frozenset()
    assert suppressed(result) == result
    assert not any_withheld(suppressed(result).comparisons)


def test_a_council_of_four_people_shows_only_its_vacant_posts_and_no_similar_councils(
    small: pl.DataFrame,
) -> None:
    result = aford(small, inpost_headcount=4, inpost_fte=3.6, vacancy_rate_fte=100 * 12 / 15.6)
    assert result.similar  # chosen by 3.6 FTE: they would tell how small it is
    shown = suppressed(result)
    assert withheld_measures(result) == PEOPLE | {
        "inpost_fte",
        "inpost_headcount",
        "vacancy_rate_fte",
        "agency_rate_fte",
        "agency_rate_headcount",
        "agency_cover_rate_fte",
        "working_days_lost_fte",
        "absence_rate_fte",
    }
    assert shown.similar == () and shown.similar_withheld
    assert all(c.similar_median is None and c.similar_withheld for c in shown.comparisons)
    vacancies = shown.comparison("vacancy_fte")
    assert (vacancies.own, vacancies.withheld) == (Figure(12.0), False)
    assert any_withheld(shown.comparisons)


def test_a_figure_the_register_does_not_have_is_not_available_rather_than_withheld(
    small: pl.DataFrame,
) -> None:
    # Begun in 2021, after the year to 30 September 2021 began: no leavers or turnover at all.
    result = benchmark(
        2021,
        dfe.find_authority("Aford", small),
        measures(),
        data=small,
        register_from=date(2021, 3, 1),
    )
    assert withheld_measures(result) == frozenset()
    assert suppressed(result).comparison("turnover_rate_fte").own == NOTHING


def test_published_figures_stay_as_published_the_dfes_own_c_included(small: pl.DataFrame) -> None:
    bton = benchmark(2021, dfe.find_authority("Bton", small), data=small)
    assert bton.comparison("vacancy_rate_fte").own == Figure(None, "c")
    assert suppressed(bton) == bton


def test_over_the_years_each_register_year_is_withheld_by_its_own_numbers(
    small: pl.DataFrame,
) -> None:
    own = {
        2021: measures(2021),
        2022: measures(2022, leavers_headcount=6, leavers_fte=6.0, turnover_rate_fte=6.0),
    }
    years = benchmark_over_the_years(dfe.find_authority("Aford", small), own, data=small)
    turnover = suppressed_over_the_years(years).trend("turnover_rate_fte")
    y2021, y2022 = turnover.years
    assert (y2021.comparison.own, y2021.comparison.rank, y2021.comparison.withheld) == (
        NOTHING,
        None,
        True,
    )
    assert (y2022.comparison.own, y2022.comparison.withheld) == (Figure(6.0), False)
    assert y2022.comparison == years.trend("turnover_rate_fte").years[1].comparison
