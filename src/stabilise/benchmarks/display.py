"""How a benchmark's figures are written, the same on the page and in the command's table.

Numbers to one decimal place as the DfE publishes them (whole numbers stay whole), a DfE symbol
as the symbol itself, and nothing made up where there is no figure.
"""

from dataclasses import dataclass

from stabilise.analytics.benchmark import Benchmark, Comparison, Figure, Measure
from stabilise.analytics.dfe import SYMBOLS
from stabilise.analytics.rates import as_published

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


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank(comparison: Comparison, missing: str = NOT_RANKED) -> str:
    """ "12th lowest of 150", "Largest of 150": the rank says which way it runs."""
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
            own=figure(c.own, c.measure, missing),
            region=figure(c.region, c.measure, missing),
            england=figure(c.england, c.measure, missing),
            similar_median=number(c.similar_median, c.measure, missing),
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
