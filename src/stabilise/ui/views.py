"""The pages. Each reads through workforce/selectors.py and takes its figures from analytics;
the only arithmetic here is choosing dates and rounding for display."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise.accounts.access import (
    may_open,
    suppresses_small_numbers,
    team_or_404,
    visible_teams,
)
from stabilise.accounts.audit import record_many
from stabilise.analytics.measures import Measures
from stabilise.analytics.suppression import SUPPRESSED, count_or_c, measure_suppressed
from stabilise.figures.cache import cached
from stabilise.ui.charts.bars import bar_chart
from stabilise.ui.charts.lines import LineChart, line_chart
from stabilise.ui.figures import (
    DashboardFigures,
    dashboard_figures,
    team_figures,
    teams_figures,
)
from stabilise.ui.templatetags.stabilise_ui import NOT_AVAILABLE, one_decimal, percent
from stabilise.workforce.selectors import team_assignments_on, team_posts_on


def _count(value: float | None) -> str:
    return NOT_AVAILABLE if value is None else str(value)


@dataclass(frozen=True)
class Figure:
    """A measure as a page shows it: its key in analytics' Measures, its label and format."""

    key: str
    label: str
    show: Callable[[float | None], str]
    unit: str = ""  # on a chart's axis


# The dashboard's rows, in the order a workforce board reads them.
HEADLINES = (
    Figure("vacancy_rate_fte", "Vacancy rate (FTE)", percent),
    Figure("agency_rate_fte", "Agency worker rate (FTE)", percent),
    Figure("turnover_rate_fte", "Turnover rate in the year (FTE)", percent),
    Figure("caseload_fte", "Average caseload per case-holding FTE", one_decimal),
    Figure("absence_rate_fte", "Sickness absence rate (FTE)", percent),
    Figure("inpost_fte", "Social workers in post (FTE)", one_decimal),
    Figure("agency_fte", "Agency workers (FTE)", one_decimal),
    Figure("starters_headcount", "Starters in the year", _count),
    Figure("leavers_headcount", "Leavers in the year", _count),
)
TRENDS = (
    Figure("vacancy_rate_fte", "Vacancy rate", percent, "%"),
    Figure("agency_rate_fte", "Agency worker rate", percent, "%"),
    Figure("caseload_fte", "Average caseload per case-holding FTE", one_decimal),
)


@dataclass(frozen=True)
class Trend:
    chart: LineChart
    rows: list[tuple[date, str]]


def _shown(measures: dict[str, Any], figure: Figure, suppress: bool) -> str:
    """A figure as the page writes it; `c` where it rests on 1 to 4 people and `suppress`."""
    if suppress and measure_suppressed(measures, figure.key):
        return SUPPRESSED
    return figure.show(measures[figure.key])


def _trend(series: pl.DataFrame, figure: Figure, suppress: bool = False) -> Trend:
    months = list(series.iter_rows(named=True))
    # A withheld month is a gap in the line, as a missing one is.
    points = [
        (m["as_at"], None if suppress and measure_suppressed(m, figure.key) else m[figure.key])
        for m in months
    ]
    return Trend(
        chart=line_chart(figure.key.replace("_", "-"), figure.label, figure.unit, points),
        rows=[(m["as_at"], _shown(m, figure, suppress)) for m in months],
    )


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    figures = dashboard_figures(timezone.localdate())
    if figures is None:
        return render(request, "ui/dashboard.html", {"empty": True})

    suppress = suppresses_small_numbers(request.user)  # type: ignore[arg-type]
    # Three years of month ends, formatted and drawn: the same for everyone who sees the same.
    headlines, trends = cached(
        "dashboard-shown", (figures.today, suppress), lambda: _dashboard_shown(figures, suppress)
    )
    return render(
        request,
        "ui/dashboard.html",
        {
            "today": figures.today,
            "census": figures.census,
            "headlines": headlines,
            "trends": trends,
            "suppressed": suppress,
        },
    )


def _dashboard_shown(
    figures: DashboardFigures, suppress: bool
) -> tuple[list[tuple[str, str, str]], list[Trend]]:
    now, at_census = figures.now.as_dict(), figures.at_census.as_dict()
    headlines = [
        (h.label, _shown(now, h, suppress), _shown(at_census, h, suppress)) for h in HEADLINES
    ]
    return headlines, [_trend(figures.series, figure, suppress) for figure in TRENDS]


def _team_figures(measures: Measures | None, suppress: bool = False) -> dict[str, str | int | None]:
    """A team's headline on the teams and team pages; a team with nothing in it today has no
    measures from analytics, so nobody in post, nothing vacant and no caseload. With `suppress`
    (councillors), figures on 1 to 4 people are `c`."""
    if measures is None:
        return {
            "inpost_headcount": 0,
            "vacancy_fte": one_decimal(0.0),
            "caseload_fte": NOT_AVAILABLE,
        }
    values = measures.as_dict()
    caseload_withheld = suppress and measure_suppressed(values, "caseload_fte")
    return {
        "inpost_headcount": count_or_c(measures.inpost_headcount)
        if suppress
        else measures.inpost_headcount,
        "vacancy_fte": one_decimal(measures.vacancy_fte),
        "caseload_fte": SUPPRESSED if caseload_withheld else one_decimal(measures.caseload_fte),
    }


@login_required
def teams(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    figures = teams_figures(today)
    visible = set(visible_teams(request.user).values_list("team_id", flat=True))  # type: ignore[arg-type]
    suppress = suppresses_small_numbers(request.user)  # type: ignore[arg-type]
    rows = [
        {**team, **_team_figures(figures.by_team.get(team["team_id"]), suppress)}
        for team in figures.teams.iter_rows(named=True)
        if team["team_id"] in visible
    ]
    # Councillors see the list's aggregates, not the team pages (which name people).
    links = may_open(request.user, "team")  # type: ignore[arg-type]
    return render(
        request,
        "ui/teams.html",
        {"today": today, "rows": rows, "links": links, "suppressed": suppress},
    )


@login_required
def team_detail(request: HttpRequest, team_id: str) -> HttpResponse:
    today = timezone.localdate()
    team = team_or_404(request.user, team_id)  # type: ignore[arg-type]
    figures = _team_figures(teams_figures(today).by_team.get(team.team_id))
    assignments = list(team_assignments_on(team, today))
    # The page names each person in the team: the audit log records that each was seen.
    record_many(request, "viewed", [a.worker for a in assignments], detail=f"team {team.team_id}")
    posts = list(team_posts_on(team, today))
    own = team_figures(team.team_id, today)
    distribution = own.distribution
    histogram = bar_chart(
        "caseload-distribution",
        "Case holders by caseload",
        [(band.label, band.count) for band in distribution.bands],
    )
    return render(
        request,
        "ui/team.html",
        {
            "today": today,
            "team": team,
            "figures": figures,
            "assignments": assignments,
            "posts": [
                (post, one_decimal(own.post_vacancies.get(post.post_id, 0.0))) for post in posts
            ],
            "distribution": distribution,
            "histogram": histogram,
        },
    )
