"""The figures of the dashboard, teams, team and worker pages, computed once per version of the
data and day (figures/cache.py); the pages apply who sees what and format them each time."""

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from stabilise.analytics.caseload_views import (
    CaseloadDistribution,
    CaseloadPoint,
    caseload_distribution,
    caseload_history,
)
from stabilise.analytics.frames import SCHEMAS, CouncilFrames
from stabilise.analytics.measures import (
    Measures,
    last_30_september,
    measures_at,
    measures_by,
    measures_series,
)
from stabilise.analytics.weekly_caseload import week_endings
from stabilise.figures.cache import figures
from stabilise.figures.register import frames_on
from stabilise.workforce.models import Team, Worker
from stabilise.workforce.selectors import (
    colleague_ids,
    council_frames,
    measures_frames,
    team_posts_on,
)

TREND_MONTHS = 36
# A year of weeks ending on Fridays, as the weekly caseload report counts them, so the team's
# average on each date is the report's own figure for that week.
HISTORY_WEEKS = 52


def month_ends(today: date, count: int) -> list[date]:
    """The last `count` month ends up to today, oldest first (today itself if it is one)."""
    end = today if (today + timedelta(days=1)).day == 1 else today.replace(day=1) - timedelta(1)
    ends = [end]
    while len(ends) < count:
        ends.append(ends[-1].replace(day=1) - timedelta(days=1))
    return ends[::-1]


def has_register(frames: CouncilFrames) -> bool:
    return not (frames.teams.is_empty() and frames.assignments.is_empty())


@dataclass(frozen=True)
class DashboardFigures:
    today: date
    census: date
    now: Measures
    at_census: Measures
    # One row per month end of the trend (as_at and every measure).
    series: pl.DataFrame


@figures("dashboard")
def dashboard_figures(today: date) -> DashboardFigures | None:
    """Today's measures, last 30 September's and the monthly trend; None with no register."""
    census = last_30_september(today)
    months = month_ends(today, TREND_MONTHS)
    frames = measures_frames([*months, census, today])
    if not has_register(frames):
        return None
    return DashboardFigures(
        today=today,
        census=census,
        now=measures_at(frames, today),
        at_census=measures_at(frames, census),
        series=measures_series(frames, months),
    )


@dataclass(frozen=True)
class TeamsFigures:
    # The teams (team_id, team_name, service, parent_team_id), by name.
    teams: pl.DataFrame
    by_team: dict[str, Measures]


@figures("teams")
def teams_figures(day: date) -> TeamsFigures:
    frames = frames_on(day)
    return TeamsFigures(
        teams=frames.teams.sort(pl.col("team_name").str.to_lowercase()),
        by_team=measures_by(frames, day, "team"),
    )


@dataclass(frozen=True)
class TeamFigures:
    # The vacancy FTE of each of the team's posts established on the day.
    post_vacancies: dict[str, float]
    distribution: CaseloadDistribution


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


@figures("team")
def team_figures(team_id: str, day: date) -> TeamFigures:
    frames = frames_on(day)
    team = Team.objects.get(team_id=team_id)
    post_ids = [post.post_id for post in team_posts_on(team, day)]
    return TeamFigures(
        post_vacancies=_post_vacancies(frames, post_ids, day),
        distribution=caseload_distribution(frames, team_id, day),
    )


def history_dates(last_friday: date) -> list[date]:
    return week_endings(last_friday, HISTORY_WEEKS - 1)


@figures("caseload-history")
def caseload_history_of(worker_id: str, last_friday: date) -> list[CaseloadPoint]:
    """A worker's caseload on each Friday of the year to `last_friday`, beside their team's
    average: over their colleagues' caseloads, as council_frames(caseloads_of=colleagues)
    would read them, taken from everyone's (kept once a day)."""
    dates = history_dates(last_friday)
    everyone = history_frames(last_friday)
    worker = Worker.objects.get(worker_id=worker_id)
    colleagues = colleague_ids(worker, dates[0] - timedelta(days=6), dates[-1])
    frames = dataclasses.replace(
        everyone, caseloads=everyone.caseloads.filter(pl.col("worker_id").is_in(colleagues))
    )
    return caseload_history(frames, worker_id, dates)


@figures("history-frames")
def history_frames(last_friday: date) -> CouncilFrames:
    """What a worker's caseload history is computed from (analytics.caseload_history reads
    assignments and caseloads; the page names teams): teams, assignments and everyone's
    caseloads that count on the year of Fridays to `last_friday`. A worker page keeps its
    colleagues' caseloads (worker_page.py). No names or personal details of anyone."""
    return council_frames(
        columns={name: SCHEMAS[name] for name in ("teams", "assignments", "caseloads")},
        caseloads_on=history_dates(last_friday),
    )
