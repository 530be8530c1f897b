"""Benchmark: every council of England's measures at 30 September, at once.

150 demo councils (seeds 1-150, councils.py), five years (2021-2025) of weekly caseload
snapshots: about 33,600 workers in post on the day, 125,000 assignments, 310,000 absences and
8.2 million caseload rows, in one set of frames with each council's ids prefixed ("C017-...").

Timed, on frames already in memory:
- Stabilise in one grouped pass: `measures_series(frames, [day], by=<council of each team>)`;
- Stabilise council by council: `measures_at` on each council's own frames (split beforehand,
  not timed), the way a loop over councils would call it;
- the floor: floors.measures_floor grouped by council, a plain Polars query.

The script stops unless all three give the same numbers for every council, and prints the
median times and the ratios to the floor.

    .venv/bin/python benchmarks/england.py [--repeat 7]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

import councils
import floors
from timing import median_times

from stabilise.analytics.frames import SCHEMAS, CouncilFrames
from stabilise.analytics.measures import MEASURE_KEYS, measures_at, measures_series

DAY = councils.CENSUS
BY_COUNCIL = councils.council_of("team_id").alias("council")
# Which column of each frame says whose it is.
OWNER = {
    "teams": "team_id",
    "posts": "team_id",
    "workers": "worker_id",
    "assignments": "worker_id",
    "caseloads": "worker_id",
    "absences": "worker_id",
}


def split(frames: CouncilFrames) -> dict[str, CouncilFrames]:
    """Each council's own frames."""
    parts: dict[str, dict[str, pl.DataFrame]] = {}
    for name in SCHEMAS:
        frame: pl.DataFrame = getattr(frames, name)
        keyed = frame.with_columns(councils.council_of(OWNER[name]).alias("_council"))
        for (council,), part in keyed.partition_by("_council", as_dict=True).items():
            parts.setdefault(str(council), {})[name] = part.drop("_council")
    return {council: CouncilFrames(**tables) for council, tables in sorted(parts.items())}


def floor(frames: CouncilFrames) -> pl.DataFrame:
    return floors.measures_floor(
        frames.assignments,
        frames.posts,
        frames.caseloads,
        frames.absences,
        DAY,
        councils.council_of("worker_id"),
        councils.council_of("team_id"),
    )


def grouped(frames: CouncilFrames) -> pl.DataFrame:
    return measures_series(frames, [DAY], by=BY_COUNCIL)


def one_by_one(each: dict[str, CouncilFrames]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"group": council, **{k: v for k, v in measures_at(frames, DAY).as_dict().items()}}
            for council, frames in each.items()
        ]
    ).drop("as_at")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    print(f"nproc {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}, polars {pl.__version__}")
    started = time.perf_counter()
    frames = councils.england()
    print(f"England: {councils.describe(frames, DAY)}")
    print(f"  read from parquet in {time.perf_counter() - started:.1f} s")
    each = split(frames)
    expected = floor(frames)
    ours = grouped(frames).rename({"council": "group"}).select("group", *MEASURE_KEYS)
    floors.same("England, grouped", ours, expected, ["group"])
    floors.same("England, council by council", one_by_one(each), expected, ["group"])
    print(f"  {len(each)} councils; Stabilise's numbers are the floor's, both ways")
    times = median_times(
        {
            "grouped": lambda: grouped(frames),
            "one by one": lambda: one_by_one(each),
            "floor": lambda: floor(frames),
        },
        options.repeat,
    )
    base = statistics.median(times["floor"])
    print(f"every council's measures on {DAY} (median of {options.repeat}):")
    for name, label in (
        ("grouped", "Stabilise, one grouped pass"),
        ("one by one", "Stabilise, council by council"),
        ("floor", "floor (plain Polars, grouped)"),
    ):
        t = times[name]
        print(
            f"  {label:<31} {statistics.median(t) * 1000:7.0f} ms "
            f"(min {min(t) * 1000:.0f}, max {max(t) * 1000:.0f})  "
            f"ratio {statistics.median(t) / base:4.1f}x"
        )


if __name__ == "__main__":
    main()
