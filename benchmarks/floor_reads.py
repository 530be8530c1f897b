"""The large-council benchmark's floors from the database: reading the rows they use with each
driver's plainest fast path, and the series floor built on the one-date floor."""

import io
import os
from collections.abc import Callable
from datetime import date, timedelta

import floors
import polars as pl

Reader = Callable[[str, dict[str, str]], pl.DataFrame]


# Reading for the floors: the plainest fast path of each driver, database keys (no council ids
# needed for the measures), only the columns and rows the computation reads.
FLOOR_SQL = {
    "teams": "SELECT team_id FROM workforce_team",
    "assignments": (
        "SELECT a.worker_id, t.team_id, a.post_id, a.contract, CAST(a.fte AS {real}) AS fte, "
        "a.start_date, a.end_date, a.covers_vacancy FROM workforce_assignment a "
        "JOIN workforce_team t ON t.id = a.team_id"
    ),
    "posts": (
        "SELECT id AS post_id, CAST(fte AS {real}) AS fte, established_from, established_to "
        "FROM workforce_post"
    ),
    # {by_worker}: on SQLite, which has no date index, the fastest way to a few days (as
    # Stabilise's own reads go, caseloads/models.py).
    "caseloads": (
        "SELECT worker_id, date, cases FROM caseloads_caseloadsnapshot "
        "WHERE {by_worker} date >= '{first}' AND date <= '{last}'"
    ),
    "caseloads on days": (
        "SELECT worker_id, date, cases FROM caseloads_caseloadsnapshot "
        "WHERE {by_worker} date IN ({days})"
    ),
    "absences": (
        "SELECT worker_id, start_date, reason, CAST(working_days_lost AS {real}) AS "
        "working_days_lost FROM workforce_absence WHERE reason = 'SIC' "
        "AND start_date > '{first}' AND start_date <= '{last}'"
    ),
}
FLOOR_TYPES: dict[str, dict[str, pl.DataType]] = {
    "teams": {"team_id": pl.String()},
    "assignments": {
        "worker_id": pl.Int64(),
        "team_id": pl.String(),
        "post_id": pl.Int64(),
        "contract": pl.String(),
        "fte": pl.Float64(),
        "start_date": pl.Date(),
        "end_date": pl.Date(),
        "covers_vacancy": pl.Boolean(),
    },
    "posts": {
        "post_id": pl.Int64(),
        "fte": pl.Float64(),
        "established_from": pl.Date(),
        "established_to": pl.Date(),
    },
    "caseloads": {"worker_id": pl.Int64(), "date": pl.Date(), "cases": pl.Int64()},
    "caseloads on days": {"worker_id": pl.Int64(), "date": pl.Date(), "cases": pl.Int64()},
    "absences": {
        "worker_id": pl.Int64(),
        "start_date": pl.Date(),
        "reason": pl.String(),
        "working_days_lost": pl.Float64(),
    },
}


def floor_reader(vendor: str, name: str) -> Reader:
    """A function reading one table for the floor: COPY ... TO STDOUT on PostgreSQL, a bare
    sqlite3 cursor (no type converters; Polars parses the dates) on SQLite."""
    if vendor == "postgresql":
        import psycopg

        connection = psycopg.connect(os.environ["DATABASE_URL"])

        def read_postgres(table: str, dates: dict[str, str]) -> pl.DataFrame:
            sql = FLOOR_SQL[table].format(real="double precision", by_worker="", **dates)
            buffer = io.BytesIO()
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy,
            ):
                for block in copy:
                    buffer.write(block)
            types = FLOOR_TYPES[table]
            flags = [c for c, t in types.items() if t == pl.Boolean()]
            frame = pl.read_csv(
                buffer.getvalue(),
                has_header=False,
                new_columns=list(types),
                schema_overrides={c: pl.String() if c in flags else t for c, t in types.items()},
            )
            return frame.with_columns(pl.col(c) == "t" for c in flags)

        return read_postgres

    import sqlite3

    connection_lite = sqlite3.connect(name)

    def read_sqlite(table: str, dates: dict[str, str]) -> pl.DataFrame:
        by_worker = "worker_id IN (SELECT id FROM workforce_worker) AND"
        if dates.get("first") == date.min.isoformat():  # the whole table: a plain scan
            by_worker = ""
        sql = FLOOR_SQL[table].format(real="REAL", by_worker=by_worker, **dates)
        rows = connection_lite.execute(sql).fetchall()
        types = FLOOR_TYPES[table]
        raw = {
            c: pl.String() if t == pl.Date() else pl.Int64() if t == pl.Boolean() else t
            for c, t in types.items()
        }
        frame = pl.DataFrame(rows, schema=raw, orient="row")
        return frame.with_columns(
            pl.col(c).str.to_date("%Y-%m-%d") if t == pl.Date() else pl.col(c).cast(t)
            for c, t in types.items()
            if t != raw[c]
        )

    return read_sqlite


def month_ends(last: date, count: int) -> list[date]:
    """`count` month ends up to `last` (itself a month end), oldest first."""
    ends = [last]
    while len(ends) < count:
        ends.append(ends[-1].replace(day=1) - timedelta(days=1))
    return ends[::-1]


def series_floor(read: Reader, days: list[date]) -> pl.DataFrame:
    """The one-date floor at each of `days` in turn, over one read of the rows they all use:
    the snapshots of the week up to each day, the sickness absences of the years to them."""
    wanted = sorted({d - timedelta(days=n) for d in days for n in range(7)})
    caseloads = read("caseloads on days", {"days": ", ".join(f"'{d}'" for d in wanted)})
    absences = read(
        "absences", {"first": floors._year_before(days[0]).isoformat(), "last": str(days[-1])}
    )
    assignments, posts = read("assignments", {}), read("posts", {})
    return pl.concat(
        floors.measures_floor(assignments, posts, caseloads, absences, day).with_columns(
            as_at=pl.lit(day)
        )
        for day in days
    )
