"""The DfE workforce measures as at a date: the "As-at measures" of contracts/measures.md.

Every entry point goes through one table builder, so a figure on a chart (`measures_series`),
on a team page (`measures_by`) and in the JSON export (`measures_at`) cannot disagree.
"""

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import polars as pl

from stabilise.analytics import measure_parts as parts
from stabilise.analytics import rates
from stabilise.analytics.frames import CouncilFrames

By = Literal["team", "role"]
# A breakdown: by team, by role, or by any expression over the columns that the assignments
# and posts frames both have (team_id, post_id, org_role, job_title, fte), such as the council
# a team belongs to when many councils' registers are put together (benchmarks/england.py).
Breakdown = By | pl.Expr
COUNCIL = "ALL"
# The DfE's working days in a year for the absence rate (defined with the formulas).
WORKING_DAYS_PER_FTE = rates.WORKING_DAYS_PER_FTE


@dataclass(frozen=True)
class Measures:
    """One council's (or team's, or role's) measures on `as_at`; a rate over zero is None."""

    as_at: date
    inpost_fte: float
    inpost_headcount: int
    agency_fte: float
    agency_headcount: int
    agency_rate_fte: float | None
    vacancy_fte: float
    vacancy_rate_fte: float | None
    agency_cover_fte: float
    agency_cover_rate_fte: float | None
    vacancy_agency_cover_rate_fte: float | None
    starters_fte: float
    starters_headcount: int
    leavers_fte: float
    leavers_headcount: int
    turnover_rate_fte: float | None
    cases: int
    case_holders_fte: float
    caseload_fte: float | None
    working_days_lost_fte: float
    absence_rate_fte: float | None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: `as_at` as an ISO date, numbers unrounded (rounding is the page's job)."""
        values = dataclasses.asdict(self)
        values["as_at"] = self.as_at.isoformat()
        return values


MEASURE_KEYS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Measures) if f.name != "as_at"
)
_COUNTS = (
    "inpost_headcount",
    "agency_headcount",
    "starters_headcount",
    "leavers_headcount",
    "cases",
)
_AMOUNTS = (
    "inpost_fte",
    "agency_fte",
    "vacancy_fte",
    "agency_cover_fte",
    "starters_fte",
    "leavers_fte",
    "case_holders_fte",
    "working_days_lost_fte",
)


def _rates() -> dict[str, pl.Expr]:
    # The formulas live in rates.py, shared with the benchmarks' reproduction of DfE figures.
    col = pl.col
    return {
        "agency_rate_fte": rates.agency_rate(col("agency_fte"), col("inpost_fte")),
        "vacancy_rate_fte": rates.vacancy_rate(col("vacancy_fte"), col("inpost_fte")),
        "agency_cover_rate_fte": rates.agency_cover_rate(
            col("agency_cover_fte"), col("agency_fte")
        ),
        "vacancy_agency_cover_rate_fte": rates.vacancy_agency_cover_rate(
            col("agency_cover_fte"), col("vacancy_fte")
        ),
        "turnover_rate_fte": rates.turnover_rate(col("leavers_fte"), col("inpost_fte")),
        "caseload_fte": rates.caseload(col("cases"), col("case_holders_fte")),
        "absence_rate_fte": rates.absence_rate(col("working_days_lost_fte"), col("inpost_fte")),
    }


def _group_expr(by: Breakdown | None) -> pl.Expr:
    if by is None:
        return pl.lit(COUNCIL, dtype=pl.String)
    if isinstance(by, pl.Expr):
        return by.cast(pl.String).fill_null("")
    if by == "team":
        return pl.col("team_id").fill_null("")
    if by == "role":
        return pl.col("org_role").cast(pl.String).fill_null("")
    raise ValueError(f"measures can be broken down by 'team' or 'role', not {by!r}")


def _group_name(by: Breakdown) -> str:
    """The name of the group's column in `measures_series`."""
    if isinstance(by, pl.Expr):
        try:
            return by.meta.output_name()
        except pl.exceptions.ComputeError:  # a literal, for instance: no column to name it by
            return parts.GROUP
    return "team_id" if by == "team" else "org_role"


def measure_table(
    frames: CouncilFrames, dates: Sequence[date], by: Breakdown | None
) -> pl.DataFrame:
    """One row per (as_at, group): `as_at`, `group` and every measure, sorted by both.

    With `by=None` the group is always "ALL" and every date has a row, even an empty one.
    With a breakdown, a group has a row on a date when anything counts for it that day (an
    active assignment, an established post, a starter, a leaver or a sickness absence).
    """
    days = parts.as_at_frame(list(dates))
    group = _group_expr(by)
    assignments = parts.prepare_assignments(frames.assignments, group)
    active = parts.active_on(assignments, days)
    components = [
        parts.staffing(active),
        parts.vacancies(frames.posts, active, days, group),
        *parts.movements(assignments, days),
        parts.caseload_totals(active, frames.caseloads),
        parts.sickness(frames.absences, assignments, days),
    ]
    if by is None:
        keys = days.with_columns(group.alias(parts.GROUP))
    else:
        keys = pl.concat([c.select(parts.KEYS) for c in components]).unique()
    table = keys
    for component in components:
        table = table.join(component, on=parts.KEYS, how="left")
    return (
        table.with_columns(
            *(pl.col(name).fill_null(0).cast(pl.Int64) for name in _COUNTS),
            *(pl.col(name).fill_null(0.0).cast(pl.Float64) for name in _AMOUNTS),
        )
        .with_columns(**_rates())
        .select("as_at", parts.GROUP, *MEASURE_KEYS)
        .sort(parts.KEYS)
    )


def _measures(row: dict[str, Any]) -> Measures:
    return Measures(as_at=row["as_at"], **{key: row[key] for key in MEASURE_KEYS})


def measures_at(frames: CouncilFrames, as_at: date) -> Measures:
    """The whole council's measures on `as_at`."""
    return _measures(measure_table(frames, [as_at], None).row(0, named=True))


def measures_at_each(frames: CouncilFrames, dates: Sequence[date]) -> list[Measures]:
    """The whole council's measures on each of `dates`, in the order given: `measures_at` for
    each, worked out in one pass over the register."""
    return [_measures(row) for row in measures_series(frames, dates).iter_rows(named=True)]


def measures_by(frames: CouncilFrames, as_at: date, by: Breakdown) -> dict[str, Measures]:
    """The measures on `as_at` for each team (keyed by `team_id`) or role (`org_role`, e.g. "5"),
    or for each value of an expression over the assignments' and posts' columns (as a string).

    Each measure keeps its council definition, applied to what belongs to the group:

    - In-post and agency FTE/headcount, agency cover, starters and leavers: the assignment's
      own team or role. A worker with assignments in two teams counts in the headcount of both
      (so team headcounts may add up to more than the council's; FTE always adds up).
      Starters and leavers are still judged across the council: a move between teams is
      neither.
    - Vacancies: the post's team or role, whoever fills it.
    - Cases and case-holder FTE: the whole worker (all their cases and the FTE of all their
      active assignments) goes to the group of their main assignment active on `as_at`, the
      one with the largest FTE (ties: the earlier start), as in the weekly caseload report.
    - Working days lost: the group of the worker's main in-post assignment active on the
      absence's first day.

    Groups with nothing in them that day are left out; every amount except the headcounts
    adds up over the groups to `measures_at`.
    """
    table = measure_table(frames, [as_at], by)
    return {row[parts.GROUP]: _measures(row) for row in table.iter_rows(named=True)}


def measures_series(
    frames: CouncilFrames, dates: Sequence[date], by: Breakdown | None = None
) -> pl.DataFrame:
    """One row per date, in the order given, with `as_at` and a column per measure.

    With `by`, one row per date and group, with the group in a `team_id` or `org_role` column
    after `as_at` (for an expression, a column named as the expression's output); the groups
    are as in `measures_by`. Many groups come in one pass: every council of England at
    30 September is one call with `by` the council of each team.
    """
    order = pl.DataFrame({"as_at": list(dates)}, schema={"as_at": pl.Date}).with_row_index("_order")
    table = order.join(measure_table(frames, dates, by), on="as_at").sort("_order", parts.GROUP)
    if by is None:
        return table.drop("_order", parts.GROUP)
    name = _group_name(by)
    return table.drop("_order").rename({parts.GROUP: name}).select("as_at", name, *MEASURE_KEYS)


def last_30_september(today: date) -> date:
    """The latest 30 September on or before `today`: the date of the DfE census."""
    census = date(today.year, 9, 30)
    return census if census <= today else date(today.year - 1, 9, 30)
