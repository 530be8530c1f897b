"""Benchmark: one million caseload rows through `stabilise import`, on SQLite and PostgreSQL.

Each run reports the time of each stage (read, type, check, write), the peak memory of the
importing process, and two floors measured in the same run on the same machine, loading the
same rows already parsed (executemany on SQLite, COPY on PostgreSQL) with no checks, no history
and no idempotence: "raw" into a table with no keys at all, and "keyed" into a table with the
same primary key and foreign key as the caseload table, committed. The ratio to the keyed floor
is the cost of Stabilise's own pipeline; the gap between the floors is what integrity costs.

    .venv/bin/python benchmarks/import_caseloads.py [--rows 1000000] [--backends sqlite,postgres]
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import polars as pl

POSTGRES_ADMIN = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
# A database of its own, dropped and created afresh by every run.
DATABASE = os.environ.get("BENCH_DATABASE", "stabilise_bench")


def write_council(folder: Path, rows: int) -> None:
    """A council whose caseload file has `rows` rows: 1,000 workers on consecutive working days."""
    workers = 1000
    days = -(-rows // workers)
    start = dt.date(2015, 1, 5)
    dates = pl.date_range(start, start + dt.timedelta(days=days * 2), eager=True)
    dates = dates.filter(dates.dt.weekday() <= 5).head(days)
    ids = [f"W{i:05d}" for i in range(workers)]
    pl.DataFrame({"team_id": ["T1"], "team_name": ["Bench team"]}).write_csv(folder / "teams.csv")
    pl.DataFrame(
        {"worker_id": ids, "display_name": [f"Worker {i}" for i in range(workers)]}
    ).write_csv(folder / "workers.csv")
    pl.DataFrame(
        {
            "assignment_id": [f"A{i:05d}" for i in range(workers)],
            "worker_id": ids,
            "team_id": "T1",
            "org_role": 5,
            "contract": "permanent",
            "fte": 1,
            "start_date": start,
        }
    ).write_csv(folder / "assignments.csv")
    caseloads = (
        pl.DataFrame({"worker_id": ids})
        .join(pl.DataFrame({"date": dates}), how="cross")
        .head(rows)
        .with_columns(cases=(pl.int_range(pl.len()) % 23 + 5))
    )
    caseloads.write_csv(folder / "caseloads.csv", date_format="%d/%m/%Y")


IMPORT = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    import django
    django.setup()
    from django.conf import settings
    from django.db import transaction
    from stabilise.workforce.importing import checks, loading, parsing, pipeline, reading
    from stabilise.workforce.models import ImportRun
    folder, clock = Path(sys.argv[1]), {}
    t = time.perf_counter()
    source = reading.read_source(folder, 10**10)
    clock["read"] = time.perf_counter() - t; t = time.perf_counter()
    tables, labels, problems = {}, {}, []
    for raw in source.tables:
        typed, bad = parsing.parse_table(raw)
        tables[raw.name], labels[raw.name] = typed, raw.label
        problems += bad
    clock["type"] = time.perf_counter() - t; t = time.perf_counter()
    problems += checks.check_register(tables, labels, pipeline.existing_register())
    assert not problems, problems[:5]
    clock["check"] = time.perf_counter() - t; t = time.perf_counter()
    with transaction.atomic():
        run = ImportRun.objects.create(source="bench", imported_by="bench")
        ordered = {n: checks.with_defaults(n, tables[n]) for n in reading.FILES if n in tables}
        loading.write_register(ordered, run, lambda s, n: None)
    clock["write"] = time.perf_counter() - t
    clock["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(clock))
    """
)

FLOOR = textwrap.dedent(
    """
    import io, json, sys, time
    import django
    django.setup()
    import polars as pl
    from django.db import connection, transaction
    from stabilise.workforce.models import Worker
    ids = dict(Worker.objects.values_list("worker_id", "pk"))
    frame = pl.read_csv(sys.argv[1], infer_schema=False).select(
        pl.col("worker_id").replace_strict(ids, return_dtype=pl.Int64),
        pl.col("date").str.strptime(pl.Date, "%d/%m/%Y").cast(pl.String),
        pl.col("cases").cast(pl.Int64),
    )
    keyed = (
        "CREATE TABLE floor_keyed (worker_id bigint NOT NULL REFERENCES workforce_worker (id) "
        "DEFERRABLE INITIALLY DEFERRED, date date NOT NULL, cases integer NOT NULL, "
        "PRIMARY KEY (worker_id, date))"
    )
    result = {}
    for name, ddl in (("raw", "CREATE TABLE floor_raw (worker_id bigint, date date, cases integer)"),
                      ("keyed", keyed)):
        table = ddl.split()[2]
        t = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(ddl)
            if connection.vendor == "postgresql":
                buffer = io.BytesIO()
                frame.write_csv(buffer, include_header=False)
                with cursor.cursor.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv)") as copy:
                    copy.write(buffer.getvalue())
            else:
                cursor.executemany(f"INSERT INTO {table} VALUES (%s, %s, %s)", frame.rows())
        result[name] = time.perf_counter() - t
    print(json.dumps(result))
    """
)


def run(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def backend_env(backend: str, scratch: Path) -> dict[str, str]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="stabilise.settings")
    env.pop("DATABASE_URL", None)
    if backend == "sqlite":
        env["STABILISE_DATA_DIR"] = str(scratch / "sqlite")
    else:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
            admin.execute(f"CREATE DATABASE {DATABASE}")
        env["DATABASE_URL"] = POSTGRES_ADMIN.rsplit("/", 1)[0] + "/" + DATABASE
    subprocess.run([sys.executable, "-m", "stabilise", "migrate", "-v", "0"], env=env, check=True)
    return env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = scratch / "council"
        folder.mkdir()
        write_council(folder, options.rows)
        print(
            f"{options.rows:,} caseload rows, {(folder / 'caseloads.csv').stat().st_size / 1e6:.0f} MB CSV"
        )
        for backend in options.backends.split(","):
            env = backend_env(backend, scratch)
            first = run(IMPORT, [str(folder)], env)
            again = run(IMPORT, [str(folder)], env)  # the idempotent re-import: nothing to write
            floors = run(FLOOR, [str(folder / "caseloads.csv")], env)
            total = sum(first[k] for k in ("read", "type", "check", "write"))
            print(
                f"{backend:>8}: import {total:5.1f} s (read {first['read']:.1f}, type {first['type']:.1f}, "
                f"check {first['check']:.1f}, write {first['write']:.1f}); peak {first['peak_mb']:.0f} MB; "
                f"re-import {sum(again[k] for k in ('read', 'type', 'check', 'write')):.1f} s; "
                f"floors: raw {floors['raw']:.1f} s, keyed {floors['keyed']:.1f} s; "
                f"write/keyed floor {first['write'] / floors['keyed']:.1f}x, "
                f"import/keyed floor {total / floors['keyed']:.1f}x"
            )


if __name__ == "__main__":
    main()
