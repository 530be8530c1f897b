"""Reading one value out of a Polars series in tests, typed loosely on purpose.

Polars types `Series.max()` and friends as a union of every possible Python value, so comparing
the result with a number or a date would need a cast at every use.
"""

from typing import Any

import polars as pl


def lowest(series: pl.Series) -> Any:
    return series.min()


def highest(series: pl.Series) -> Any:
    return series.max()


def average(series: pl.Series) -> float:
    """The mean; for a boolean series, the share that is true."""
    value = series.cast(pl.Float64).mean()
    assert isinstance(value, float)
    return value


def percentile(series: pl.Series, quantile: float) -> float:
    value = series.quantile(quantile, "linear")
    assert value is not None
    return value
