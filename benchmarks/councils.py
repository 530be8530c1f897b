"""The benchmarks' data: demo councils scaled up, built from outside the demo package.

- `large_council()`: five demo councils (seeds 1-5) merged into one, each under its own id
  prefix ("C001-" ...), ten years of daily caseload snapshots: about 1,100 workers in post on a
  day, 5,700 worker records and 2.7 million caseload rows.
- `england()`: 150 demo councils (seeds 1-150), five years, one caseload snapshot per worker
  per week (the last one of each Monday-to-Sunday week, so Friday's unless Friday was a bank
  holiday): about 35,000 workers in post on a day and 8 million caseload rows. The council is
  the first four characters of every id (`council_of`).

Both are cached as parquet under benchmarks/out/ (git-ignored): the first run simulates them
(about 20 s and, on two cores, 2 minutes), later runs read them in a second or two.
"""

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import polars as pl

from stabilise.analytics.frames import SCHEMAS, CouncilFrames

OUT = Path(__file__).resolve().parent / "out"
# Fixed dates, so every run and every machine sees the same councils.
LARGE_START, LARGE_END, LARGE_SEEDS = date(2016, 1, 1), date(2025, 12, 31), range(1, 6)
ENGLAND_START, ENGLAND_END, ENGLAND_SEEDS = date(2021, 1, 1), date(2025, 12, 31), range(1, 151)
# The DfE census day of the latest full year of both data sets, and the last week ending
# (a Friday) on or before it.
CENSUS = date(2025, 9, 30)
WEEK_ENDING = date(2025, 9, 26)
# Columns holding a council's own ids, prefixed to keep councils apart when merged.
ID_COLUMNS = {
    "teams": ["team_id", "parent_team_id"],
    "posts": ["post_id", "team_id"],
    "workers": ["worker_id"],
    "assignments": ["assignment_id", "worker_id", "team_id", "post_id"],
    "caseloads": ["worker_id"],
    "absences": ["worker_id"],
}
PREFIX_LENGTH = len("C001")


def prefix(seed: int) -> str:
    return f"C{seed:03d}-"


def council_of(column: str) -> pl.Expr:
    """The council an id belongs to, e.g. "C017" for "C017-FF1"."""
    return pl.col(column).str.slice(0, PREFIX_LENGTH)


def _prefixed(frames: CouncilFrames, seed: int) -> dict[str, pl.DataFrame]:
    tag = prefix(seed)
    out = {}
    for name, columns in ID_COLUMNS.items():
        frame: pl.DataFrame = getattr(frames, name)
        out[name] = frame.with_columns((tag + pl.col(c)).alias(c) for c in columns)
    out["teams"] = out["teams"].with_columns(
        (pl.col("team_name") + f" ({tag[:-1]})").alias("team_name")
    )
    return out


def weekly(caseloads: pl.DataFrame) -> pl.DataFrame:
    """Each worker's last snapshot of each Monday-to-Sunday week."""
    week = pl.col("date").dt.truncate("1w")
    return caseloads.filter(pl.col("date") == pl.col("date").max().over("worker_id", week))


def _simulate(seed: int, start: date, end: date, thin: bool) -> dict[str, pl.DataFrame]:
    from stabilise.demo.simulation import simulate_council

    frames = simulate_council(seed, end, start)
    if thin:
        frames = CouncilFrames(**{**vars(frames), "caseloads": weekly(frames.caseloads)})
    return _prefixed(frames, seed)


def _simulate_args(args: tuple[int, date, date, bool]) -> dict[str, pl.DataFrame]:
    return _simulate(*args)


def _merge(parts: Iterable[dict[str, pl.DataFrame]]) -> CouncilFrames:
    collected: dict[str, list[pl.DataFrame]] = {name: [] for name in SCHEMAS}
    for part in parts:
        for name, frame in part.items():
            collected[name].append(frame)
    return CouncilFrames(**{name: pl.concat(frames) for name, frames in collected.items()})


def _cached(name: str, build: Callable[[], CouncilFrames]) -> CouncilFrames:
    folder = OUT / name
    if not (folder / "done").exists():
        started = time.perf_counter()
        print(f"building {name} (cached in {folder})...", file=sys.stderr)
        frames = build()
        folder.mkdir(parents=True, exist_ok=True)
        for table in SCHEMAS:
            getattr(frames, table).write_parquet(folder / f"{table}.parquet")
        (folder / "done").touch()
        print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return CouncilFrames(
        **{table: pl.read_parquet(folder / f"{table}.parquet") for table in SCHEMAS}
    )


def _simulate_many(seeds: range, start: date, end: date, thin: bool) -> CouncilFrames:
    jobs = [(seed, start, end, thin) for seed in seeds]
    # Spawned, not forked: Polars' thread pool does not survive a fork.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=context) as pool:
        return _merge(pool.map(_simulate_args, jobs))


def large_council() -> CouncilFrames:
    return _cached(
        "large_council", lambda: _simulate_many(LARGE_SEEDS, LARGE_START, LARGE_END, thin=False)
    )


def england() -> CouncilFrames:
    return _cached(
        "england", lambda: _simulate_many(ENGLAND_SEEDS, ENGLAND_START, ENGLAND_END, thin=True)
    )


def describe(frames: CouncilFrames, on: date) -> str:
    a = frames.assignments
    active = a.filter(
        (pl.col("start_date") <= on) & (pl.col("end_date").is_null() | (pl.col("end_date") >= on))
    )
    return (
        f"{active['worker_id'].n_unique():,} workers with an assignment on {on} "
        f"({frames.workers.height:,} worker records), {frames.teams.height} teams, "
        f"{frames.assignments.height:,} assignments, {frames.caseloads.height:,} caseload rows "
        f"from {frames.caseloads['date'].min()} to {frames.caseloads['date'].max()}"
    )


if __name__ == "__main__":
    print("large council:", describe(large_council(), CENSUS))
    print("England:", describe(england(), CENSUS))
