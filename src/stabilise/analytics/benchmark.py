"""A council's workforce measures beside its region, England and its most similar councils.

The comparison is for one DfE reporting year, i.e. as at 30 September of that year. The
council's own figures come from its register (its `Measures` on that day) when it has one;
otherwise, for a published authority, from the DfE's published figures. Everything else
(region, England, other councils) is the DfE's published figures as they are, symbols and all.
"""

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import polars as pl

from stabilise.analytics import dfe, rates
from stabilise.analytics.dfe import Authority
from stabilise.analytics.measures import Measures
from stabilise.analytics.similar_councils import SIMILAR_RULE, similar_councils

OwnSource = Literal["register", "published"]


@dataclass(frozen=True)
class Measure:
    """A published measure: its column, what a page calls it, its unit, and which way ranks
    run (`lowest_first`: rank 1 is the lowest value, as for a vacancy rate; otherwise rank 1
    is the largest, as for a workforce's size). `whole`: published as a whole number (a
    headcount, cases); `main`: one of the headline rates a page charts."""

    key: str
    label: str
    unit: str
    lowest_first: bool
    main: bool = False
    whole: bool = False

    @property
    def rank_order(self) -> str:
        return "1 = lowest" if self.lowest_first else "1 = largest"


def _rate(key: str, label: str, main: bool = False) -> Measure:
    return Measure(key, label, "%", lowest_first=True, main=main)


def _size(key: str, label: str) -> Measure:
    return Measure(key, label, "", lowest_first=False)


def _count(key: str, label: str) -> Measure:
    return Measure(key, label, "", lowest_first=False, whole=True)


# In the order a workforce board reads them: the headline rates, then the figures behind them.
MEASURES: tuple[Measure, ...] = (
    _rate("vacancy_rate_fte", "Vacancy rate (FTE)", main=True),
    _rate("agency_rate_fte", "Agency worker rate (FTE)", main=True),
    _rate("turnover_rate_fte", "Turnover rate (FTE)", main=True),
    Measure("caseload_fte", "Average caseload per case-holding FTE", "", True, main=True),
    _rate("absence_rate_fte", "Sickness absence rate (FTE)"),
    _size("inpost_fte", "Social workers in post (FTE)"),
    _size("agency_fte", "Agency workers (FTE)"),
    _size("starters_fte", "Starters in the year (FTE)"),
    _size("leavers_fte", "Leavers in the year (FTE)"),
    _size("vacancy_fte", "Vacancies (FTE)"),
    _count("inpost_headcount", "Social workers in post (headcount)"),
    _count("agency_headcount", "Agency workers (headcount)"),
    _count("starters_headcount", "Starters in the year (headcount)"),
    _count("leavers_headcount", "Leavers in the year (headcount)"),
    _rate("turnover_rate_headcount", "Turnover rate (headcount)"),
    _rate("agency_rate_headcount", "Agency worker rate (headcount)"),
    _size("agency_cover_fte", "Agency workers covering vacancies (FTE)"),
    _rate("agency_cover_rate_fte", "Agency workers who cover a vacancy (FTE)"),
    _rate("vacancy_agency_cover_rate_fte", "Vacancies covered by agency workers (FTE)"),
    _size("case_holders_fte", "Case holders (FTE)"),
    _count("cases", "Cases held"),
    _size("working_days_lost_fte", "Working days lost to sickness (FTE)"),
)
MEASURE_KEYS = tuple(m.key for m in MEASURES)
# Measures over the year to 30 September rather than on the day: a register that began during
# that year has only part of the year's starters, leavers and sickness.
OVER_THE_YEAR = frozenset(
    {
        "starters_fte",
        "starters_headcount",
        "leavers_fte",
        "leavers_headcount",
        "turnover_rate_fte",
        "turnover_rate_headcount",
        "working_days_lost_fte",
        "absence_rate_fte",
    }
)


@dataclass(frozen=True)
class Figure:
    """One figure: a number, or the DfE's symbol where it published none (then `value` is
    None), or neither where nothing is known."""

    value: float | None
    symbol: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "symbol": self.symbol}


NOTHING = Figure(None)


@dataclass(frozen=True)
class Comparison:
    """One measure: the council's figure, its region's, England's, the median of its similar
    councils' (over those with a number), and its rank among every council with a number,
    out of `ranked` (the council included). No figure, no rank.

    `withheld`: the council's own figure rests on 1 to 4 people, so for those who see
    aggregates only it is `c`, and its rank with it (`benchmark_suppression`); `similar_withheld`:
    the similar councils were chosen by a size that is withheld, so their median is too."""

    measure: Measure
    own: Figure
    region: Figure
    england: Figure
    similar_median: float | None
    rank: int | None
    ranked: int
    withheld: bool = False
    similar_withheld: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.measure.key,
            "label": self.measure.label,
            "unit": self.measure.unit,
            "own": self.own.as_dict(),
            "region": self.region.as_dict(),
            "england": self.england.as_dict(),
            "similar_median": self.similar_median,
            "rank": self.rank,
            "ranked": self.ranked,
            "rank_order": self.measure.rank_order,
        }


@dataclass(frozen=True)
class SimilarCouncil:
    la_name: str
    old_la_code: str
    new_la_code: str
    region: str
    figures: Mapping[str, Figure]

    def as_dict(self) -> dict[str, Any]:
        return {
            "la_name": self.la_name,
            "old_la_code": self.old_la_code,
            "new_la_code": self.new_la_code,
            "region": self.region,
            "figures": {key: figure.as_dict() for key, figure in self.figures.items()},
        }


@dataclass(frozen=True)
class Benchmark:
    """The comparison for one year. `own_source` says where the council's own figures came
    from: its register, the DfE's publication, or nowhere (None: an authority with no return
    that year and no register). `part_year`: the register began during the year, so its
    figures over the year (OVER_THE_YEAR) are left out."""

    year: int
    authority: Authority | None
    region: str | None
    own_source: OwnSource | None
    comparisons: tuple[Comparison, ...]
    similar: tuple[SimilarCouncil, ...]
    part_year: bool = False

    @property
    def census_day(self) -> date:
        return census_day(self.year)

    @property
    def similar_withheld(self) -> bool:
        """The similar councils are chosen by the council's size: withheld when that is."""
        return self.comparison("inpost_fte").withheld

    def comparison(self, key: str) -> Comparison:
        return next(c for c in self.comparisons if c.measure.key == key)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: figures unrounded as computed or published, symbols as published."""
        return {
            "year": self.year,
            "census_day": self.census_day.isoformat(),
            "authority": None if self.authority is None else self.authority.as_dict(),
            "region": self.region,
            "own_source": self.own_source,
            "part_year": self.part_year,
            "similar_rule": SIMILAR_RULE,
            "measures": [c.as_dict() for c in self.comparisons],
            "similar": [s.as_dict() for s in self.similar],
        }


class UnknownYearError(LookupError):
    pass


def census_day(year: int) -> date:
    """The day a DfE reporting year's figures are taken: 30 September."""
    return date(year, 9, 30)


def year_start(year: int) -> date:
    """The first day of a DfE reporting year, the year to 30 September: 1 October before."""
    return date(year - 1, 10, 1)


def register_begins(
    *,
    first_snapshot: date | None,
    first_absence: date | None,
    first_end: date | None,
    first_start: date | None,
) -> date | None:
    """The first day the register holds records for: its earliest caseload snapshot, absence
    or assignment end. Start dates do not count: the people in post when a council starts
    using Stabilise come with start dates years before anything else was recorded. A register
    with nothing else begins with its earliest start; an empty one never begins (None)."""
    known = [day for day in (first_snapshot, first_absence, first_end) if day is not None]
    return min(known) if known else first_start


def own_figures(own: Measures, part_year: bool = False) -> dict[str, Figure]:
    """A council's measures as figures for every published measure. The two headcount rates
    the register does not keep are worked out with the same formulas as the FTE ones. With
    `part_year`, the measures over the year are left out (unknown, not zero)."""
    values: dict[str, float | None] = {
        key: getattr(own, key) for key in MEASURE_KEYS if hasattr(own, key)
    }
    values["turnover_rate_headcount"] = rates.turnover_rate(
        float(own.leavers_headcount), float(own.inpost_headcount)
    )
    values["agency_rate_headcount"] = rates.agency_rate(
        float(own.agency_headcount), float(own.inpost_headcount)
    )
    return {
        key: NOTHING if part_year and key in OVER_THE_YEAR else Figure(values.get(key))
        for key in MEASURE_KEYS
    }


def _figures(row: Mapping[str, Any] | None) -> dict[str, Figure]:
    if row is None:
        return {key: NOTHING for key in MEASURE_KEYS}
    return {key: Figure(row[key], row[dfe.symbol_column(key)]) for key in MEASURE_KEYS}


def _one_row(frame: pl.DataFrame) -> dict[str, Any] | None:
    return frame.row(0, named=True) if frame.height else None


def _rank(own: float | None, others: list[float], lowest_first: bool) -> tuple[int | None, int]:
    """Competition ranking (1, 2, 2, 4): one more than the number of councils strictly ahead.

    The council's own figure is rounded as the DfE rounds before it is compared, so a figure
    that reads the same as another council's on the page ranks level with it."""
    if own is None:
        return None, len(others)
    mine = rates.as_published(own)
    assert mine is not None
    ahead = sum(1 for o in others if (o < mine if lowest_first else o > mine))
    return ahead + 1, len(others) + 1


def benchmark(
    year: int,
    authority: Authority | None = None,
    own: Measures | None = None,
    region: str | None = None,
    *,
    register_from: date | None = None,
    data: pl.DataFrame | None = None,
) -> Benchmark:
    """Compare a council with its region, England and its ten most similar councils in `year`.

    - `authority`: the published authority the council is, if any. Without `own` its
      published figures are its own.
    - `own`: the council's measures from its register on 30 September of `year`; these win
      over the published figures. A council that is not published (the demo) gives only this.
    - `region`: the council's region when it is not a published authority (a published
      authority's own region, as published that year, always wins).
    - `register_from`: the day the register begins (`register_begins`). If that is after
      the start of the year to 30 September, `own`'s figures over the year are left out.
    - `data`: the published figures (`dfe.read_published`); the shipped file by default.

    Ranks are among every local authority with a number that year (symbols are not numbers),
    with the council's own figure in place of its published one. Similar councils: SIMILAR_RULE.
    """
    data = dfe.published(data)
    known = dfe.years(data)
    if year not in known:
        raise UnknownYearError(
            f"The DfE has published no figures for {year}: the years are {known[0]} to {known[-1]}."
        )
    this_year = data.filter(pl.col("time_period") == year)
    councils = this_year.filter(pl.col("geographic_level") == dfe.LOCAL)
    row = None
    if authority is not None:
        row = _one_row(councils.filter(pl.col("old_la_code") == authority.old_la_code))
        region = row["region_name"] if row else authority.region
    elif region is not None:
        region = dfe.find_region(region, data)

    own_source: OwnSource | None = None
    part_year = False
    if own is not None:
        part_year = register_from is not None and register_from > year_start(year)
        mine, own_source = own_figures(own, part_year), "register"
    else:
        mine = _figures(row)
        own_source = "published" if row is not None else None

    regional = _one_row(
        this_year.filter(
            (pl.col("geographic_level") == dfe.REGIONAL) & (pl.col("region_name") == region)
        )
    )
    national = _one_row(this_year.filter(pl.col("geographic_level") == dfe.NATIONAL))
    region_figures, england_figures = _figures(regional), _figures(national)

    exclude = authority.old_la_code if authority else None
    others = councils if exclude is None else councils.filter(pl.col("old_la_code") != exclude)
    similar = similar_councils(councils, mine["inpost_fte"].value, region, exclude=exclude)

    comparisons = []
    for measure in MEASURES:
        key = measure.key
        near = similar[key].drop_nulls().to_list()
        rank, ranked = _rank(
            mine[key].value, others[key].drop_nulls().to_list(), measure.lowest_first
        )
        comparisons.append(
            Comparison(
                measure=measure,
                own=mine[key],
                region=region_figures[key],
                england=england_figures[key],
                similar_median=statistics.median(near) if near else None,
                rank=rank,
                ranked=ranked,
            )
        )
    return Benchmark(
        year=year,
        authority=authority,
        region=region,
        own_source=own_source,
        part_year=part_year,
        comparisons=tuple(comparisons),
        similar=tuple(
            SimilarCouncil(
                la_name=r["la_name"],
                old_la_code=r["old_la_code"],
                new_la_code=r["new_la_code"],
                region=r["region_name"],
                figures=_figures(r),
            )
            for r in similar.iter_rows(named=True)
        ),
    )
