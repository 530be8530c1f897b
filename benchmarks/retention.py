"""Benchmark: retention curves and exit-interview theme trends for every council of England.

The England data of councils.py (150 demo councils, 2021-2025, cached as parquet under
benchmarks/out/), as at 31 December 2025 with the records beginning where its frames do.

Timed, on frames already in memory:
- the employment spells (analytics.employment_spells) from the 125,000 assignments;
- RetentionCurves().fit for every breakdown (council, start year, route, team, role,
  contract): lifelines' Kaplan-Meier per group, the retention at 12/24/36 months, the log-rank
  test and the pairwise tests where the page would show them;
- two floors on the same prepared spells: lifelines' KaplanMeierFitter fitted directly on each
  group's arrays and nothing else, and a plain NumPy product-limit of every group. The script
  stops unless the floor's survival at 12, 24 and 36 months is Stabilise's for every group;
- theme trends: the England data has no exit interviews, so each leaver (analytics.leavers,
  also timed) is given one to three themes here, weighted 1 to 3, from the council's seeded
  list; then themes_by_quarter, destinations_by_quarter and themes_by for every breakdown,
  against a plain Polars group-by floor with the same counts.

    .venv/bin/python benchmarks/retention.py [--repeat 3]
"""

import argparse
import contextlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

import councils
from timing import median_times

from stabilise.analytics.employment_spells import employment_spells, records_begin
from stabilise.analytics.exit_themes import (
    BREAKDOWNS as THEME_BREAKDOWNS,
)
from stabilise.analytics.exit_themes import (
    CITED,
    destinations_by_quarter,
    quarter,
    themes_by,
    themes_by_quarter,
)
from stabilise.analytics.leavers import leaver_table
from stabilise.analytics.survival import (
    BREAKDOWNS,
    RETENTION_MONTHS,
    RetentionCurves,
    months_to_days,
)

AS_AT = councils.ENGLAND_END
# The council's seeded list (retention migration 0002), for the made-up exit interviews.
THEMES = [
    "Caseload",
    "Working hours",
    "Supervision and support",
    "Management",
    "Pay",
    "Agency pay",
    "Progression",
    "Training",
    "Office and equipment",
    "IT and case recording",
    "Travel and geography",
    "Wellbeing and stress",
    "Personal or family",
    "Retirement",
    "Different kind of work",
]


def _groups(spells: pl.DataFrame, by: str) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    key = BREAKDOWNS[by].key
    keyed = spells.with_columns(pl.lit("All social workers in post").alias("council"))
    return {
        str(group[0]): (
            part["service_days"].to_numpy().astype(float),
            part["left"].to_numpy(),
            part["entry_days"].to_numpy().astype(float),
        )
        for group, part in keyed.partition_by(key, as_dict=True).items()
    }


def lifelines_floor(groups: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]) -> None:
    from lifelines import KaplanMeierFitter
    from lifelines.exceptions import StatError

    for durations, left, entries in groups.values():
        with contextlib.suppress(StatError):  # a group Stabilise withholds
            KaplanMeierFitter().fit(durations, left, entry=entries)


def numpy_floor(
    groups: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> dict[str, list[float]]:
    """The product-limit of each group at 12, 24 and 36 months, risk sets entry < t <= T."""
    days = np.array([months_to_days(m) for m in RETENTION_MONTHS])
    out = {}
    for group, (durations, left, entries) in groups.items():
        times, leavers = np.unique(durations[left], return_counts=True)
        at_risk = np.searchsorted(np.sort(entries), times, side="left") - np.searchsorted(
            np.sort(durations), times, side="left"
        )
        with np.errstate(divide="ignore", invalid="ignore"):  # groups lifelines refuses
            survival = np.cumprod(1 - leavers / at_risk)
        at = np.searchsorted(times, days, side="right") - 1
        out[group] = [1.0 if i < 0 else float(survival[i]) for i in at]
    return out


def check_curves(curves: RetentionCurves, floor: dict[str, list[float]]) -> None:
    retention = curves.retention_
    for group in curves.groups_["group"]:
        ours = retention.filter(pl.col("group") == group).sort("months")["survival"].to_list()
        theirs = floor[group]
        for mine, other in zip(ours, theirs, strict=True):
            if mine is not None and abs(mine - other) > 1e-9:
                raise SystemExit(f"{curves.breakdown_.name} {group}: {ours} against {theirs}")


def made_up_interviews(leavers: pl.DataFrame) -> pl.DataFrame:
    """One to three themes for each leaver, weighted 1 to 3, the same every run."""
    rng = np.random.default_rng(5)
    cited = []
    for worker, left_on in leavers.select("worker_id", "left_on").iter_rows():
        for theme in rng.choice(len(THEMES), size=int(rng.integers(1, 4)), replace=False):
            cited.append((worker, left_on, THEMES[theme], int(rng.integers(1, 4))))
    return pl.DataFrame(cited, schema=CITED, orient="row")


def themes_floor(cited: pl.DataFrame, leavers: pl.DataFrame) -> list[pl.DataFrame]:
    by_quarter = cited.group_by(quarter(pl.col("left_on")).alias("quarter"), "theme").agg(
        leavers=pl.col("worker_id").n_unique()
    )
    destinations = leavers.group_by(quarter(pl.col("left_on")).alias("quarter"), "destination").agg(
        leavers=pl.col("worker_id").n_unique()
    )
    joined = cited.join(leavers, on=["worker_id", "left_on"], how="left")
    return [by_quarter, destinations] + [
        joined.group_by("theme", column).agg(leavers=pl.col("worker_id").n_unique())
        for column in THEME_BREAKDOWNS
    ]


def themes_ours(cited: pl.DataFrame, leavers: pl.DataFrame) -> list[pl.DataFrame]:
    return [themes_by_quarter(cited), destinations_by_quarter(leavers)] + [
        themes_by(cited, leavers, column) for column in THEME_BREAKDOWNS
    ]


def check_themes(ours: list[pl.DataFrame], floor: list[pl.DataFrame]) -> None:
    for mine, theirs in zip(ours, floor, strict=True):
        keys = [c for c in theirs.columns if c != "leavers"]
        shown = (
            mine.filter(pl.col("leavers") > 0).select(*keys, "leavers").sort(keys, nulls_last=True)
        )
        expected = theirs.select(*keys, pl.col("leavers").cast(pl.Int64)).sort(
            keys, nulls_last=True
        )
        if not shown.equals(expected):
            raise SystemExit(f"theme counts by {keys} differ from the floor's")


def line(label: str, ours: list[float], floor: list[float] | None = None, name: str = "") -> str:
    o = statistics.median(ours)
    text = (
        f"  {label:<34} {o * 1000:8.0f} ms (min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f})"
    )
    if floor:
        f = statistics.median(floor)
        text += f"  {name} {f * 1000:7.0f} ms  ratio {o / f:5.1f}x"
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print(f"nproc {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}, polars {pl.__version__}")
    frames = councils.england()
    begins = records_begin(frames)
    print(f"England: {councils.describe(frames, councils.CENSUS)}; records begin {begins}")
    spells = employment_spells(frames, AS_AT, begins)
    print(
        f"  {spells.height:,} employment spells as at {AS_AT} ({int(spells['left'].sum()):,} "
        f"ended in leaving, {int((spells['entry_days'] > 0).sum()):,} late entries)"
    )
    runs: dict[str, Callable[[], Any]] = {
        "spells": lambda: employment_spells(frames, AS_AT, begins)
    }
    for by in BREAKDOWNS:
        groups = _groups(spells, by)
        curves = RetentionCurves().fit(spells, by)
        check_curves(curves, numpy_floor(groups))
        print(
            f"  by {by}: {curves.groups_.height:,} curves ({curves.withheld_.height} withheld), "
            f"the same survival at 12/24/36 months as the NumPy floor"
        )
        runs[f"{by} ours"] = lambda by=by: RetentionCurves().fit(spells, by)
        runs[f"{by} lifelines"] = lambda groups=groups: lifelines_floor(groups)
        runs[f"{by} numpy"] = lambda groups=groups: numpy_floor(groups)
    started = time.perf_counter()
    leavers = leaver_table(frames)
    print(
        f"  {leavers.height:,} leavers (analytics.leavers) in {time.perf_counter() - started:.1f} s"
    )
    cited = made_up_interviews(leavers)
    check_themes(themes_ours(cited, leavers), themes_floor(cited, leavers))
    print(f"  {cited.height:,} made-up cited themes; theme counts the same as the floor's")
    runs["themes ours"] = lambda: themes_ours(cited, leavers)
    runs["themes floor"] = lambda: themes_floor(cited, leavers)

    times = median_times(runs, options.repeat)
    print(f"median of {options.repeat}:")
    print(line("employment spells", times["spells"]))
    total = [sum(t) for t in zip(*(times[f"{by} ours"] for by in BREAKDOWNS), strict=True)]
    for by in BREAKDOWNS:
        print(line(f"curves by {by}", times[f"{by} ours"], times[f"{by} lifelines"], "lifelines"))
        print(line("", times[f"{by} ours"], times[f"{by} numpy"], "NumPy    "))
    print(line("every breakdown", total))
    print(line("theme trends (7 tables)", times["themes ours"], times["themes floor"], "floor"))


if __name__ == "__main__":
    main()
