"""Benchmarks on a small hand-made file (data/csww_small.csv) whose ranks and similar councils
are worked out by hand below, then on the shipped DfE file for every year."""

import dataclasses
import json
import math
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from stabilise.analytics import dfe
from stabilise.analytics.benchmark import (
    MEASURE_KEYS,
    OVER_THE_YEAR,
    Figure,
    UnknownYearError,
    benchmark,
    register_begins,
)
from stabilise.analytics.measures import Measures
from stabilise.analytics.similar_councils import SIMILAR_COUNT

SMALL = Path(__file__).parent / "data" / "csww_small.csv"

# Aford (North, 100 FTE) against the others of 2021, by size ratio |ln(their FTE / 100)|,
# plus ln 1.5 = 0.405 for the South:
#   Dale 90 N 0.105 · Bton 120 N 0.182 · Gate 100 S 0.405 · Kent 110 S 0.501 ·
#   Mere 80 S 0.629 · Hill 130 S 0.668 · Cham 200 N 0.693 · Jay 60 S 0.916 ·
#   Eby 400 N 1.386 · Lea 300 S 1.504 · Nash 1000 S 2.708 (eleventh: out).
# Fold (in-post FTE "x") and Isle (0 FTE) cannot be compared by size.
AFORD_SIMILAR = ["Dale", "Bton", "Gate", "Kent", "Mere", "Hill", "Cham", "Jay", "Eby", "Lea"]


@pytest.fixture
def small() -> pl.DataFrame:
    return dfe.read_published(SMALL)


def measures(**values: float) -> Measures:
    """A council's measures on 30 September 2021: zeros except `values`."""
    fields = {f.name: 0 for f in dataclasses.fields(Measures) if f.name != "as_at"}
    return Measures(as_at=date(2021, 9, 30), **{**fields, **values})  # type: ignore[arg-type]


def test_a_published_authority_alone_gets_its_published_figures_region_and_england(
    small: pl.DataFrame,
) -> None:
    result = benchmark(2021, dfe.find_authority("Aford", small), data=small)
    vacancy = result.comparison("vacancy_rate_fte")
    assert result.own_source == "published"
    assert result.region == "North"
    assert (vacancy.own, vacancy.region, vacancy.england) == (
        Figure(12.0),
        Figure(14.0),
        Figure(12.5),
    )


def test_rank_counts_only_numbers_lowest_first_for_a_rate_with_ties_level(
    small: pl.DataFrame,
) -> None:
    # Vacancy rates with a number: Aford 12, Cham 20, Dale 8, Fold 30, Gate 12, Jay 5,
    # Kent 15, Mere 25, Nash 10: nine. c, low, x, z and u are not numbers: "low" would rank
    # first if it were read as 0. Lower than Aford's 12: Jay 5, Dale 8, Nash 10, so Aford is
    # 4th (level with Gate) of 9.
    result = benchmark(2021, dfe.find_authority("101", small), data=small)
    vacancy = result.comparison("vacancy_rate_fte")
    assert (vacancy.rank, vacancy.ranked) == (4, 9)
    assert vacancy.measure.rank_order == "1 = lowest"


def test_rank_of_a_size_is_largest_first(small: pl.DataFrame) -> None:
    # In-post FTE with a number: 13 councils (Fold is "x"; Isle's 0 is a number). Larger
    # than Aford's 100: Bton, Cham, Eby, Hill, Kent, Lea, Nash: 7, so Aford is 8th of 13.
    size = benchmark(2021, dfe.find_authority("Aford", small), data=small).comparison("inpost_fte")
    assert (size.rank, size.ranked, size.measure.rank_order) == (8, 13, "1 = largest")


def test_the_ten_similar_councils_are_nearest_in_size_with_the_region_preferred(
    small: pl.DataFrame,
) -> None:
    result = benchmark(2021, dfe.find_authority("Aford", small), data=small)
    assert [s.la_name for s in result.similar] == AFORD_SIMILAR
    assert len(result.similar) == SIMILAR_COUNT
    # Their vacancy rates: Dale 8, Bton c, Gate 12, Kent 15, Mere 25, Hill x, Cham 20, Jay 5,
    # Eby low, Lea u. Median of the six numbers 5, 8, 12, 15, 20, 25: 13.5.
    assert result.comparison("vacancy_rate_fte").similar_median == 13.5
    bton = result.similar[1]
    assert bton.figures["vacancy_rate_fte"] == Figure(None, "c")
    assert (bton.old_la_code, bton.new_la_code, bton.region) == ("102", "E06000102", "North")


def test_the_councils_own_register_figures_replace_its_published_ones(
    small: pl.DataFrame,
) -> None:
    # The register says 4.96%: as published that is 5.0, level with Jay's 5, and nobody is
    # lower, so 1st. Aford's published 12 no longer counts: still 9 ranked.
    own = measures(vacancy_rate_fte=4.96, inpost_fte=100.0)
    result = benchmark(2021, dfe.find_authority("Aford", small), own, data=small)
    vacancy = result.comparison("vacancy_rate_fte")
    assert result.own_source == "register"
    assert vacancy.own == Figure(4.96)
    assert (vacancy.rank, vacancy.ranked) == (1, 9)


def test_a_council_not_published_uses_its_own_size_and_the_region_given(
    small: pl.DataFrame,
) -> None:
    # 100 FTE in the South: Gate 0 · Kent 0.095 · Hill 0.262 · Mere 0.223 · Jay 0.511 ·
    # Lea 1.099 · Nash 2.303 (all South, no penalty), then the North with 0.405 added:
    # Dale 0.510 · Bton 0.588 · Aford 0.405 · Cham 1.099 · Eby 1.792.
    own = measures(vacancy_rate_fte=11.0, inpost_fte=100.0)
    result = benchmark(2021, None, own, "south", data=small)
    assert result.region == "South"
    assert result.authority is None
    assert [s.la_name for s in result.similar] == [
        "Gate", "Kent", "Mere", "Hill", "Aford", "Dale", "Jay", "Bton", "Cham", "Lea",
    ]  # fmt: skip
    vacancy = result.comparison("vacancy_rate_fte")
    assert vacancy.region == Figure(11.0)
    # Lower than 11: Jay 5, Dale 8, Nash 10; 9 published numbers and the council: 10.
    assert (vacancy.rank, vacancy.ranked) == (4, 10)


def test_a_year_without_figures_for_the_authority_still_gives_region_and_england(
    small: pl.DataFrame,
) -> None:
    result = benchmark(2022, dfe.find_authority("Aford", small), data=small)
    vacancy = result.comparison("vacancy_rate_fte")
    assert result.own_source is None
    assert vacancy.own == Figure(None)
    assert (vacancy.rank, vacancy.ranked) == (None, 1)
    assert (vacancy.region, vacancy.england) == (Figure(15.0), Figure(13.0))
    assert result.similar == ()


def test_a_register_begun_during_the_year_leaves_out_the_figures_over_the_year(
    small: pl.DataFrame,
) -> None:
    own = measures(vacancy_rate_fte=11.0, turnover_rate_fte=0.0, inpost_fte=100.0)
    # The year to 30 September 2021 starts on 1 October 2020.
    whole = benchmark(2021, None, own, "North", register_from=date(2020, 10, 1), data=small)
    part = benchmark(2021, None, own, "North", register_from=date(2020, 10, 2), data=small)
    assert not whole.part_year
    assert whole.comparison("turnover_rate_fte").own == Figure(0.0)
    assert part.part_year
    for key in OVER_THE_YEAR:
        assert part.comparison(key).own == Figure(None)
        assert part.comparison(key).rank is None
    assert part.comparison("vacancy_rate_fte").own == Figure(11.0)


def test_the_register_begins_with_its_first_record_other_than_a_start() -> None:
    first = date(2018, 1, 2)
    assert (
        register_begins(
            first_snapshot=first,
            first_absence=date(2018, 1, 3),
            first_end=None,
            first_start=date(2005, 4, 1),
        )
        == first
    )
    assert register_begins(
        first_snapshot=None, first_absence=None, first_end=None, first_start=date(2005, 4, 1)
    ) == date(2005, 4, 1)
    assert (
        register_begins(first_snapshot=None, first_absence=None, first_end=None, first_start=None)
        is None
    )


def test_an_unknown_year_is_a_clear_error(small: pl.DataFrame) -> None:
    with pytest.raises(UnknownYearError, match="no figures for 2016: the years are 2021 to 2022"):
        benchmark(2016, data=small)


def test_every_year_of_the_shipped_file_benchmarks_sandwell() -> None:
    sandwell = dfe.find_authority("Sandwell")
    for year in dfe.years():
        result = benchmark(year, sandwell)
        assert result.own_source == "published"
        assert result.region == "West Midlands"
        assert len(result.similar) == SIMILAR_COUNT
        assert all(s.la_name != "Sandwell" for s in result.similar)
        for comparison in result.comparisons:
            if comparison.own.value is not None:
                assert comparison.rank is not None
                assert 1 <= comparison.rank <= comparison.ranked <= 152
        json.dumps(result.as_dict())


def test_the_shipped_2025_figures_keep_symbols_out_of_ranks() -> None:
    # Kensington and Chelsea made no 2025 return: every figure is "x".
    result = benchmark(2025, dfe.find_authority("Kensington and Chelsea"))
    vacancy = result.comparison("vacancy_rate_fte")
    assert vacancy.own == Figure(None, "x")
    assert vacancy.rank is None
    councils = dfe.published().filter(
        (pl.col("time_period") == 2025) & (pl.col("geographic_level") == dfe.LOCAL)
    )
    assert vacancy.ranked == councils["vacancy_rate_fte"].drop_nulls().len()
    assert result.similar == ()


def test_the_json_has_every_measure_with_figures_and_symbols() -> None:
    result = benchmark(2025, dfe.find_authority("Kensington and Chelsea")).as_dict()
    assert [m["key"] for m in result["measures"]] == list(MEASURE_KEYS)
    assert result["measures"][0]["own"] == {"value": None, "symbol": "x"}
    assert result["census_day"] == "2025-09-30"
    assert math.isclose(result["measures"][0]["england"]["value"], 14.2)
