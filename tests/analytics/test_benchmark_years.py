"""The benchmark at every published 30 September, on the small hand-made file (data/csww_small.csv:
2021 and 2022, vacancy rate and in-post FTE only) and on the shipped DfE file.

In 2021 Aford (North, 100 FTE) has its published 12.0%; North 14, South 11, England 12.5; its
similar councils' median is 13.5 and it ranks 4th lowest of 9 (worked out in test_benchmark.py).
In 2022 the file has North 15, South 11, England 13 and one council, Bton (North, 125 FTE), 9.
"""

import dataclasses
import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from stabilise.analytics import dfe
from stabilise.analytics.benchmark import Figure, benchmark
from stabilise.analytics.benchmark_years import MAIN_MEASURES, benchmark_over_the_years
from stabilise.analytics.measures import Measures

SMALL = Path(__file__).parent / "data" / "csww_small.csv"


@pytest.fixture
def small() -> pl.DataFrame:
    return dfe.read_published(SMALL)


def measures(year: int, **values: float) -> Measures:
    """A council's measures on 30 September of `year`: zeros except `values`."""
    fields = {f.name: 0 for f in dataclasses.fields(Measures) if f.name != "as_at"}
    return Measures(as_at=date(year, 9, 30), **{**fields, **values})  # type: ignore[arg-type]


def test_every_published_year_is_there_oldest_first(small: pl.DataFrame) -> None:
    result = benchmark_over_the_years(dfe.find_authority("Aford", small), data=small)
    assert result.years == [2021, 2022]
    assert result.region == "North"
    assert [t.measure.key for t in result.trends] == [
        "vacancy_rate_fte",
        "agency_rate_fte",
        "turnover_rate_fte",
        "caseload_fte",
    ]


def test_a_published_authority_has_its_figures_and_rank_each_year_and_a_gap_where_none(
    small: pl.DataFrame,
) -> None:
    vacancy = benchmark_over_the_years(dfe.find_authority("Aford", small), data=small).trend(
        "vacancy_rate_fte"
    )
    y2021, y2022 = vacancy.years
    assert y2021.own_source == "published"
    c = y2021.comparison
    assert (c.own, c.region, c.england) == (Figure(12.0), Figure(14.0), Figure(12.5))
    assert (c.similar_median, c.rank, c.ranked) == (13.5, 4, 9)
    # Aford made no 2022 return: no figure of its own, no similar councils (nothing to size
    # them by) and no rank; its region and England are still there.
    assert y2022.own_source is None
    c = y2022.comparison
    assert (c.own, c.region, c.england) == (Figure(None), Figure(15.0), Figure(13.0))
    assert (c.similar_median, c.rank, c.ranked) == (None, None, 1)


@pytest.mark.parametrize(("council", "symbol"), [("Bton", "c"), ("Eby", "low")])
def test_a_symbol_is_a_gap_never_a_zero(small: pl.DataFrame, council: str, symbol: str) -> None:
    vacancy = benchmark_over_the_years(dfe.find_authority(council, small), data=small).trend(
        "vacancy_rate_fte"
    )
    y2021 = vacancy.years[0].comparison
    assert y2021.own == Figure(None, symbol)
    # Read as 0 it would rank first (lowest) of ten.
    assert (y2021.rank, y2021.ranked) == (None, 9)


def test_bton_ranks_alone_in_2022(small: pl.DataFrame) -> None:
    vacancy = benchmark_over_the_years(dfe.find_authority("Bton", small), data=small).trend(
        "vacancy_rate_fte"
    )
    # 2022's only council is Bton itself: 1st of 1, and no other council to compare sizes with.
    c = vacancy.years[1].comparison
    assert (c.own, c.rank, c.ranked, c.similar_median) == (Figure(9.0), 1, 1, None)


def test_a_council_not_published_has_no_figure_in_a_year_before_its_register(
    small: pl.DataFrame,
) -> None:
    # The register begins on 1 March 2022, so it has figures at 30 September 2022 only, and
    # began during that year (from 1 October 2021): its turnover for 2022 is left out.
    own = {2022: measures(2022, vacancy_rate_fte=11.0, turnover_rate_fte=8.0, inpost_fte=100.0)}
    result = benchmark_over_the_years(
        None, own, "north", register_from=date(2022, 3, 1), data=small
    )
    assert result.years_from("register") == [2022]
    assert result.years_from(None) == [2021]
    vacancy = result.trend("vacancy_rate_fte")
    y2021, y2022 = vacancy.years
    assert (y2021.comparison.own, y2021.comparison.rank) == (Figure(None), None)
    assert (y2021.comparison.region, y2021.comparison.england) == (Figure(14.0), Figure(12.5))
    # 11 against 2022's one published figure, Bton's 9: 2nd lowest of 2.
    assert y2022.own_source == "register"
    assert (y2022.comparison.own, y2022.comparison.rank, y2022.comparison.ranked) == (
        Figure(11.0),
        2,
        2,
    )
    assert y2022.comparison.region == Figure(15.0)
    # Its size, 100 FTE in the North, is nearest Bton's 125: the median of one is 9.
    assert y2022.comparison.similar_median == 9.0
    turnover = result.trend("turnover_rate_fte").years[1]
    assert turnover.part_year
    assert turnover.comparison.own == Figure(None)


def test_a_published_authority_with_a_register_uses_it_only_in_the_years_it_has_one(
    small: pl.DataFrame,
) -> None:
    aford = dfe.find_authority("Aford", small)
    own = {2022: measures(2022, vacancy_rate_fte=7.0, inpost_fte=100.0)}
    result = benchmark_over_the_years(aford, own, register_from=date(2021, 1, 1), data=small)
    y2021, y2022 = result.trend("vacancy_rate_fte").years
    assert (y2021.own_source, y2021.comparison.own) == ("published", Figure(12.0))
    assert (y2022.own_source, y2022.comparison.own) == ("register", Figure(7.0))
    # Lower than Bton's 9: 1st of 2.
    assert (y2022.comparison.rank, y2022.comparison.ranked) == (1, 2)
    assert not y2022.part_year


def test_each_year_is_exactly_that_years_benchmark_on_the_shipped_file() -> None:
    sandwell = dfe.find_authority("Sandwell")
    result = benchmark_over_the_years(sandwell)
    assert result.years == list(range(2017, 2026))
    assert result.benchmarks == tuple(benchmark(year, sandwell) for year in result.years)
    # Sandwell 2025 (as on the one-year page): 8.7%, West Midlands 14.0%, England 14.2%,
    # 42nd lowest of 149.
    c = result.trend("vacancy_rate_fte").years[-1].comparison
    assert (c.own, c.region, c.england) == (Figure(8.7), Figure(14.0), Figure(14.2))
    assert (c.rank, c.ranked) == (42, 149)


def test_the_json_has_the_main_measures_year_by_year_with_symbols() -> None:
    # Kensington and Chelsea made no 2025 return: every figure is "x".
    result = benchmark_over_the_years(dfe.find_authority("Kensington and Chelsea")).as_dict()
    json.dumps(result)
    assert result["years"] == list(range(2017, 2026))
    assert result["census_days"][0] == "2017-09-30"
    assert [m["key"] for m in result["measures"]] == [m.key for m in MAIN_MEASURES]
    vacancy = result["measures"][0]
    assert vacancy["rank_order"] == "1 = lowest"
    latest = vacancy["years"][-1]
    assert latest["year"] == 2025
    assert latest["own"] == {"value": None, "symbol": "x"}
    assert (latest["rank"], latest["region_name"]) == (None, "Inner London")
    assert latest["england"] == {"value": 14.2, "symbol": None}
