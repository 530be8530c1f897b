"""How a benchmark's figures are written, the same on the page and in the command's table.

Numbers to one decimal place as the DfE publishes them (whole numbers stay whole), a DfE symbol
as the symbol itself, `c` for a figure of the council's own withheld from those who see
aggregates only (analytics.benchmark_suppression), and nothing made up where there is no figure.
"""

from dataclasses import dataclass

from stabilise.analytics.benchmark import Benchmark, Comparison, Figure, Measure, census_day
from stabilise.analytics.benchmark_years import BenchmarkOverTheYears, Trend
from stabilise.analytics.dfe import SYMBOLS
from stabilise.analytics.rates import as_published
from stabilise.analytics.suppression import SUPPRESSED

# The words the other pages use where there is no figure.
NOT_AVAILABLE = "Not available"
NOT_RANKED = "Not ranked"


def number(value: float | None, measure: Measure, missing: str = NOT_AVAILABLE) -> str:
    if value is None:
        return missing
    if measure.whole and float(value).is_integer():
        return f"{int(value):,}"
    # Rounded as the DfE rounds (and as ranks compare); 4,130.2 as GOV.UK writes numbers.
    written = f"{as_published(value):,.1f}"
    return f"{written}%" if measure.unit == "%" else written


def figure(value: Figure, measure: Measure, missing: str = NOT_AVAILABLE) -> str:
    """A published symbol as published; otherwise the number."""
    if value.value is None and value.symbol:
        return value.symbol
    return number(value.value, measure, missing)


def own(comparison: Comparison, missing: str = NOT_AVAILABLE) -> str:
    """The council's own figure, or `c` where it is withheld."""
    if comparison.withheld:
        return SUPPRESSED
    return figure(comparison.own, comparison.measure, missing)


def similar_median(comparison: Comparison, missing: str = NOT_AVAILABLE) -> str:
    """The similar councils' median, or `c` where they were chosen by a withheld size."""
    if comparison.similar_withheld:
        return SUPPRESSED
    return number(comparison.similar_median, comparison.measure, missing)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank(comparison: Comparison, missing: str = NOT_RANKED) -> str:
    """ "12th lowest of 150", "Largest of 150": the rank says which way it runs; `c` where the
    figure is withheld, since its place among published figures would tell it."""
    if comparison.withheld:
        return SUPPRESSED
    if comparison.rank is None:
        return missing
    direction = "lowest" if comparison.measure.lowest_first else "largest"
    if comparison.rank == 1:
        return f"{direction.capitalize()} of {comparison.ranked}"
    return f"{ordinal(comparison.rank)} {direction} of {comparison.ranked}"


@dataclass(frozen=True)
class Row:
    """One measure's figures, written out."""

    key: str
    label: str
    own: str
    region: str
    england: str
    similar_median: str
    rank: str


def rows(result: Benchmark, missing: str = NOT_AVAILABLE, unranked: str = NOT_RANKED) -> list[Row]:
    return [
        Row(
            key=c.measure.key,
            label=c.measure.label,
            own=own(c, missing),
            region=figure(c.region, c.measure, missing),
            england=figure(c.england, c.measure, missing),
            similar_median=similar_median(c, missing),
            rank=rank(c, unranked),
        )
        for c in result.comparisons
    ]


def symbols_used(result: Benchmark) -> list[tuple[str, str]]:
    """The DfE symbols that appear in the benchmark, with their meanings, for a key."""
    used = {
        f.symbol for c in result.comparisons for f in (c.own, c.region, c.england) if f.symbol
    } | {f.symbol for s in result.similar for f in s.figures.values() if f.symbol}
    return [(symbol, SYMBOLS.get(symbol, "as published by the DfE")) for symbol in sorted(used)]


@dataclass(frozen=True)
class YearRow:
    """One measure in one year, written out."""

    year: int
    own: str
    region: str
    england: str
    similar_median: str
    rank: str


def year_rows(
    trend: Trend, missing: str = NOT_AVAILABLE, unranked: str = NOT_RANKED
) -> list[YearRow]:
    m = trend.measure
    return [
        YearRow(
            year=y.year,
            own=own(y.comparison, missing),
            region=figure(y.comparison.region, m, missing),
            england=figure(y.comparison.england, m, missing),
            similar_median=similar_median(y.comparison, missing),
            rank=rank(y.comparison, unranked),
        )
        for y in trend.years
    ]


def year_ranges(years: list[int]) -> str:
    """2017, 2019 to 2021 and 2025: runs of consecutive years."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    written = [str(r[0]) if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs]
    return written[0] if len(written) == 1 else f"{', '.join(written[:-1])} and {written[-1]}"


def sources(name: str, result: BenchmarkOverTheYears, ours: bool) -> list[str]:
    """Where the council's own figures come from, year by year, in sentences: the same on the
    page and in the command's table."""
    register, published = result.years_from("register"), result.years_from("published")
    none = result.years_from(None)
    notes = []
    if register:
        notes.append(
            f"{name}'s figures for {year_ranges(register)} are worked out from its own register "
            "at 30 September, exactly as the Department for Education (DfE) defines them."
        )
    if len(published) == len(result.years):
        notes.append("All figures are as the Department for Education (DfE) published them.")
    elif published and register:
        notes.append(f"Its figures for {year_ranges(published)} are as the DfE published them.")
    elif published:
        notes.append(
            f"{name}'s figures for {year_ranges(published)}, and its region's and England's, "
            "are as the Department for Education (DfE) published them."
        )
    if register:
        notes.append("Every other figure is as the DfE published it.")
    if none:
        why = []
        if result.authority is not None:
            why.append(f"the DfE published none for {result.authority.la_name}")
        if ours:
            why.append(_no_register_figures(result, none))
        notes.append(
            f"There are no figures of {name}'s own for {year_ranges(none)}: "
            f"{' and '.join(why)}. Its region and England are shown."
        )
    part = [b.year for b in result.benchmarks if b.part_year]
    if part:
        notes.append(
            f"The register began during the year to 30 September {year_ranges(part)}, so "
            f"{name}'s turnover for that year is not shown: it would count only part of the year."
        )
    return notes


def symbols_over_the_years(result: BenchmarkOverTheYears) -> list[tuple[str, str]]:
    """The DfE symbols in the main measures' figures over the years, with their meanings."""
    used = {
        f.symbol
        for trend in result.trends
        for y in trend.years
        for f in (y.comparison.own, y.comparison.region, y.comparison.england)
        if f.symbol
    }
    return [(symbol, SYMBOLS.get(symbol, "as published by the DfE")) for symbol in sorted(used)]


def _no_register_figures(result: BenchmarkOverTheYears, years: list[int]) -> str:
    """Why the register gives no figures in `years`: it begins later, or has nobody in post."""
    begins = result.register_from
    if begins is None:
        return "the register holds no records"
    empty = [year for year in years if census_day(year) >= begins]
    said = f"the register begins on {begins.day} {begins:%B %Y}" if len(empty) < len(years) else ""
    if not empty:
        return said
    nobody = f"has nobody in post on 30 September {year_ranges(empty)}"
    return f"{said} and {nobody}" if said else f"the register {nobody}"
