"""The building blocks of the as-at measures, each over many dates at once.

Every function returns one row per (`as_at`, `group`) so that `measures.py` can put the parts
side by side. Dates are handled as a frame of `as_at` values joined to the register rather than
looped over in Python: a monthly series of eight years is one join, not a hundred.
"""

from datetime import date, timedelta

import polars as pl

GROUP = "group"
KEYS = ["as_at", GROUP]
# Open-ended assignments and posts get a far-future end so that "active" is two plain
# inequalities, which Polars can answer with a range join (see between_join).
END_OF_TIME = date(9999, 12, 31)
ONE_DAY = pl.duration(days=1)
# A snapshot stays the worker's caseload for six more days: weekly extracts then always give
# one, and an old figure never passes for a current one.
SNAPSHOT_STAYS_DAYS = 6
# Up to this many (date, row) pairs a range condition is a cross join and a filter: Polars'
# range join costs 17 ms for one date against England's 125,000 assignments, the cross join
# and filter 2 ms. Past it (long series of many dates), the range join is the cheaper.
CROSS_JOIN_PAIRS = 2_000_000


def as_at_frame(dates: list[date]) -> pl.DataFrame:
    return pl.DataFrame({"as_at": sorted(set(dates))}, schema={"as_at": pl.Date})


def spelled_as(frame: pl.DataFrame, column: str, *meanings: str) -> pl.Expr:
    """Whether `column` is one of `meanings` (lower case) however it is cased or spaced.

    The few distinct spellings are normalised in Python rather than every row in Polars:
    stripping and lower-casing 125,000 contracts took 10 ms, this takes 2.
    """
    spellings = frame.get_column(column).unique().drop_nulls().to_list()
    matching = [text for text in spellings if text.strip().lower() in meanings]
    return pl.col(column).is_in(pl.Series(matching, dtype=pl.String).implode()).fill_null(False)


def between_join(days: pl.DataFrame, frame: pl.DataFrame, *predicates: pl.Expr) -> pl.DataFrame:
    """`days.join_where(frame, *predicates)`: every pair of a day and a row that satisfies the
    predicates, by a cross join and a filter when there are few pairs (see CROSS_JOIN_PAIRS)."""
    if days.height * frame.height <= CROSS_JOIN_PAIRS:
        return days.join(frame, how="cross").filter(*predicates)
    return days.join_where(frame, *predicates)


def prepare_assignments(assignments: pl.DataFrame, group: pl.Expr) -> pl.DataFrame:
    """Assignments with the flags every part needs and the group each one reports in."""
    return assignments.with_row_index("_row").select(
        "_row",
        "worker_id",
        "post_id",
        pl.col("fte").fill_null(0.0),
        "start_date",
        "end_date",
        pl.col("end_date").fill_null(END_OF_TIME).alias("_end"),
        spelled_as(assignments, "contract", "permanent", "fixed_term").alias("in_post"),
        spelled_as(assignments, "contract", "agency").alias("agency"),
        # The import format's default, applied here too so hand-built frames behave the same.
        pl.col("covers_vacancy").fill_null(pl.col("post_id").is_not_null()),
        group.alias(GROUP),
    )


def active_on(assignments: pl.DataFrame, days: pl.DataFrame) -> pl.DataFrame:
    """One row per (as_at, assignment) for every assignment active on that date."""
    return between_join(
        days,
        assignments,
        pl.col("start_date") <= pl.col("as_at"),
        pl.col("_end") >= pl.col("as_at"),
    )


def in_year_to(events: pl.DataFrame, days: pl.DataFrame) -> pl.DataFrame:
    """One row per (as_at, event) for events whose `event_on` is in the year to as_at.

    The year to D is (D minus one calendar year, D]. Polars clamps 29 February minus a year to
    28 February, so the year to 2024-02-29 starts on 2023-03-01 and has 366 days; the year to
    2025-02-28 starts on 2024-02-29 and has 366 days too. No day ever falls between two
    consecutive years to 28/29 February.
    """
    years = days.with_columns(_year_after=pl.col("as_at").dt.offset_by("-1y"))
    return between_join(
        years,
        events,
        pl.col("event_on") <= pl.col("as_at"),
        pl.col("event_on") > pl.col("_year_after"),
    ).drop("_year_after")


def staffing(active: pl.DataFrame) -> pl.DataFrame:
    in_post = pl.col("in_post")
    agency = pl.col("agency")
    return active.group_by(KEYS).agg(
        inpost_fte=pl.col("fte").filter(in_post).sum(),
        inpost_headcount=pl.col("worker_id").filter(in_post).n_unique().cast(pl.Int64),
        agency_fte=pl.col("fte").filter(agency).sum(),
        agency_headcount=pl.col("worker_id").filter(agency).n_unique().cast(pl.Int64),
        agency_cover_fte=pl.col("fte").filter(agency & pl.col("covers_vacancy")).sum(),
    )


def vacancies(
    posts: pl.DataFrame, active: pl.DataFrame, days: pl.DataFrame, group: pl.Expr
) -> pl.DataFrame:
    """Unfilled FTE of posts established on each date, in the post's own group.

    Only in-post assignments fill a post (agency cover leaves it vacant, as the DfE counts it),
    whatever team the filling assignment reports in.
    """
    established = between_join(
        days,
        posts.select(
            "post_id",
            pl.col("fte").fill_null(0.0).alias("post_fte"),
            "established_from",
            pl.col("established_to").fill_null(END_OF_TIME).alias("_established_to"),
            group.alias(GROUP),
        ),
        pl.col("established_from") <= pl.col("as_at"),
        pl.col("_established_to") >= pl.col("as_at"),
    )
    filled = (
        active.filter(pl.col("in_post") & pl.col("post_id").is_not_null())
        .group_by("as_at", "post_id")
        .agg(filled_fte=pl.col("fte").sum())
    )
    unfilled = pl.col("post_fte") - pl.col("filled_fte").fill_null(0.0)
    return (
        established.join(filled, on=["as_at", "post_id"], how="left")
        .group_by(KEYS)
        .agg(vacancy_fte=unfilled.clip(lower_bound=0.0).sum())
    )


def _years_span(days: pl.DataFrame) -> tuple[date | None, date | None]:
    """The first day before and the last day of all the years to `days`: an event outside
    (first, last] is in none of them, so it can be left out before any join."""
    span = days.select(
        pl.col("as_at").dt.offset_by("-1y").min().alias("first"),
        pl.col("as_at").max().alias("last"),
    )
    return span["first"][0], span["last"][0]


def _in_years(on: pl.Expr, days: pl.DataFrame) -> pl.Expr:
    first, last = _years_span(days)
    if first is None or last is None:
        return pl.lit(False)
    return (on > first) & (on <= last)


def _other_active_on(day: pl.Expr) -> pl.Expr:
    return (pl.col("_other_start") <= day) & (pl.col("_other_end") >= day)


def _others(in_post: pl.DataFrame) -> pl.DataFrame:
    return in_post.select(
        "worker_id", pl.col("start_date").alias("_other_start"), pl.col("_end").alias("_other_end")
    )


def _carried_on(events: pl.DataFrame, others: pl.DataFrame, day: pl.Expr) -> pl.DataFrame:
    """The events whose worker had another in-post assignment active on `day`."""
    return events.join(others, on="worker_id").filter(_other_active_on(day)).select("_row")


def _starting_employment(starts: pl.DataFrame, others: pl.DataFrame) -> pl.DataFrame:
    """Of `starts` (in-post assignments), the starters of measures.md: those whose worker had
    no in-post assignment active the day before (a move inside the council is not)."""
    return starts.join(
        _carried_on(starts, others, pl.col("start_date") - ONE_DAY), on="_row", how="anti"
    )


def _ending_employment(ends: pl.DataFrame, others: pl.DataFrame) -> pl.DataFrame:
    """Of `ends` (in-post assignments with an end date), the leavers of measures.md: those whose
    worker has no in-post assignment active the day after (a move inside the council is not)."""
    return ends.join(_carried_on(ends, others, pl.col("end_date") + ONE_DAY), on="_row", how="anti")


def leavers(assignments: pl.DataFrame) -> pl.DataFrame:
    """Every leaver in the sense of measures.md, whenever they left: the rows of an assignments
    frame (all its columns) that end a worker's employment. The one definition, for whatever
    else needs a leaver (the academy's cohort table), so it is never written twice."""
    prepared = prepare_assignments(assignments, pl.lit(""))
    in_post = prepared.filter("in_post")
    ends = _ending_employment(in_post.filter(pl.col("end_date").is_not_null()), _others(in_post))
    return (
        assignments.with_row_index("_row")
        .join(ends.select("_row"), on="_row", how="semi")
        .drop("_row")
    )


def starters(assignments: pl.DataFrame) -> pl.DataFrame:
    """Every starter in the sense of measures.md, whenever they started: the rows of an
    assignments frame (all its columns) that begin a worker's employment. The counterpart of
    `leavers`, for whatever needs the start of an employment (the retention curves)."""
    prepared = prepare_assignments(assignments, pl.lit(""))
    in_post = prepared.filter("in_post")
    begins = _starting_employment(in_post, _others(in_post))
    return (
        assignments.with_row_index("_row")
        .join(begins.select("_row"), on="_row", how="semi")
        .drop("_row")
    )


def movements(assignments: pl.DataFrame, days: pl.DataFrame) -> list[pl.DataFrame]:
    """Starters and leavers in the year to each date.

    Whether an assignment is a start or an end of employment does not depend on the date, so it
    is decided once per assignment and only the window moves. It is decided across the whole
    council even in a breakdown: a move from team A to team B is neither a leaver from A nor a
    starter in B, so the teams add up to the council. Only the starts and ends inside one of
    the years are looked at: ten years of history hold many more.
    """
    in_post = assignments.filter("in_post")
    others = _others(in_post)
    starts = in_post.filter(_in_years(pl.col("start_date"), days))
    ends = in_post.filter(_in_years(pl.col("end_date"), days))
    starters = _starting_employment(starts, others).select(
        "worker_id", "fte", GROUP, pl.col("start_date").alias("event_on")
    )
    leavers = _ending_employment(ends, others).select(
        "worker_id", "fte", GROUP, pl.col("end_date").alias("event_on")
    )
    return [
        in_year_to(events, days)
        .group_by(KEYS)
        .agg(
            pl.col("fte").sum().alias(f"{name}_fte"),
            pl.col("worker_id").n_unique().cast(pl.Int64).alias(f"{name}_headcount"),
        )
        for name, events in (("starters", starters), ("leavers", leavers))
    ]


def _main_first() -> tuple[list[str], list[bool]]:
    """Sort order putting a worker's main assignment first: largest FTE, then earliest start.

    The same rule as the weekly caseload report's, so a worker lands in the same team in both.
    """
    return ["fte", "start_date", "_row"], [True, False, False]


def _snapshot_days(as_at: pl.Series) -> pl.Series:
    """The days whose snapshots can be a caseload on one of `as_at`: each and the six before.

    Ten years of daily snapshots are millions of rows; a date needs a week of them. Keeping only
    those before sorting is most of the speed of a measure at one date.
    """
    days = as_at.unique()
    return pl.concat([days - timedelta(days=n) for n in range(SNAPSHOT_STAYS_DAYS + 1)]).unique()


def caseloads_on(active: pl.DataFrame, caseloads: pl.DataFrame) -> pl.DataFrame:
    """Per (as_at, worker active that day): the main assignment's group, the FTE of all the
    worker's active assignments, and the caseload on that day (null when none is known)."""
    order, descending = _main_first()
    worker_days = (
        active.group_by(["as_at", "worker_id"])
        .agg(
            pl.col(GROUP).sort_by(order, descending=descending).first(),
            pl.col("fte").sum().alias("worker_fte"),
        )
        .sort("as_at")
    )
    snapshots = (
        caseloads.filter(pl.col("date").is_in(_snapshot_days(active["as_at"]).implode()))
        .select("worker_id", pl.col("date").alias("_snapshot_on"), "cases")
        .drop_nulls(["worker_id", "_snapshot_on"])
        .sort("_snapshot_on")
    )
    recent = pl.col("_snapshot_on") >= pl.col("as_at") - pl.duration(days=SNAPSHOT_STAYS_DAYS)
    return (
        worker_days.join_asof(
            snapshots,
            left_on="as_at",
            right_on="_snapshot_on",
            by="worker_id",
            strategy="backward",
            check_sortedness=False,
        )
        .with_columns(caseload=pl.when(recent).then(pl.col("cases")))
        .drop("cases", "_snapshot_on")
    )


def caseload_totals(active: pl.DataFrame, caseloads: pl.DataFrame) -> pl.DataFrame:
    return (
        caseloads_on(active, caseloads)
        .group_by(KEYS)
        .agg(
            cases=pl.col("caseload").sum().cast(pl.Int64),
            case_holders_fte=pl.col("worker_fte").filter(pl.col("caseload") >= 1).sum(),
        )
    )


def sickness(absences: pl.DataFrame, assignments: pl.DataFrame, days: pl.DataFrame) -> pl.DataFrame:
    """Working days lost to sickness starting in the year to each date.

    An absence counts once even when the worker held two in-post assignments on its first
    day; it reports in the group of the main one of them.
    """
    sick = (
        absences.filter(_in_years(pl.col("start_date"), days))
        .filter(spelled_as(absences, "reason", "sic"))
        .with_row_index("_absence")
        .select(
            "_absence",
            "worker_id",
            pl.col("start_date").alias("event_on"),
            pl.col("working_days_lost").fill_null(0.0),
        )
    )
    order, descending = _main_first()
    attributed = (
        sick.join(assignments.filter("in_post"), on="worker_id")
        .filter(
            (pl.col("start_date") <= pl.col("event_on")) & (pl.col("_end") >= pl.col("event_on"))
        )
        .group_by("_absence")
        .agg(
            pl.col(GROUP).sort_by(order, descending=descending).first(),
            pl.col("event_on", "working_days_lost").first(),
        )
    )
    return (
        in_year_to(attributed, days)
        .group_by(KEYS)
        .agg(working_days_lost_fte=pl.col("working_days_lost").sum())
    )
