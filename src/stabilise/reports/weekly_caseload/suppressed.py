"""The weekly caseload report as those who see aggregates only (councillors) may read it.

`for_aggregates_only(report)` has the report's shape, with each figure that counts or rests on
1 to 4 people as `c` (analytics/suppression.py), and every team's highest and lowest caseload
withheld: each is one person's caseload. The page, the workbook and the committee's email show
it through the same templates and code as the full report.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from stabilise.analytics.suppression import SUPPRESSED, count_or_c, withheld_unless
from stabilise.analytics.weekly_caseload import TeamWeek, WeekFigures, WeeklyCaseloadReport
from stabilise.analytics.weekly_caseload import week_endings as _week_endings

Shown = Any  # a figure as in the report, or "c"


@dataclass(frozen=True)
class ShownWeek:
    week_ending: date
    average: Shown
    headcount: Shown
    trend: Shown


@dataclass(frozen=True)
class ShownTeam:
    team_id: str
    team_name: str
    headcount: Shown
    headcount_change: Shown
    case_holders: Shown
    cases: Shown
    average: Shown
    average_per_fte: Shown
    highest: Shown
    lowest: Shown
    trend: Shown
    direction: Shown
    history: tuple[ShownWeek, ...]


@dataclass(frozen=True)
class ShownReport:
    week_ending: date
    teams: tuple[ShownTeam, ...]

    @property
    def council(self) -> ShownTeam:
        return self.teams[-1]

    @property
    def week_endings(self) -> list[date]:
        return _week_endings(self.week_ending)


def _week(week: WeekFigures) -> ShownWeek:
    # An earlier week keeps only its headcount: its averages rest on as many people at most.
    return ShownWeek(
        week.week_ending,
        withheld_unless(week.average, week.headcount),
        count_or_c(week.headcount),
        withheld_unless(week.trend, week.headcount),
    )


def _team(team: TeamWeek) -> ShownTeam:
    holders = team.case_holders
    before = team.history[-1].headcount if team.history else None
    trend = withheld_unless(team.trend, holders, team.headcount)
    return ShownTeam(
        team_id=team.team_id,
        team_name=team.team_name,
        headcount=count_or_c(team.headcount),
        # A change between two counts gives either away when the other is shown.
        headcount_change=withheld_unless(team.headcount_change, team.headcount, before),
        case_holders=count_or_c(holders),
        cases=withheld_unless(team.cases, team.cases, holders),
        average=withheld_unless(team.average, team.cases, holders),
        average_per_fte=withheld_unless(team.average_per_fte, team.cases, holders),
        highest=None if team.highest is None else SUPPRESSED,
        lowest=None if team.lowest is None else SUPPRESSED,
        trend=trend,
        direction=SUPPRESSED if trend == SUPPRESSED else team.direction,
        history=tuple(_week(week) for week in team.history),
    )


def for_aggregates_only(report: WeeklyCaseloadReport) -> ShownReport:
    return ShownReport(report.week_ending, tuple(_team(team) for team in report.teams))
