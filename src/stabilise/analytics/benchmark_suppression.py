"""The benchmark as those who see aggregates only read it: small numbers of the council's own
withheld, by the same rule as every other page (`suppression.RESTS_ON`).

Only figures from the council's register are withheld. The DfE's published figures, the
council's own in a year it published them included, are public already and stay as the DfE
published them, its own `c` and other symbols and all.

A withheld figure leaves no trace: its number is gone from the result (so no chart can draw it
and no table print it) and so is its rank, which would place it between two published figures.
The similar councils are chosen by the council's size, so when that is withheld they are too,
with their medians.
"""

from collections.abc import Iterable
from dataclasses import replace

from stabilise.analytics.benchmark import MEASURE_KEYS, NOTHING, Benchmark, Comparison
from stabilise.analytics.benchmark_years import BenchmarkOverTheYears
from stabilise.analytics.suppression import measure_suppressed

# What the similar councils are chosen by (analytics.similar_councils).
SIZE = "inpost_fte"


def withheld_measures(result: Benchmark) -> frozenset[str]:
    """The measures whose own figure rests on 1 to 4 people: from the register, and known."""
    if result.own_source != "register":
        return frozenset()
    own = {c.measure.key: c.own.value for c in result.comparisons}
    return frozenset(
        key for key in MEASURE_KEYS if own[key] is not None and measure_suppressed(own, key)
    )


def _withhold(comparison: Comparison, withheld: frozenset[str]) -> Comparison:
    size_withheld = SIZE in withheld
    if comparison.measure.key in withheld:
        comparison = replace(comparison, own=NOTHING, rank=None, withheld=True)
    if size_withheld:
        comparison = replace(comparison, similar_median=None, similar_withheld=True)
    return comparison


def suppressed(result: Benchmark) -> Benchmark:
    """`result` with the council's own figures that rest on 1 to 4 people withheld."""
    withheld = withheld_measures(result)
    if not withheld:
        return result
    return replace(
        result,
        comparisons=tuple(_withhold(c, withheld) for c in result.comparisons),
        similar=() if SIZE in withheld else result.similar,
    )


def suppressed_over_the_years(result: BenchmarkOverTheYears) -> BenchmarkOverTheYears:
    """Every year's benchmark `suppressed`, year by year."""
    return replace(result, benchmarks=tuple(suppressed(b) for b in result.benchmarks))


def any_withheld(comparisons: Iterable[Comparison]) -> bool:
    """Whether any of `comparisons` (of a `suppressed` benchmark) withholds a figure."""
    return any(c.withheld or c.similar_withheld for c in comparisons)
