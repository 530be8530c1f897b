"""A council's benchmark at every 30 September the DfE has published: the trend a committee
paper shows ("how has our vacancy rate moved against the region and England since 2017, and has
our rank improved?").

Each year is the one-year benchmark (`benchmark.benchmark`) as it stands, so a figure here is
the same number as on that year's page: the council's own figure from its register in a year it
has one, else its published figure; region, England and the similar councils as published, a
DfE symbol kept as a symbol (never a zero: a gap in a line). Nine calls over the shipped file
take a few hundredths of a second together, so nothing is shared between the years but the
published frame itself.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from stabilise.analytics import dfe
from stabilise.analytics.benchmark import (
    MEASURES,
    Benchmark,
    Comparison,
    Measure,
    OwnSource,
    benchmark,
)
from stabilise.analytics.dfe import Authority
from stabilise.analytics.measures import Measures
from stabilise.analytics.similar_councils import SIMILAR_RULE

MAIN_MEASURES = tuple(m for m in MEASURES if m.main)


@dataclass(frozen=True)
class YearFigures:
    """One measure in one year: the comparison, and where the council's own figure came from
    (`own_source`: its register, the DfE's publication, or nowhere) and whether the register
    began during that year (`part_year`: its figures over the year are then left out)."""

    year: int
    own_source: OwnSource | None
    part_year: bool
    region: str | None
    comparison: Comparison

    def as_dict(self) -> dict[str, Any]:
        figures = self.comparison.as_dict()
        return {
            "year": self.year,
            "own_source": self.own_source,
            "part_year": self.part_year,
            "region_name": self.region,
            **{
                key: figures[key]
                for key in ("own", "region", "england", "similar_median", "rank", "ranked")
            },
        }


@dataclass(frozen=True)
class Trend:
    """One measure at every published 30 September, oldest first."""

    measure: Measure
    years: tuple[YearFigures, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.measure.key,
            "label": self.measure.label,
            "unit": self.measure.unit,
            "rank_order": self.measure.rank_order,
            "years": [year.as_dict() for year in self.years],
        }


@dataclass(frozen=True)
class BenchmarkOverTheYears:
    """The benchmark of every published year, oldest first. `region` is the latest year's
    (a published authority's region has never changed in the DfE's figures);
    `register_from` the day the council's register begins, if it has one."""

    authority: Authority | None
    region: str | None
    benchmarks: tuple[Benchmark, ...]
    register_from: date | None = None

    @property
    def years(self) -> list[int]:
        return [b.year for b in self.benchmarks]

    def trend(self, key: str) -> Trend:
        measure = next(m for m in MEASURES if m.key == key)
        return Trend(
            measure,
            tuple(
                YearFigures(b.year, b.own_source, b.part_year, b.region, b.comparison(key))
                for b in self.benchmarks
            ),
        )

    @property
    def trends(self) -> list[Trend]:
        """The headline rates and caseload, in the order a workforce board reads them."""
        return [self.trend(m.key) for m in MAIN_MEASURES]

    def years_from(self, source: OwnSource | None) -> list[int]:
        """The years whose own figures came from `source` (None: years with none)."""
        return [b.year for b in self.benchmarks if b.own_source == source]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the main measures year by year, unrounded, symbols as published."""
        return {
            "authority": None if self.authority is None else self.authority.as_dict(),
            "region": self.region,
            "years": self.years,
            "census_days": [b.census_day.isoformat() for b in self.benchmarks],
            "similar_rule": SIMILAR_RULE,
            "measures": [trend.as_dict() for trend in self.trends],
        }


def benchmark_over_the_years(
    authority: Authority | None = None,
    own: Mapping[int, Measures] | None = None,
    region: str | None = None,
    *,
    register_from: date | None = None,
    data: pl.DataFrame | None = None,
) -> BenchmarkOverTheYears:
    """`benchmark.benchmark` for every year in the published figures, oldest first.

    `own` holds the council's register measures at 30 September of the years it has local
    data for (keyed by year); a year missing from it takes the published figures of
    `authority`, if any, else has no own figure. `authority`, `region`, `register_from` and
    `data` are as for `benchmark`.
    """
    data = dfe.published(data)
    own = own or {}
    results = tuple(
        benchmark(
            year,
            authority,
            own.get(year),
            region,
            register_from=register_from,
            data=data,
        )
        for year in dfe.years(data)
    )
    return BenchmarkOverTheYears(
        authority=authority,
        region=results[-1].region if results else region,
        benchmarks=results,
        register_from=register_from,
    )
