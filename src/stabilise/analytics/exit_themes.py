"""Exit-interview themes and leavers' destinations over time, with direction of movement.

`cited` has one row per theme an exit interview cited: `worker_id`, `left_on`, `theme`, `weight`.
`leavers` is analytics.leavers.leaver_table, whose columns (team_name, role, service_band, route,
destination) the themes can be broken down by. `employers` has one row per exit interview that
names the leaver's new employer: `worker_id`, `left_on`, `new_employer`. A quarter is the calendar quarter of the leaving
day, labelled `2024 Q3`. A count is of leavers (a leaver cites a theme once).

Direction of movement compares a quarter with the one before: `up` if more, `down` if fewer,
`steady` if the same; null for the first quarter shown.
"""

from dataclasses import dataclass
from datetime import date

import polars as pl

CITED: dict[str, pl.DataType] = {
    "worker_id": pl.String(),
    "left_on": pl.Date(),
    "theme": pl.String(),
    "weight": pl.Int64(),
}
EMPLOYERS: dict[str, pl.DataType] = {
    "worker_id": pl.String(),
    "left_on": pl.Date(),
    "new_employer": pl.String(),
}
BREAKDOWNS = ("team_name", "role", "service_band", "route")


def quarter(day: pl.Expr) -> pl.Expr:
    return pl.format("{} Q{}", day.dt.year(), day.dt.quarter())


def _with_direction(counts: pl.DataFrame, by: str) -> pl.DataFrame:
    """Every quarter from the first to the last, for every value of `by` (0 where none), with
    the direction against the quarter before."""
    if counts.height == 0:
        return counts.select(
            quarter=pl.lit(None, dtype=pl.String),
            **{by: pl.col(by)},
            leavers=pl.col("leavers"),
            direction=pl.lit(None, dtype=pl.String),
        )
    first, last = counts["_start"].min(), counts["_start"].max()
    assert isinstance(first, date) and isinstance(last, date)
    starts = pl.date_range(first, last, interval="1q", eager=True)
    quarters = pl.DataFrame({"_start": starts})
    grid = quarters.join(counts.select(by).unique(), how="cross")
    filled = (
        grid.join(counts, on=["_start", by], how="left")
        .with_columns(pl.col("leavers").fill_null(0), quarter=quarter(pl.col("_start")))
        .sort(by, "_start")
    )
    before = pl.col("leavers").shift(1).over(by)
    return filled.with_columns(
        direction=pl.when(before.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(pl.col("leavers") > before)
        .then(pl.lit("up"))
        .when(pl.col("leavers") < before)
        .then(pl.lit("down"))
        .otherwise(pl.lit("steady"))
    ).select("quarter", by, "leavers", "direction")


def _by_quarter(rows: pl.DataFrame, by: str) -> pl.DataFrame:
    counts = (
        rows.with_columns(_start=pl.col("left_on").dt.truncate("1q"))
        .group_by("_start", by)
        .agg(leavers=pl.col("worker_id").n_unique().cast(pl.Int64))
    )
    return _with_direction(counts, by)


def themes_by_quarter(cited: pl.DataFrame) -> pl.DataFrame:
    """quarter, theme, leavers (citing it that quarter), direction; by theme then quarter."""
    return _by_quarter(cited, "theme")


def destinations_by_quarter(leavers: pl.DataFrame) -> pl.DataFrame:
    """quarter, destination, leavers, direction: where leavers went, quarter by quarter."""
    return _by_quarter(leavers, "destination")


def employers_by_quarter(employers: pl.DataFrame) -> pl.DataFrame:
    """quarter, new_employer, leavers, direction: which councils and agencies take our staff."""
    return _by_quarter(employers, "new_employer")


def themes_by(cited: pl.DataFrame, leavers: pl.DataFrame, column: str) -> pl.DataFrame:
    """theme, `column` (one of BREAKDOWNS), leavers citing the theme: most first."""
    if column not in BREAKDOWNS:
        raise ValueError(f"themes break down by one of {', '.join(BREAKDOWNS)}, not {column!r}")
    return (
        cited.join(
            leavers.select("worker_id", "left_on", column), on=["worker_id", "left_on"], how="left"
        )
        .group_by("theme", column)
        .agg(leavers=pl.col("worker_id").n_unique().cast(pl.Int64))
        .sort(["leavers", "theme", column], descending=[True, False, False], nulls_last=True)
    )


@dataclass(frozen=True)
class QuarterRow:
    """One theme's (or destination's) leavers in each quarter, oldest first, with the
    direction against the quarter before, and its leavers over all the quarters."""

    name: str
    leavers: list[int]
    directions: list[str | None]
    total: int


@dataclass(frozen=True)
class QuarterTable:
    quarters: list[str]
    rows: list[QuarterRow]


def quarter_table(by_quarter: pl.DataFrame, by: str) -> QuarterTable:
    """themes_by_quarter or destinations_by_quarter laid out a row a theme (or destination) and
    a column a quarter, the most frequent first: a trend reads along a row."""
    quarters = by_quarter.select("quarter").unique(maintain_order=True)["quarter"].to_list()
    rows = [
        QuarterRow(
            name=name,
            leavers=group["leavers"].to_list(),
            directions=group["direction"].to_list(),
            total=int(group["leavers"].sum()),
        )
        for (name,), group in by_quarter.group_by(by, maintain_order=True)
    ]
    rows.sort(key=lambda row: (-row.total, row.name))
    return QuarterTable(quarters=sorted(quarters), rows=rows)


@dataclass(frozen=True)
class GroupThemes:
    """A team's (or role's, …) most cited themes, most first, with their leavers."""

    group: str | None
    themes: list[tuple[str, int]]


def main_themes_of_each(by_column: pl.DataFrame, column: str, top: int = 3) -> list[GroupThemes]:
    """themes_by's rows as each group's `top` themes; groups with the most citing leavers
    first."""
    groups: dict[str | None, list[tuple[str, int]]] = {}
    for row in by_column.iter_rows(named=True):
        groups.setdefault(row[column], []).append((row["theme"], row["leavers"]))
    ranked = sorted(groups.items(), key=lambda g: (-g[1][0][1], g[0] is None, g[0] or ""))
    return [GroupThemes(group, themes[:top]) for group, themes in ranked]
