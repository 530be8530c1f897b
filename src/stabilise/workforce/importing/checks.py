"""The checks across rows and files of import-format.md, on typed frames.

`existing` is what the database already holds, so an import may refer to ids loaded before and
the FTE and caseload rules hold for the register as it will be after the import. No Django here.
"""

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from stabilise.analytics import frames
from stabilise.workforce.importing.asye_checks import check_asye
from stabilise.workforce.importing.exit_interview_checks import check_exit_interviews
from stabilise.workforce.importing.problems import Problem
from stabilise.workforce.importing.reading import ROW
from stabilise.workforce.importing.schema import FILES

FAR_FUTURE = dt.date(9999, 12, 31)
FTE_TOLERANCE = 1e-9  # FTEs are decimals with four places; sums of floats wobble below this


@dataclass(frozen=True)
class Existing:
    """What the database holds before the import (empty for a new council)."""

    team_ids: pl.Series = field(default_factory=lambda: pl.Series("team_id", [], pl.String))
    post_ids: pl.Series = field(default_factory=lambda: pl.Series("post_id", [], pl.String))
    worker_ids: pl.Series = field(default_factory=lambda: pl.Series("worker_id", [], pl.String))
    team_parents: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema={"team_id": pl.String, "parent_team_id": pl.String}
        )
    )
    assignments: pl.DataFrame = field(default_factory=lambda: frames.empty("assignments"))


def check_register(
    tables: dict[str, pl.DataFrame], labels: dict[str, str], existing: Existing
) -> list[Problem]:
    problems: list[Problem] = []
    for name, table in tables.items():
        problems += _duplicates(table, name, labels[name])
    problems += _references(tables, labels, existing)
    problems += _dates_in_order(tables, labels)
    problems += _team_cycles(tables, labels, existing)
    if "assignments" in tables:
        problems += _assignment_rules(tables["assignments"], labels["assignments"])
    merged = _merged_assignments(tables, existing)
    if "assignments" in tables:
        problems += _fte_at_most_one(tables["assignments"], merged, labels["assignments"])
    if "caseloads" in tables:
        problems += _caseloads_need_an_assignment(tables, labels["caseloads"], merged, existing)
    if "absences" in tables:
        problems += _absence_days(tables["absences"], labels["absences"])
    if "asye" in tables:
        problems += check_asye(tables["asye"], labels["asye"])
    if "exit_interviews" in tables:
        problems += check_exit_interviews(tables["exit_interviews"], labels["exit_interviews"])
    return problems


def _problems(frame: pl.DataFrame, label: str, column: str, message: pl.Expr) -> list[Problem]:
    rows = frame.select(pl.col(ROW), message.alias("_message"))
    return [Problem(label, row, column, text) for row, text in rows.iter_rows()]


def _duplicates(table: pl.DataFrame, name: str, label: str) -> list[Problem]:
    key = list(FILES[name].key)
    repeated = (
        table.drop_nulls(key)
        .with_columns(pl.col(ROW).min().over(key).alias("_first"))
        .filter(pl.col(ROW) != pl.col("_first"))
    )
    if len(key) == 1:
        what = pl.format(
            'duplicate {} "{}": also on row {}', pl.lit(key[0]), pl.col(key[0]), "_first"
        )
    else:
        what = pl.format(
            "duplicate row for {}: also on row {}",
            pl.concat_str([pl.col(k).cast(pl.String) for k in key], separator=" "),
            "_first",
        )
    return _problems(repeated, label, key[-1] if len(key) > 1 else key[0], what)


def _references(
    tables: dict[str, pl.DataFrame], labels: dict[str, str], existing: Existing
) -> list[Problem]:
    def known(file: str, column: str, before: pl.Series) -> pl.Series:
        incoming = (
            tables[file].get_column(column) if file in tables else pl.Series([], dtype=pl.String)
        )
        return pl.concat([before.rename(column), incoming.rename(column)]).drop_nulls().unique()

    targets = {
        "team": known("teams", "team_id", existing.team_ids),
        "post": known("posts", "post_id", existing.post_ids),
        "worker": known("workers", "worker_id", existing.worker_ids),
    }
    rules = [
        ("teams", "parent_team_id", "team"),
        ("posts", "team_id", "team"),
        ("assignments", "worker_id", "worker"),
        ("assignments", "team_id", "team"),
        ("assignments", "post_id", "post"),
        ("caseloads", "worker_id", "worker"),
        ("absences", "worker_id", "worker"),
        ("asye", "worker_id", "worker"),
        ("asye", "mentor_worker_id", "worker"),
        ("exit_interviews", "worker_id", "worker"),
    ]
    problems: list[Problem] = []
    for file, column, target in rules:
        if file not in tables:
            continue
        table = tables[file]
        unknown = table.filter(
            pl.col(column).is_not_null() & ~pl.col(column).is_in(targets[target].implode())
        )
        problems += _problems(
            unknown,
            labels[file],
            column,
            pl.format(
                'no {} "{}" in {}s.csv or already loaded',
                pl.lit(target),
                pl.col(column),
                pl.lit(target),
            ),
        )
    return problems


def _dates_in_order(tables: dict[str, pl.DataFrame], labels: dict[str, str]) -> list[Problem]:
    rules = [
        ("posts", "established_from", "established_to"),
        ("assignments", "start_date", "end_date"),
        ("absences", "start_date", "end_date"),
    ]
    problems: list[Problem] = []
    for file, start, end in rules:
        if file in tables:
            early = tables[file].filter(pl.col(end) < pl.col(start))
            problems += _problems(
                early,
                labels[file],
                end,
                pl.format(end + " {} is before " + start + " {}", end, start),
            )
    return problems


def _team_cycles(
    tables: dict[str, pl.DataFrame], labels: dict[str, str], existing: Existing
) -> list[Problem]:
    if "teams" not in tables:
        return []
    parents = dict(existing.team_parents.iter_rows())
    incoming = tables["teams"].drop_nulls("team_id")
    parents.update(dict(incoming.select("team_id", "parent_team_id").iter_rows()))
    problems = []
    for row, team_id in incoming.select(ROW, "team_id").iter_rows():
        seen = {team_id}
        parent = parents.get(team_id)
        while parent is not None and parent not in seen:
            seen.add(parent)
            parent = parents.get(parent)
        if parent is not None:
            problems.append(
                Problem(
                    labels["teams"],
                    row,
                    "parent_team_id",
                    f'team "{team_id}" would be its own ancestor',
                )
            )
    return problems


def _assignment_rules(table: pl.DataFrame, label: str) -> list[Problem]:
    problems: list[Problem] = []
    for column in ("end_reason", "end_destination"):
        orphan = table.filter(pl.col(column).is_not_null() & pl.col("end_date").is_null())
        problems += _problems(orphan, label, column, pl.lit(f"{column} needs an end_date"))
    for column in ("agency_name", "hourly_rate", "covers_vacancy"):
        wrong = table.filter(pl.col(column).is_not_null() & (pl.col("contract") != "agency"))
        problems += _problems(
            wrong, label, column, pl.lit(f"{column} is only for agency assignments")
        )
    return problems


def _merged_assignments(tables: dict[str, pl.DataFrame], existing: Existing) -> pl.DataFrame:
    """Assignments as they will be after the import: incoming rows replace those with their id."""
    columns = ["assignment_id", "worker_id", "contract", "fte", "start_date", "end_date"]
    kept = existing.assignments.select(columns).with_columns(pl.lit(None, pl.Int64).alias(ROW))
    if "assignments" not in tables:
        return kept
    incoming = tables["assignments"].select(*columns, ROW).drop_nulls(["worker_id", "start_date"])
    incoming = incoming.filter(
        pl.col("end_date").is_null() | (pl.col("end_date") >= pl.col("start_date"))
    )
    kept = kept.filter(
        ~pl.col("assignment_id").is_in(incoming.get_column("assignment_id").implode())
    )
    return pl.concat([kept, incoming], how="vertical_relaxed")


def _fte_at_most_one(table: pl.DataFrame, merged: pl.DataFrame, label: str) -> list[Problem]:
    in_post = merged.filter((pl.col("contract") != "agency") & pl.col("fte").is_not_null())
    events = pl.concat(
        [
            in_post.select(
                "worker_id", pl.col("start_date").alias("day"), pl.col("fte").alias("change")
            ),
            in_post.filter(pl.col("end_date").is_not_null()).select(
                "worker_id",
                (pl.col("end_date") + pl.duration(days=1)).alias("day"),
                (-pl.col("fte")).alias("change"),
            ),
        ]
    )
    totals = (
        events.group_by("worker_id", "day")
        .agg(pl.col("change").sum())
        .sort("worker_id", "day")
        .with_columns(pl.col("change").cum_sum().over("worker_id").alias("total"))
        .filter(pl.col("total") > 1 + FTE_TOLERANCE)
    )
    if totals.is_empty():
        return []
    # Report each incoming assignment on the first day it takes its worker above 1.0 FTE.
    clashes = (
        in_post.filter(pl.col(ROW).is_not_null())
        .join(totals, on="worker_id")
        .filter(
            (pl.col("start_date") <= pl.col("day"))
            & (pl.col("end_date").is_null() | (pl.col("end_date") >= pl.col("day")))
        )
        .sort("day")
        .unique(ROW, keep="first")
        .sort(ROW)
    )
    return _problems(
        clashes,
        label,
        "fte",
        pl.format(
            'worker "{}" would work {} FTE on {} in permanent and fixed-term assignments (at most 1.0)',
            "worker_id",
            pl.col("total").round(4),
            "day",
        ),
    )


def _caseloads_need_an_assignment(
    tables: dict[str, pl.DataFrame], label: str, merged: pl.DataFrame, existing: Existing
) -> list[Problem]:
    caseloads = (
        tables["caseloads"].drop_nulls(["worker_id", "date"]).select(ROW, "worker_id", "date")
    )
    # Caseload rows for unknown workers are already reported as bad references.
    if "workers" in tables:
        workers = pl.concat([existing.worker_ids, tables["workers"].get_column("worker_id")])
    else:
        workers = existing.worker_ids
    caseloads = caseloads.filter(pl.col("worker_id").is_in(workers.implode()))
    spans = (
        merged.select(
            "worker_id",
            pl.col("start_date").alias("start"),
            pl.col("end_date").fill_null(FAR_FUTURE).alias("end"),
        )
        .sort("worker_id", "start")
        .with_columns(pl.col("end").cum_max().over("worker_id").alias("reach"))
    )
    # Merge overlapping or touching assignments so each worker's working time is disjoint spans.
    spans = (
        spans.with_columns(
            (pl.col("start") > pl.col("reach").shift(1).over("worker_id") + pl.duration(days=1))
            .fill_null(True)
            .cum_sum()
            .over("worker_id")
            .alias("span")
        )
        .group_by("worker_id", "span")
        .agg(pl.col("start").min(), pl.col("end").max())
        .sort("start")
    )
    matched = caseloads.sort("date").join_asof(
        spans,
        left_on="date",
        right_on="start",
        by="worker_id",
        strategy="backward",
        check_sortedness=False,
    )
    orphans = matched.filter(pl.col("end").is_null() | (pl.col("date") > pl.col("end"))).sort(ROW)
    return _problems(
        orphans,
        label,
        "date",
        pl.format('worker "{}" has no assignment active on {}', "worker_id", "date"),
    )


def _absence_days(table: pl.DataFrame, label: str) -> list[Problem]:
    days = (pl.col("end_date") - pl.col("start_date")).dt.total_days() + 1
    too_many = table.filter((pl.col("working_days_lost") > days) & (days > 0))
    return _problems(
        too_many,
        label,
        "working_days_lost",
        pl.format(
            "{} working days lost is more than the {} days from start_date to end_date",
            pl.col("working_days_lost").round(2),
            days,
        ),
    )


def with_defaults(name: str, table: pl.DataFrame) -> pl.DataFrame:
    """Fill the defaults that depend on other columns of the row, once the checks have passed."""
    if name != "assignments":
        return table
    return table.with_columns(
        pl.when(pl.col("contract") != "agency")
        .then(False)
        .otherwise(pl.col("covers_vacancy").fill_null(pl.col("post_id").is_not_null()))
        .alias("covers_vacancy")
    )
