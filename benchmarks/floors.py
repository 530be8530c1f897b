"""The floors: plain Polars queries giving the same numbers as Stabilise, for the benchmarks only.

Each is written the way one would for a one-off answer on these frames: one date (or the
thirteen weeks of one report), filters instead of range joins, no general breakdowns, no
defaults for values the data never leaves empty. They run eagerly: on these frames the same
queries run lazily (collected together with `pl.collect_all`) were 12-25% slower for the
measures and nearly twice as slow for the report, and DuckDB 2.0 over the same Polars frames
slower still (see README.md). They are what Stabilise's own pipeline is measured against, and the
benchmarks check that both give the same numbers, so a floor that cut a corner would show.
"""

import math
from datetime import date, timedelta
from typing import Any

import polars as pl

IN_POST = ["permanent", "fixed_term"]
FAR = date(9999, 12, 31)


def _year_before(day: date) -> date:
    """`day` minus one calendar year, 29 February becoming 28 February (as Polars' offset)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _ratio(numerator: str, denominator: pl.Expr, scale: float = 100.0) -> pl.Expr:
    return pl.when(denominator != 0).then(scale * pl.col(numerator) / denominator)


def measures_floor(
    assignments: pl.DataFrame,
    posts: pl.DataFrame,
    caseloads: pl.DataFrame,
    absences: pl.DataFrame,
    day: date,
    group: pl.Expr | None = None,
    post_group: pl.Expr | None = None,
) -> pl.DataFrame:
    """The as-at measures on `day`, one row per group (`group`), the whole council by default.

    `group` is evaluated on the assignments, caseloads and absences (it may only use
    `worker_id`) and `post_group` on the posts: enough for a breakdown in which a worker never
    crosses groups, such as one council per group.
    """
    worker_group = (group if group is not None else pl.lit("ALL")).alias("group")
    posts_group = (post_group if post_group is not None else pl.lit("ALL")).alias("group")
    year_before = _year_before(day)
    a = assignments.select(
        "worker_id",
        "post_id",
        "fte",
        "start_date",
        pl.col("end_date").fill_null(FAR),
        pl.col("contract").is_in(IN_POST).alias("in_post"),
        (pl.col("contract") == "agency").alias("agency"),
        pl.col("covers_vacancy").fill_null(pl.col("post_id").is_not_null()),
        worker_group,
    )
    active = a.filter((pl.col("start_date") <= day) & (pl.col("end_date") >= day))
    staffing = active.group_by("group").agg(
        inpost_fte=pl.col("fte").filter("in_post").sum(),
        inpost_headcount=pl.col("worker_id").filter("in_post").n_unique(),
        agency_fte=pl.col("fte").filter("agency").sum(),
        agency_headcount=pl.col("worker_id").filter("agency").n_unique(),
        agency_cover_fte=pl.col("fte").filter(pl.col("agency") & pl.col("covers_vacancy")).sum(),
    )
    filled = active.filter("in_post").group_by("post_id").agg(filled=pl.col("fte").sum())
    vacancies = (
        posts.filter(
            (pl.col("established_from") <= day)
            & (pl.col("established_to").is_null() | (pl.col("established_to") >= day))
        )
        .join(filled, on="post_id", how="left")
        .group_by(posts_group)
        .agg(vacancy_fte=(pl.col("fte") - pl.col("filled").fill_null(0.0)).clip(0.0).sum())
    )
    in_post = a.filter("in_post").with_row_index("row")
    others = in_post.select(
        "worker_id", pl.col("start_date").alias("s"), pl.col("end_date").alias("e")
    )

    def events(on: str, neighbour: pl.Expr, name: str) -> pl.DataFrame:
        in_year = in_post.filter((pl.col(on) > year_before) & (pl.col(on) <= day))
        continued = (
            in_year.with_columns(neighbour.alias("n"))
            .join(others, on="worker_id")
            .filter((pl.col("s") <= pl.col("n")) & (pl.col("e") >= pl.col("n")))
            .select("row")
        )
        return (
            in_year.join(continued, on="row", how="anti")
            .group_by("group")
            .agg(
                pl.col("fte").sum().alias(f"{name}_fte"),
                pl.col("worker_id").n_unique().alias(f"{name}_headcount"),
            )
        )

    starters = events("start_date", pl.col("start_date") - timedelta(days=1), "starters")
    leavers = events("end_date", pl.col("end_date") + timedelta(days=1), "leavers")
    latest = (
        caseloads.filter(pl.col("date").is_between(day - timedelta(days=6), day))
        .group_by("worker_id")
        .agg(caseload=pl.col("cases").get(pl.col("date").arg_max()))
    )
    cases = (
        active.group_by("worker_id")
        .agg(pl.col("fte").sum(), pl.col("group").first())
        .join(latest, on="worker_id")
        .group_by("group")
        .agg(
            cases=pl.col("caseload").sum(),
            case_holders_fte=pl.col("fte").filter(pl.col("caseload") >= 1).sum(),
        )
    )
    sick = absences.filter(
        (pl.col("reason") == "SIC")
        & (pl.col("start_date") > year_before)
        & (pl.col("start_date") <= day)
    ).with_row_index("absence")
    covered = (
        sick.join(others, on="worker_id")
        .filter((pl.col("s") <= pl.col("start_date")) & (pl.col("e") >= pl.col("start_date")))
        .select("absence")
        .unique()
    )
    sickness = (
        sick.join(covered, on="absence", how="semi")
        .with_columns(worker_group)
        .group_by("group")
        .agg(working_days_lost_fte=pl.col("working_days_lost").sum())
    )
    parts = [staffing, vacancies, starters, leavers, cases, sickness]
    table = pl.concat([p.select("group") for p in parts]).unique()
    for part in parts:
        table = table.join(part, on="group", how="left")
    counts = ["inpost_headcount", "agency_headcount", "starters_headcount", "leavers_headcount"]
    table = table.with_columns(
        pl.col(*counts, "cases").fill_null(0).cast(pl.Int64),
        pl.exclude("group", *counts, "cases").fill_null(0.0).cast(pl.Float64),
    )
    inpost = pl.col("inpost_fte")
    return table.with_columns(
        agency_rate_fte=_ratio("agency_fte", pl.col("agency_fte") + inpost),
        vacancy_rate_fte=_ratio("vacancy_fte", pl.col("vacancy_fte") + inpost),
        agency_cover_rate_fte=_ratio("agency_cover_fte", pl.col("agency_fte")),
        vacancy_agency_cover_rate_fte=_ratio("agency_cover_fte", pl.col("vacancy_fte")),
        turnover_rate_fte=_ratio("leavers_fte", inpost),
        caseload_fte=_ratio("cases", pl.col("case_holders_fte"), scale=1.0),
        absence_rate_fte=_ratio("working_days_lost_fte", inpost * 253),
    ).sort("group")


def weekly_floor(
    teams: pl.DataFrame, assignments: pl.DataFrame, caseloads: pl.DataFrame, week_ending: date
) -> pl.DataFrame:
    """The weekly caseload report's figures for W and the twelve weeks before it: one row per
    (team_id, as_at), every team of `teams` and "ALL" every week, with `headcount`,
    `case_holders`, `cases`, `average`, `average_per_fte`, `highest`, `lowest`, `trend`, and the
    change in headcount and direction of the trend since the week before.

    The weeks' caseload windows [as_at-6, as_at] tile the calendar, so each snapshot belongs to
    the window of the first week ending on or after it (`end`), and to the trend windows
    [as_at-13, as_at] of that week and the next: plain arithmetic instead of a range join.
    """
    ends = pl.DataFrame({"as_at": [week_ending - timedelta(weeks=n) for n in range(12, -1, -1)]})
    first_end = week_ending - timedelta(weeks=12)
    days_to_w = (pl.lit(week_ending) - pl.col("date")).dt.total_days()
    snapshots = caseloads.filter(
        pl.col("date").is_between(first_end - timedelta(days=13), week_ending)
    ).select(
        "worker_id", "date", "cases", end=pl.lit(week_ending) - pl.duration(weeks=days_to_w // 7)
    )
    active = ends.join(
        assignments.select(
            "worker_id", "team_id", "fte", "start_date", pl.col("end_date").fill_null(FAR)
        ),
        how="cross",
    ).filter((pl.col("start_date") <= pl.col("as_at")) & (pl.col("end_date") >= pl.col("as_at")))
    worker_weeks = (
        active.sort(["fte", "start_date"], descending=[True, False])
        .group_by("as_at", "worker_id")
        .agg(pl.col("team_id").first(), worker_fte=pl.col("fte").sum())
    )
    latest = snapshots.group_by(pl.col("end").alias("as_at"), "worker_id").agg(
        caseload=pl.col("cases").get(pl.col("date").arg_max())
    )
    with_caseload = worker_weeks.join(latest, on=["as_at", "worker_id"], how="left")
    both = pl.concat([with_caseload, with_caseload.with_columns(team_id=pl.lit("ALL"))])
    holder = pl.col("caseload") >= 1
    figures = both.group_by("team_id", "as_at").agg(
        headcount=pl.len(),
        case_holders=holder.sum(),
        cases=pl.col("caseload").filter(holder).sum(),
        holders_fte=pl.col("worker_fte").filter(holder).sum(),
        highest=pl.col("caseload").filter(holder).max(),
        lowest=pl.col("caseload").filter(holder).min(),
    )
    held = snapshots.filter(pl.col("cases") >= 1)
    in_window = (
        pl.concat(
            [
                held.rename({"end": "as_at"}),
                held.select("worker_id", "date", "cases", as_at=pl.col("end") + timedelta(weeks=1)),
            ]
        )
        .filter(pl.col("as_at").is_between(first_end, week_ending))
        .join(worker_weeks.select("as_at", "worker_id", "team_id"), on=["as_at", "worker_id"])
    )
    team_days = in_window.group_by("team_id", "as_at", "date").agg(
        pl.col("cases").sum(), holders=pl.len()
    )
    all_days = team_days.group_by("as_at", "date").agg(pl.col("cases", "holders").sum())
    trends = (
        pl.concat([team_days, all_days.select(pl.lit("ALL").alias("team_id"), pl.all())])
        .group_by("team_id", "as_at")
        .agg(trend=(pl.col("cases") / pl.col("holders")).mean())
    )
    rows = pl.concat([teams.select("team_id"), pl.DataFrame({"team_id": ["ALL"]})])
    return (
        rows.join(ends, how="cross")
        .join(figures, on=["team_id", "as_at"], how="left")
        .join(trends, on=["team_id", "as_at"], how="left")
        .with_columns(pl.col("headcount", "case_holders", "cases").fill_null(0).cast(pl.Int64))
        .with_columns(
            average=pl.when(pl.col("case_holders") > 0).then(
                pl.col("cases") / pl.col("case_holders")
            ),
            average_per_fte=pl.when(pl.col("holders_fte") > 0).then(
                pl.col("cases") / pl.col("holders_fte")
            ),
            highest=pl.col("highest").cast(pl.Int64),
            lowest=pl.col("lowest").cast(pl.Int64),
        )
        .sort("team_id", "as_at")
        .with_columns(
            headcount_change=pl.col("headcount") - pl.col("headcount").shift(1).over("team_id"),
            _change=pl.col("trend") - pl.col("trend").shift(1).over("team_id"),
        )
        .with_columns(
            direction=pl.when(pl.col("_change") > 0.1 + 1e-9)
            .then(pl.lit("up"))
            .when(pl.col("_change") < -0.1 - 1e-9)
            .then(pl.lit("down"))
            .when(pl.col("_change").is_not_null())
            .then(pl.lit("steady"))
        )
        .drop("_change", "holders_fte")
    )


def same(name: str, ours: pl.DataFrame, floor: pl.DataFrame, keys: list[str]) -> None:
    """Stop unless the two frames hold the same rows: integers equal, floats equal to 1e-9
    relative (sums in another order), nulls in the same places."""
    ours, floor = ours.sort(keys), floor.select(ours.columns).sort(keys)
    if ours.height != floor.height or ours.select(keys).rows() != floor.select(keys).rows():
        raise SystemExit(f"{name}: Stabilise and the floor have different rows")
    for column in ours.columns:
        for mine, theirs in zip(ours[column].to_list(), floor[column].to_list(), strict=True):
            if not _equal(mine, theirs):
                raise SystemExit(f"{name}: {column} is {mine} in Stabilise, {theirs} in the floor")


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)
