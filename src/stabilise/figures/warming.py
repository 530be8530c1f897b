"""Today's figures for every page that opens without a choice of date, computed once after an
import, so that the first person in the morning does not wait for them.

`stabilise import` and `stabilise demo` call it once the import is committed. The figures of
another day, week or period are computed when someone first asks for them, as after an import
from the web page, or on the first page after midnight.
"""

import logging
import time
from datetime import date, timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)


def warm_figures_after_import() -> str:
    """`warm_figures`, for a command to report: an import that succeeded is not failed by it."""
    try:
        seconds = warm_figures()
    except Exception:
        logger.exception("today's figures were not computed after the import")
        return "Today's figures could not be computed now; each page computes its own instead."
    return f"Computed today's figures for the pages in {seconds:.1f} s."


def warm_figures(today: date | None = None) -> float:
    """Compute and keep today's figures; the seconds it took."""
    from stabilise.academy.selectors import cohort_figures, mentor_figures, next_intake
    from stabilise.analytics.weekly_caseload import last_friday
    from stabilise.benchmarks.views import comparison_shown
    from stabilise.figures.register import register_frames
    from stabilise.reports.weekly_caseload.selectors import default_week_ending, weekly_caseload
    from stabilise.retention.selectors import leavers_between, leavers_without_caseloads
    from stabilise.retention.survival_views import DEFAULT, curves_shown
    from stabilise.retention.theme_views import YEARS, themes_shown
    from stabilise.retention.views import LEAVERS_DAYS
    from stabilise.retention.who_may_be_next_selectors import who_may_be_next_as_at
    from stabilise.ui.figures import dashboard_figures, history_frames, team_figures, teams_figures

    started = time.perf_counter()
    today = today or timezone.localdate()
    register_frames()
    if dashboard_figures(today) is None:  # no register yet: nothing else to show
        return time.perf_counter() - started
    for team_id in teams_figures(today).teams["team_id"]:
        team_figures(team_id, today)
    history_frames(last_friday(today))
    weekly_caseload(default_week_ending())
    cohort_figures(today)
    mentor_figures(today, next_intake(today))
    leavers_without_caseloads()
    leavers_between(today - timedelta(days=LEAVERS_DAYS), today)
    two_years = today - timedelta(days=365 * YEARS)
    leavers_between(two_years, today)
    who_may_be_next_as_at(today)
    # Pages shown as formatted: as the managers see them, and with small numbers as c.
    for suppress in (False, True):
        comparison_shown(None, None, suppress)
        themes_shown(two_years, today, suppress)
        curves_shown(today, DEFAULT, suppress, ())
    return time.perf_counter() - started
