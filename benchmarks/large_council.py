"""Benchmark: a large council's measures at a date and weekly caseload report.

The council is five demo councils merged (councils.py): about 1,170 workers in post, ten years
of daily caseload snapshots, 2.7 million rows. Two parts:

1. In memory: `measures_at` on 30 September 2025 and `weekly_caseload_report` for the week
   ending 26 September 2025, on frames already loaded.
2. From the database: the council imported with `import_council` into a fresh SQLite file and
   a fresh PostgreSQL database (`stabilise_bench_measures`), then, in another process,
   `council_frames()` and the computation, three ways: the measures as the benchmark page reads
   them (caseloads from six days before the date), the report as its page reads it (caseloads
   from its first trend day), and both from the whole register (`council_frames()` with no
   window, as `stabilise measures` reads it).

Every timing has a floor measured in the same run on the same data: the plain Polars queries of
floors.py (in part 2, after reading the same rows with the driver's plainest fastest path:
COPY on PostgreSQL, a bare sqlite3 cursor on SQLite). The script stops if Stabilise's numbers
differ from the floor's, and prints each median time and the ratio Stabilise / floor.

    .venv/bin/python benchmarks/large_council.py [--repeat 7] [--backends sqlite,postgres]
        [--skip-database] [--reuse-databases]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

import councils
import floors
from floor_reads import floor_reader, month_ends, series_floor
from timing import median_times

from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.measures import MEASURE_KEYS, measures_at, measures_series
from stabilise.analytics.weekly_caseload import (
    WeeklyCaseloadReport,
    first_snapshot_needed,
    weekly_caseload_report,
)

POSTGRES_ADMIN = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
# A database of its own (dropped and created afresh unless --reuse-databases).
DATABASE = os.environ.get("BENCH_DATABASE", "stabilise_bench_measures")
DAY, WEEK = councils.CENSUS, councils.WEEK_ENDING
CSV = councils.OUT / "large_council_csv"
SQLITE_DIR = councils.OUT / "large_council_sqlite"
# The dashboard's trend: the measures at each of the last 36 month ends.
SERIES_MONTHS = 36
WEEK_COLUMNS = [
    "headcount",
    "headcount_change",
    "case_holders",
    "cases",
    "average",
    "average_per_fte",
    "highest",
    "lowest",
    "trend",
    "direction",
]


# --- comparing Stabilise with the floors ---------------------------------------------------


def measures_frame(frames: CouncilFrames) -> pl.DataFrame:
    values = measures_at(frames, DAY).as_dict()
    return pl.DataFrame([{"group": "ALL", **{k: values[k] for k in MEASURE_KEYS}}])


def report_rows(report: WeeklyCaseloadReport) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The report as the floor's rows: week W with every column, and the history's columns."""
    now = pl.DataFrame(
        [
            {"team_id": t.team_id, "as_at": report.week_ending}
            | {c: getattr(t, c) for c in WEEK_COLUMNS}
            for t in report.teams
        ],
        schema_overrides={"trend": pl.Float64, "average": pl.Float64},
    )
    history = pl.DataFrame(
        [
            {"team_id": t.team_id, "as_at": w.week_ending}
            | {"headcount": w.headcount, "average": w.average, "trend": w.trend}
            for t in report.teams
            for w in t.history
        ],
        schema_overrides={"trend": pl.Float64, "average": pl.Float64},
    )
    return now, history


def check_measures(ours: pl.DataFrame, floor: pl.DataFrame) -> None:
    floors.same("measures", ours, floor, ["group"])


def check_report(report: WeeklyCaseloadReport, floor: pl.DataFrame) -> None:
    now, history = report_rows(report)
    floors.same("weekly report (week W)", now, floor.filter(pl.col("as_at") == WEEK), ["team_id"])
    floors.same(
        "weekly report (history)",
        history,
        floor.filter(pl.col("as_at") < WEEK),
        ["team_id", "as_at"],
    )


# --- timing ----------------------------------------------------------------------------------


def line(label: str, ours: list[float], floor: list[float]) -> str:
    o, f = statistics.median(ours), statistics.median(floor)
    return (
        f"  {label:<34} Stabilise {o * 1000:7.0f} ms (min {min(ours) * 1000:.0f}, "
        f"max {max(ours) * 1000:.0f})  floor {f * 1000:6.0f} ms  ratio {o / f:4.1f}x"
    )


# --- part 1: in memory -----------------------------------------------------------------------


def in_memory(repeat: int) -> None:
    frames = councils.large_council()
    print("large council:", councils.describe(frames, DAY))
    a, p, c, ab = frames.assignments, frames.posts, frames.caseloads, frames.absences
    check_measures(measures_frame(frames), floors.measures_floor(a, p, c, ab, DAY))
    check_report(
        weekly_caseload_report(frames, WEEK), floors.weekly_floor(frames.teams, a, c, WEEK)
    )
    times = median_times(
        {
            "measures": lambda: measures_at(frames, DAY),
            "measures floor": lambda: floors.measures_floor(a, p, c, ab, DAY),
            "report": lambda: weekly_caseload_report(frames, WEEK),
            "report floor": lambda: floors.weekly_floor(frames.teams, a, c, WEEK),
        },
        repeat,
    )
    print(f"in memory (median of {repeat}; same numbers as the floor):")
    print(line(f"measures_at {DAY}", times["measures"], times["measures floor"]))
    print(line(f"weekly_caseload_report {WEEK}", times["report"], times["report floor"]))


# --- part 2: from the database ---------------------------------------------------------------


def backend_env(backend: str) -> dict[str, str]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="stabilise.settings")
    env.pop("DATABASE_URL", None)
    if backend == "sqlite":
        env["STABILISE_DATA_DIR"] = str(SQLITE_DIR)
    else:
        env["DATABASE_URL"] = POSTGRES_ADMIN.rsplit("/", 1)[0] + "/" + DATABASE
    return env


def fresh_database(backend: str, env: dict[str, str]) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            (SQLITE_DIR / f"stabilise.sqlite3{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
            admin.execute(f"CREATE DATABASE {DATABASE}")
    subprocess.run([sys.executable, "-m", "stabilise", "migrate", "-v", "0"], env=env, check=True)


def child(mode: str, env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, *args], env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def from_database(backends: list[str], repeat: int, reuse: bool) -> None:
    if not (CSV / "caseloads.csv").exists():
        from stabilise.demo.export import export_council

        export_council(councils.large_council(), CSV)
    for backend in backends:
        env = backend_env(backend)
        if not reuse:
            fresh_database(backend, env)
            imported = child("import", env)
            print(f"{backend}: imported in {imported['seconds']:.0f} s ({imported['rows']})")
        times = child("time", env, str(repeat))
        print(f"{backend}: from the database (median of {repeat}; same numbers as the floor):")
        for label, ours, floor in (
            (f"measures on {DAY}", "measures", "measures floor"),
            (f"weekly report {WEEK}", "report", "report floor"),
            (f"series of {SERIES_MONTHS} month ends", "series", "series floor"),
            ("whole register, both", "everything", "everything floor"),
        ):
            print(line(label, times[ours], times[floor]))
        loads = {k: statistics.median(v) * 1000 for k, v in times.items() if k.startswith("load")}
        print(
            "  of which council_frames(): "
            + ", ".join(f"{k[5:]} {v:.0f} ms" for k, v in loads.items())
        )
        plain = statistics.median(times["plain whole caseload table"]) * 1000
        print(f"  a plain read of the whole caseload table: {plain:.0f} ms")


def import_child() -> None:
    import django

    django.setup()
    from stabilise.workforce.importing import import_council

    started = time.perf_counter()
    result = import_council(CSV, imported_by="benchmark")
    if not result.ok:
        sys.exit("\n".join(str(p) for p in result.problems[:10]))
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": result.rows}))


def time_child(repeat: int) -> None:
    import django

    django.setup()
    from django.db import connection

    from stabilise.workforce.selectors import (
        council_frames,
        measures_frames,
        weekly_caseload_frames,
    )

    read = floor_reader(connection.vendor, str(connection.settings_dict["NAME"]))
    week_from = first_snapshot_needed(WEEK)
    measures_from = DAY - timedelta(days=6)
    year_before = floors._year_before(DAY)

    def window(first: date, last: date) -> dict[str, str]:
        return {"first": first.isoformat(), "last": last.isoformat()}

    def floor_measures_read() -> dict[str, pl.DataFrame]:
        return {
            "assignments": read("assignments", {}),
            "posts": read("posts", {}),
            "caseloads": read("caseloads", window(measures_from, DAY)),
            "absences": read("absences", window(year_before, DAY)),
        }

    def floor_measures() -> pl.DataFrame:
        t = floor_measures_read()
        return floors.measures_floor(
            t["assignments"], t["posts"], t["caseloads"], t["absences"], DAY
        )

    def floor_report() -> pl.DataFrame:
        caseloads = read("caseloads", window(week_from, WEEK))
        return floors.weekly_floor(read("teams", {}), read("assignments", {}), caseloads, WEEK)

    def floor_everything() -> tuple[pl.DataFrame, pl.DataFrame]:
        t = floor_measures_read()
        caseloads = read("caseloads", window(min(week_from, measures_from), max(DAY, WEEK)))
        return (
            floors.measures_floor(t["assignments"], t["posts"], caseloads, t["absences"], DAY),
            floors.weekly_floor(read("teams", {}), t["assignments"], caseloads, WEEK),
        )

    months = month_ends(DAY, SERIES_MONTHS)

    def everything() -> tuple[Any, WeeklyCaseloadReport]:
        frames = council_frames()
        return measures_at(frames, DAY), weekly_caseload_report(frames, WEEK)

    runs: dict[str, Callable[[], Any]] = {
        "measures": lambda: measures_at(measures_frames([DAY]), DAY),
        "measures floor": floor_measures,
        "report": lambda: weekly_caseload_report(weekly_caseload_frames(WEEK), WEEK),
        "report floor": floor_report,
        "series": lambda: measures_series(measures_frames(months), months),
        "series floor": lambda: series_floor(read, months),
        "everything": everything,
        "everything floor": floor_everything,
        "load measures window": lambda: measures_frames([DAY]),
        "load report window": lambda: weekly_caseload_frames(WEEK),
        "load whole register": council_frames,
        # Not a floor (nothing above needs every snapshot): what a plain read of the whole
        # caseload table costs, against council_frames() with no window.
        "plain whole caseload table": lambda: read("caseloads", window(date.min, date.max)),
    }
    check_measures(measures_frame(measures_frames([DAY])), floor_measures())
    check_report(weekly_caseload_report(weekly_caseload_frames(WEEK), WEEK), floor_report())
    floors.same(
        "monthly series",
        measures_series(measures_frames(months), months),
        series_floor(read, months),
        ["as_at"],
    )
    ours_m, ours_r = everything()
    floor_m, floor_r = floor_everything()
    check_measures(pl.DataFrame([{"group": "ALL", **ours_m.as_dict()}]).drop("as_at"), floor_m)
    check_report(ours_r, floor_r)
    print(json.dumps(median_times(runs, repeat)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--skip-database", action="store_true")
    parser.add_argument("--reuse-databases", action="store_true", help="skip the import")
    parser.add_argument("--child", choices=["import", "time"], help=argparse.SUPPRESS)
    parser.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child == "import":
        import_child()
    elif options.child == "time":
        time_child(int(options.child_args[0]))
    else:
        print(
            f"nproc {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}, polars {pl.__version__}"
        )
        in_memory(options.repeat)
        if not options.skip_database:
            from_database(options.backends.split(","), options.repeat, options.reuse_databases)


if __name__ == "__main__":
    main()
