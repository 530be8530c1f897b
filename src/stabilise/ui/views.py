"""The pages. Each reads through workforce/selectors.py and takes its figures from analytics;
the only arithmetic here is choosing dates and rounding for display."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
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
from stabilise.analytics.caseload_views import caseload_distribution
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.measures import (
    Measures,
    last_30_september,
    measures_at,
    measures_by,
    measures_series,
)
from stabilise.analytics.suppression import SUPPRESSED, count_or_c, measure_suppressed
from stabilise.ui.charts.bars import bar_chart
from stabilise.ui.charts.lines import LineChart, line_chart
from stabilise.ui.templatetags.stabilise_ui import NOT_AVAILABLE, one_decimal, percent
from stabilise.workforce.selectors import (
    council_frames,
    measures_frames,
    team_assignments_on,
    team_posts_on,
)

TREND_MONTHS = 36


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


def _month_ends(today: date, count: int) -> list[date]:
    """The last `count` month ends up to today, oldest first (today itself if it is one)."""
    end = today if (today + timedelta(days=1)).day == 1 else today.replace(day=1) - timedelta(1)
    ends = [end]
    while len(ends) < count:
        ends.append(ends[-1].replace(day=1) - timedelta(days=1))
    return ends[::-1]


def _has_register(frames: CouncilFrames) -> bool:
    return not (frames.teams.is_empty() and frames.assignments.is_empty())


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
    today = timezone.localdate()
    census = last_30_september(today)
    months = _month_ends(today, TREND_MONTHS)
    frames = measures_frames([*months, census, today])
    if not _has_register(frames):
        return render(request, "ui/dashboard.html", {"empty": True})

    now: Measures = measures_at(frames, today)
    at_census: Measures = measures_at(frames, census)
    series = measures_series(frames, months)
    suppress = suppresses_small_numbers(request.user)  # type: ignore[arg-type]
    headlines = [
        (h.label, _shown(now.as_dict(), h, suppress), _shown(at_census.as_dict(), h, suppress))
        for h in HEADLINES
    ]
    trends = [_trend(series, figure, suppress) for figure in TRENDS]
    return render(
        request,
        "ui/dashboard.html",
        {
            "today": today,
            "census": census,
            "headlines": headlines,
            "trends": trends,
            "suppressed": suppress,
        },
    )


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
    frames = council_frames(caseloads_on=[today])
    by_team = measures_by(frames, today, "team")
    visible = set(visible_teams(request.user).values_list("team_id", flat=True))  # type: ignore[arg-type]
    suppress = suppresses_small_numbers(request.user)  # type: ignore[arg-type]
    rows = [
        {**team, **_team_figures(by_team.get(team["team_id"]), suppress)}
        for team in frames.teams.sort(pl.col("team_name").str.to_lowercase()).iter_rows(named=True)
        if team["team_id"] in visible
    ]
    # Councillors see the list's aggregates, not the team pages (which name people).
    links = may_open(request.user, "team")  # type: ignore[arg-type]
    return render(
        request,
        "ui/teams.html",
        {"today": today, "rows": rows, "links": links, "suppressed": suppress},
    )


def _post_vacancies(frames: CouncilFrames, post_ids: list[str], on: date) -> dict[str, float]:
    """The vacancy FTE of each post on `on`.

    measures_by breaks the vacancy measure down by team; giving each post (and the assignments
    filling it, whatever their team) a "team" of its own gives it per post, without a second
    definition of a vacancy.
    """
    posts = frames.posts.filter(pl.col("post_id").is_in(post_ids))
    filling = frames.assignments.filter(pl.col("post_id").is_in(post_ids))
    per_post = CouncilFrames(
        posts=posts.with_columns(team_id=pl.col("post_id")),
        assignments=filling.with_columns(team_id=pl.col("post_id")),
    )
    return {post_id: m.vacancy_fte for post_id, m in measures_by(per_post, on, "team").items()}


@login_required
def team_detail(request: HttpRequest, team_id: str) -> HttpResponse:
    today = timezone.localdate()
    team = team_or_404(request.user, team_id)  # type: ignore[arg-type]
    frames = council_frames(caseloads_on=[today])
    figures = _team_figures(measures_by(frames, today, "team").get(team.team_id))
    assignments = list(team_assignments_on(team, today))
    # The page names each person in the team: the audit log records that each was seen.
    record_many(request, "viewed", [a.worker for a in assignments], detail=f"team {team.team_id}")
    posts = list(team_posts_on(team, today))
    vacancies = _post_vacancies(frames, [p.post_id for p in posts], today)
    distribution = caseload_distribution(frames, team.team_id, today)
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
            "posts": [(post, one_decimal(vacancies.get(post.post_id, 0.0))) for post in posts],
            "distribution": distribution,
            "histogram": histogram,
        },
    )
