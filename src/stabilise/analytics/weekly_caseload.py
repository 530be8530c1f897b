"""The weekly caseload report of contracts/measures.md ("Weekly caseload report").

Buckinghamshire's review (recommendation 18) asked for it: each team's average caseload with its
highest and lowest, the change in team numbers, twelve weeks of history and a direction of
movement read from a trend that trails two weeks.

All thirteen weeks (W and the twelve before it) are computed in one pass over the register, as a
frame of week endings joined to it, never by running one week's code thirteen times. Numbers are
unrounded; rounding is the page's, the workbook's and the email's job.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

import polars as pl

from stabilise.analytics import measure_parts as parts
from stabilise.analytics.frames import CouncilFrames

COUNCIL = "ALL"
COUNCIL_NAME = "All teams"
# A team id that no team frame has: assignments without a team still count in the council.
NO_TEAM = ""
NO_TEAM_NAME = "No team"
HISTORY_WEEKS = 12
# The trend of week ending W is over the dates [W-13, W]: "the trend trailing two weeks".
TREND_DAYS = 14
DIRECTION_MARGIN = 0.1
# Trends are means of ratios, so a difference of exactly 0.1 (10.1 after 10.0) can come out of
# floating point as 0.10000000000000142. The contract's "> 0.1" means the real number, so such a
# week is steady.
FLOAT_SLACK = 1e-9

Direction = Literal["up", "down", "steady"]


@dataclass(frozen=True)
class WeekFigures:
    """One earlier week of a team's history."""

    week_ending: date
    average: float | None
    headcount: int
    trend: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "week_ending": self.week_ending.isoformat(),
            "average": self.average,
            "headcount": self.headcount,
            "trend": self.trend,
        }


@dataclass(frozen=True)
class TeamWeek:
    """One row of the report: a team, or the whole council (`team_id` "ALL")."""

    team_id: str
    team_name: str
    headcount: int
    headcount_change: int
    case_holders: int
    cases: int
    average: float | None
    average_per_fte: float | None
    highest: int | None
    lowest: int | None
    trend: float | None
    direction: Direction | None
    history: tuple[WeekFigures, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "team_id": self.team_id,
            "team_name": self.team_name,
            "headcount": self.headcount,
            "headcount_change": self.headcount_change,
            "case_holders": self.case_holders,
            "cases": self.cases,
            "average": self.average,
            "average_per_fte": self.average_per_fte,
            "highest": self.highest,
            "lowest": self.lowest,
            "trend": self.trend,
            "direction": self.direction,
            "history": [week.as_dict() for week in self.history],
        }


@dataclass(frozen=True)
class WeeklyCaseloadReport:
    """The teams in name order, then the council's row ("ALL") last."""

    week_ending: date
    teams: tuple[TeamWeek, ...]

    @property
    def council(self) -> TeamWeek:
        return self.teams[-1]

    @property
    def week_endings(self) -> list[date]:
        """The twelve weeks of history and W, oldest first."""
        return week_endings(self.week_ending)

    def as_dict(self) -> dict[str, Any]:
        """The contract's JSON shape."""
        return {
            "week_ending": self.week_ending.isoformat(),
            "teams": [team.as_dict() for team in self.teams],
        }


@dataclass(frozen=True)
class WorkerAbove:
    """A worker whose caseload on W is above the threshold, for managers to check in with."""

    worker_id: str
    display_name: str
    team_id: str
    team_name: str
    caseload: int
    team_average: float | None


def week_endings(week_ending: date, weeks_before: int = HISTORY_WEEKS) -> list[date]:
    return [week_ending - timedelta(weeks=n) for n in range(weeks_before, -1, -1)]


def first_snapshot_needed(week_ending: date) -> date:
    """The earliest snapshot the report for `week_ending` reads (the oldest week's trend)."""
    return min(week_endings(week_ending)) - timedelta(days=TREND_DAYS - 1)


def last_friday(today: date) -> date:
    """The latest Friday on or before `today`: the default week ending (the working week)."""
    return today - timedelta(days=(today.weekday() - 4) % 7)


def _snapshots_for(caseloads: pl.DataFrame, ends: list[date]) -> pl.DataFrame:
    """Only the snapshots any of the weeks can use: a trend looks back 13 days, a caseload 6.

    Ten years of daily snapshots are millions of rows; these weeks need about a hundred days.
    """
    first = min(ends) - timedelta(days=TREND_DAYS - 1)
    return caseloads.select("worker_id", "date", "cases").filter(
        pl.col("date").is_between(first, max(ends)) & pl.col("worker_id").is_not_null()
    )


def _worker_weeks(frames: CouncilFrames, ends: list[date], snapshots: pl.DataFrame) -> pl.DataFrame:
    """One row per (as_at, worker with an assignment active that day, agency included): the team
    of their main assignment (`group`), the FTE of all their active assignments and their
    caseload that day.

    The main-assignment rule (largest FTE, then earliest start) and "caseload on D" are the
    as-at measures' own (measure_parts), so a worker lands in the same team in both.
    """
    team = pl.col("team_id").fill_null(NO_TEAM)
    assignments = parts.prepare_assignments(frames.assignments, team)
    active = parts.active_on(assignments, parts.as_at_frame(ends))
    return parts.caseloads_on(active, snapshots)


def _and_council(worker_weeks: pl.DataFrame) -> pl.DataFrame:
    """Every row once for its team and once more for the council, so one aggregation gives both
    the team rows and the ALL row, and they cannot disagree."""
    council = worker_weeks.with_columns(pl.lit(COUNCIL, dtype=pl.String).alias(parts.GROUP))
    return pl.concat([worker_weeks, council])


def _week_figures(worker_weeks: pl.DataFrame) -> pl.DataFrame:
    """headcount, case_holders, cases, average, average_per_fte, highest and lowest per
    (as_at, group), for the groups with anyone in them."""
    caseload = pl.col("caseload")
    holder = caseload >= 1
    holders = pl.col("case_holders")
    holders_fte = pl.col("holders_fte")
    return (
        worker_weeks.group_by(parts.KEYS)
        .agg(
            headcount=pl.len().cast(pl.Int64),
            case_holders=holder.sum().cast(pl.Int64),
            cases=caseload.filter(holder).sum().cast(pl.Int64),
            holders_fte=pl.col("worker_fte").filter(holder).sum(),
            highest=caseload.filter(holder).max().cast(pl.Int64),
            lowest=caseload.filter(holder).min().cast(pl.Int64),
        )
        .with_columns(
            average=pl.when(holders > 0).then(pl.col("cases") / holders),
            average_per_fte=pl.when(holders_fte > 0).then(pl.col("cases") / holders_fte),
        )
        .drop("holders_fte")
    )


def _trends(worker_weeks: pl.DataFrame, snapshots: pl.DataFrame, ends: list[date]) -> pl.DataFrame:
    """The trend per (as_at, group): over the group's workers on as_at, the mean over the dates
    in [as_at-13, as_at] with any snapshot of theirs with cases >= 1, of that date's cases per
    worker with cases >= 1.

    `worker_weeks` has each worker once per week (their team's row, not yet the council's) and
    `ends` are a week apart. A snapshot dated d then falls in exactly two windows: those of the
    first week ending on or after d and of the week after it. Working those out by arithmetic
    gives twice the snapshots, where a range join would have to search for them. Each day's
    cases and case holders are summed per team first; the council's day is the sum of its
    teams' days.
    """
    last, first = max(ends), min(ends)
    days_before = (pl.lit(last) - pl.col("date")).dt.total_days()
    first_end_on_or_after = pl.lit(last) - pl.duration(days=days_before // 7 * 7)
    held = snapshots.filter(pl.col("cases") >= 1)
    in_window = (
        pl.concat(
            [
                held.with_columns(as_at=first_end_on_or_after),
                held.with_columns(as_at=first_end_on_or_after + pl.duration(weeks=1)),
            ]
        )
        .filter(pl.col("as_at").is_between(first, last))
        .join(worker_weeks.select("as_at", "worker_id", parts.GROUP), on=["as_at", "worker_id"])
    )
    team_days = in_window.group_by([*parts.KEYS, "date"]).agg(
        cases=pl.col("cases").sum(), holders=pl.len()
    )
    council_days = (
        team_days.group_by("as_at", "date")
        .agg(pl.col("cases", "holders").sum())
        .with_columns(pl.lit(COUNCIL, dtype=pl.String).alias(parts.GROUP))
    )
    return (
        pl.concat([team_days, council_days], how="diagonal")
        .group_by(parts.KEYS)
        .agg(trend=(pl.col("cases") / pl.col("holders")).mean())
    )


def _team_names(frames: CouncilFrames, groups: pl.Series) -> pl.DataFrame:
    """Every team of the teams frame (an empty one too) and any team only an assignment names,
    in name order; the council's row is added last by the caller."""
    named = frames.teams.select(
        pl.col("team_id").alias(parts.GROUP), pl.col("team_name").alias("team_name")
    ).drop_nulls(parts.GROUP)
    unnamed = (
        pl.DataFrame({parts.GROUP: groups}, schema={parts.GROUP: pl.String})
        .filter(pl.col(parts.GROUP) != COUNCIL)
        .unique()
        .join(named, on=parts.GROUP, how="anti")
        .with_columns(team_name=pl.lit(None, dtype=pl.String))
    )
    name = pl.col("team_name")
    fallback = pl.when(pl.col(parts.GROUP) == NO_TEAM).then(pl.lit(NO_TEAM_NAME))
    return (
        pl.concat([named, unnamed])
        .unique(parts.GROUP, keep="first")
        .with_columns(team_name=name.fill_null(fallback.otherwise(pl.col(parts.GROUP))))
        .sort(name.str.to_lowercase(), parts.GROUP)
    )


def _direction(now: float | None, before: float | None) -> Direction | None:
    if now is None or before is None:
        return None
    change = now - before
    if change > DIRECTION_MARGIN + FLOAT_SLACK:
        return "up"
    if change < -DIRECTION_MARGIN - FLOAT_SLACK:
        return "down"
    return "steady"


def _team_week(team_id: str, team_name: str, weeks: list[dict[str, Any]]) -> TeamWeek:
    """The report's row from the team's rows for each week ending, oldest first, W last."""
    now, week_before = weeks[-1], weeks[-2]
    return TeamWeek(
        team_id=team_id,
        team_name=team_name,
        headcount=now["headcount"],
        headcount_change=now["headcount"] - week_before["headcount"],
        case_holders=now["case_holders"],
        cases=now["cases"],
        average=now["average"],
        average_per_fte=now["average_per_fte"],
        highest=now["highest"],
        lowest=now["lowest"],
        trend=now["trend"],
        direction=_direction(now["trend"], week_before["trend"]),
        history=tuple(
            WeekFigures(w["as_at"], w["average"], w["headcount"], w["trend"]) for w in weeks[:-1]
        ),
    )


def weekly_caseload_report(frames: CouncilFrames, week_ending: date) -> WeeklyCaseloadReport:
    """The report for the week ending `week_ending` (W), with the twelve weeks before it."""
    ends = week_endings(week_ending)
    snapshots = _snapshots_for(frames.caseloads, ends)
    worker_weeks = _worker_weeks(frames, ends, snapshots)
    figures = _week_figures(_and_council(worker_weeks)).join(
        _trends(worker_weeks, snapshots, ends), on=parts.KEYS, how="left"
    )
    teams = _team_names(frames, figures[parts.GROUP])
    council = pl.DataFrame({parts.GROUP: [COUNCIL], "team_name": [COUNCIL_NAME]})
    rows = pl.concat([teams, council]).with_row_index("_order")
    # Every team has a row every week, so an empty team (or an empty week) shows 0 and null.
    table = (
        rows.join(parts.as_at_frame(ends), how="cross")
        .join(figures, on=parts.KEYS, how="left")
        .with_columns(pl.col("headcount", "case_holders", "cases").fill_null(0))
        .sort("_order", "as_at")
    )
    report_rows = [
        _team_week(group, name, weeks) for (group, name), weeks in _rows_by_team(table).items()
    ]
    return WeeklyCaseloadReport(week_ending=week_ending, teams=tuple(report_rows))


def _rows_by_team(table: pl.DataFrame) -> dict[tuple[str, str], list[dict[str, Any]]]:
    by_team: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in table.iter_rows(named=True):
        by_team.setdefault((row[parts.GROUP], row["team_name"]), []).append(row)
    return by_team


def workers_above(frames: CouncilFrames, week_ending: date, threshold: float) -> list[WorkerAbove]:
    """Workers whose caseload on W is above `threshold`, highest first, with their team (the
    main assignment's, as in the report) and that team's average on W."""
    ends = [week_ending]
    snapshots = _snapshots_for(frames.caseloads, ends)
    worker_weeks = _worker_weeks(frames, ends, snapshots)
    averages = _week_figures(worker_weeks).select(parts.GROUP, pl.col("average").alias("_avg"))
    names = frames.workers.select("worker_id", "display_name").unique("worker_id", keep="first")
    teams = _team_names(frames, worker_weeks[parts.GROUP])
    above = (
        worker_weeks.filter(pl.col("caseload") > threshold)
        .join(averages, on=parts.GROUP, how="left")
        .join(names, on="worker_id", how="left")
        .join(teams, on=parts.GROUP, how="left")
        .with_columns(pl.col("display_name").fill_null(pl.col("worker_id")))
        .sort(["caseload", "display_name", "worker_id"], descending=[True, False, False])
    )
    return [
        WorkerAbove(
            worker_id=row["worker_id"],
            display_name=row["display_name"],
            team_id=row[parts.GROUP],
            team_name=row["team_name"],
            caseload=row["caseload"],
            team_average=row["_avg"],
        )
        for row in above.iter_rows(named=True)
    ]
