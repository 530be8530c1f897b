"""Leavers, one row each, with what an HR lead asks about them.

A leaver is measures.md's: an in-post assignment ending on a day L when the worker has no in-post
assignment active on L+1 (measure_parts.leavers, the one definition). Beside it:

- `joined_on`: the start of the employment that ended, the latest in-post start S on or before
  L whose worker had no in-post assignment active on S-1 (a starter, in measures.md's words:
  measure_parts.starters);
  `service_days` = L - joined_on + 1 and `service_band` from SERVICE_BANDS.
- `age_band` at L from the date of birth (AGE_BANDS, the DfE's bands).
- `route` into social work: Frontline, Step Up, else the qualification level's label;
  `came_from`: the start origin of the assignment that began the employment.
- `last_caseload`: the cases of the latest snapshot in the CASELOAD_WINDOW_DAYS days to L;
  `earlier_caseload` likewise for the day TREND_DAYS before L; `caseload_trend` is `up` when
  last - earlier >= TREND_STEP, `down` when <= -TREND_STEP, else `steady` (null without both).
- `sickness_days` / `sickness_spells`: working days lost to, and number of, SIC absences starting
  in the year to L (measures.md's year).
"""

from dataclasses import dataclass
from datetime import date

import polars as pl

from stabilise import csww
from stabilise.analytics import measure_parts as parts
from stabilise.analytics.frames import CouncilFrames

AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "Under 30"),
    (30, "30 to 39"),
    (40, "40 to 49"),
    (50, "50 to 59"),
    (60, "60 and over"),
)
# (shortest service in whole years, label)
SERVICE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "Under 1 year"),
    (1, "1 to 2 years"),
    (2, "2 to 5 years"),
    (5, "5 to 10 years"),
    (10, "10 years or more"),
)
CASELOAD_WINDOW_DAYS = 28
TREND_DAYS = 91
TREND_STEP = 2

COLUMNS = (
    "worker_id",
    "display_name",
    "assignment_id",
    "left_on",
    "joined_on",
    "service_days",
    "service_band",
    "team_id",
    "team_name",
    "org_role",
    "role",
    "job_title",
    "contract",
    "fte",
    "end_reason",
    "reason",
    "end_destination",
    "destination",
    "age_band",
    "route",
    "came_from",
    "last_caseload",
    "earlier_caseload",
    "caseload_trend",
    "sickness_days",
    "sickness_spells",
)


def _labels(codes: tuple[tuple[int, str], ...], column: str) -> pl.Expr:
    return (
        pl.col(column)
        .replace_strict(dict(codes), default=None, return_dtype=pl.String)
        .fill_null("Not recorded")
    )


def _band(bands: tuple[tuple[int, str], ...], years: pl.Expr) -> pl.Expr:
    expr: pl.Expr = pl.lit(None, dtype=pl.String)
    for low, label in bands:
        expr = pl.when(years >= low).then(pl.lit(label)).otherwise(expr)
    return expr


def _whole_years(born: pl.Expr, on: pl.Expr) -> pl.Expr:
    """Completed years from `born` to `on` (birthday rule)."""
    before_birthday = (on.dt.month() < born.dt.month()) | (
        (on.dt.month() == born.dt.month()) & (on.dt.day() < born.dt.day())
    )
    return on.dt.year() - born.dt.year() - before_birthday.cast(pl.Int32)


def _joined(leaving: pl.DataFrame, assignments: pl.DataFrame) -> pl.DataFrame:
    """Per leaving assignment (`_row`): when the employment began and where from."""
    starts = parts.starters(assignments).select(
        "worker_id", _start=pl.col("start_date"), _origin=pl.col("start_origin")
    )
    return (
        leaving.select("_row", "worker_id", "left_on")
        .join(starts, on="worker_id")
        .filter(pl.col("_start") <= pl.col("left_on"))
        .sort("_start")
        .group_by("_row")
        .agg(joined_on=pl.col("_start").last(), _origin=pl.col("_origin").last())
    )


def _caseload_before(leaving: pl.DataFrame, caseloads: pl.DataFrame, days: int) -> pl.DataFrame:
    """Per `_row`: the cases of the latest snapshot in the CASELOAD_WINDOW_DAYS days to
    left_on - `days`."""
    day = pl.col("left_on") - pl.duration(days=days)
    return (
        leaving.select("_row", "worker_id", "left_on")
        .join(caseloads.select("worker_id", "date", "cases"), on="worker_id")
        .filter(
            (pl.col("date") <= day)
            & (pl.col("date") > day - pl.duration(days=CASELOAD_WINDOW_DAYS))
        )
        .sort("date")
        .group_by("_row")
        .agg(pl.col("cases").last())
    )


def _sickness(leaving: pl.DataFrame, absences: pl.DataFrame) -> pl.DataFrame:
    return (
        leaving.select("_row", "worker_id", "left_on")
        .join(absences.filter(pl.col("reason") == "SIC"), on="worker_id")
        .filter(
            (pl.col("start_date") <= pl.col("left_on"))
            & (pl.col("start_date") > pl.col("left_on").dt.offset_by("-1y"))
        )
        .group_by("_row")
        .agg(
            sickness_days=pl.col("working_days_lost").fill_null(0.0).sum(),
            sickness_spells=pl.len().cast(pl.Int64),
        )
    )


def _route() -> pl.Expr:
    return (
        pl.when(pl.col("frontline_grad").fill_null(False))
        .then(pl.lit("Frontline"))
        .when(pl.col("step_up_grad").fill_null(False))
        .then(pl.lit("Step Up to Social Work"))
        .otherwise(
            pl.col("qual_level")
            .replace_strict(
                {1: "Undergraduate degree", 2: "Postgraduate degree", 3: "Other qualification"},
                default="Not known",
                return_dtype=pl.String,
            )
            .fill_null("Not known")
        )
    )


def leaver_table(
    frames: CouncilFrames, left_from: date | None = None, left_to: date | None = None
) -> pl.DataFrame:
    """Every leaver whose leaving day is in [left_from, left_to] (either end open), most recent
    first, with the COLUMNS above."""
    assignments = frames.assignments
    keyed = assignments.with_row_index("_key")
    ends = parts.leavers(keyed).rename({"_key": "_row", "end_date": "left_on"})
    if left_from is not None:
        ends = ends.filter(pl.col("left_on") >= left_from)
    if left_to is not None:
        ends = ends.filter(pl.col("left_on") <= left_to)
    joined = _joined(ends, assignments)
    last = _caseload_before(ends, frames.caseloads, 0).rename({"cases": "last_caseload"})
    earlier = _caseload_before(ends, frames.caseloads, TREND_DAYS).rename(
        {"cases": "earlier_caseload"}
    )
    change = pl.col("last_caseload") - pl.col("earlier_caseload")
    table = (
        ends.join(joined, on="_row", how="left")
        .join(last, on="_row", how="left")
        .join(earlier, on="_row", how="left")
        .join(_sickness(ends, frames.absences), on="_row", how="left")
        .join(frames.teams.select("team_id", "team_name"), on="team_id", how="left")
        .join(
            frames.workers.select(
                "worker_id",
                "display_name",
                "date_of_birth",
                "qual_level",
                "step_up_grad",
                "frontline_grad",
            ),
            on="worker_id",
            how="left",
        )
        .with_columns(
            joined_on=pl.col("joined_on").fill_null(pl.col("start_date")),
            sickness_days=pl.col("sickness_days").fill_null(0.0),
            sickness_spells=pl.col("sickness_spells").fill_null(0),
        )
        .with_columns(
            service_days=(pl.col("left_on") - pl.col("joined_on")).dt.total_days() + 1,
            service_band=_band(
                SERVICE_BANDS, _whole_years(pl.col("joined_on"), pl.col("left_on") + parts.ONE_DAY)
            ),
            role=_labels(csww.ORG_ROLE, "org_role"),
            reason=_labels(csww.END_REASON, "end_reason"),
            destination=_labels(csww.END_DESTINATION, "end_destination"),
            came_from=_labels(csww.START_ORIGIN, "_origin"),
            age_band=_band(
                AGE_BANDS, _whole_years(pl.col("date_of_birth"), pl.col("left_on"))
            ).fill_null("Not known"),
            route=_route(),
            caseload_trend=pl.when(change.is_null())
            .then(pl.lit(None, dtype=pl.String))
            .when(change >= TREND_STEP)
            .then(pl.lit("up"))
            .when(change <= -TREND_STEP)
            .then(pl.lit("down"))
            .otherwise(pl.lit("steady")),
        )
    )
    return table.sort(["left_on", "worker_id"], descending=[True, False]).select(COLUMNS)


@dataclass(frozen=True)
class LeaverCount:
    label: str
    count: int


def counts_by(table: pl.DataFrame, column: str) -> list[LeaverCount]:
    """How many leavers of `table` have each value of `column`, most first."""
    grouped = (
        table.group_by(column)
        .agg(count=pl.len())
        .sort(["count", column], descending=[True, False], nulls_last=True)
    )
    return [
        LeaverCount("Not recorded" if value is None else str(value), count)
        for value, count in grouped.iter_rows()
    ]
