"""Leavers read from the register: the analytics' leaver table over the database's frames."""

from datetime import date, timedelta

import polars as pl
from django.db.models import Count

from stabilise.analytics.exit_themes import CITED, EMPLOYERS
from stabilise.analytics.leavers import CASELOAD_WINDOW_DAYS, TREND_DAYS, leaver_table
from stabilise.figures.cache import figures
from stabilise.figures.register import register_frames
from stabilise.retention.models import ExitInterview, InterviewTheme, Theme
from stabilise.workforce.selectors import council_frames

# Snapshots older than this before the first leaving day asked for cannot change the table.
CASELOAD_LOOKBACK = timedelta(days=TREND_DAYS + CASELOAD_WINDOW_DAYS)


@figures("leavers-between")
def leavers_between(left_from: date | None, left_to: date | None) -> pl.DataFrame:
    """Leavers whose leaving day is in [left_from, left_to] (either end open)."""
    since = left_from - CASELOAD_LOOKBACK if left_from is not None else None
    return leaver_table(council_frames(caseloads_from=since), left_from, left_to)


@figures("leavers-without-caseloads")
def leavers_without_caseloads() -> pl.DataFrame:
    """Every leaver, without their caseload figures (no caseloads are read)."""
    return leaver_table(register_frames())


@figures("leavings-of")
def leavings_of(worker_id: str) -> pl.DataFrame:
    """Every time this worker left (most recent first); empty if they never have."""
    own = leavers_without_caseloads().filter(pl.col("worker_id") == worker_id)
    if own.height == 0:
        return own
    since = min(own["left_on"].to_list()) - CASELOAD_LOOKBACK
    # A leaving's caseload figures are the leaver's own snapshots: only theirs are read.
    table = leaver_table(council_frames(caseloads_from=since, caseloads_of=[worker_id]))
    return table.filter(pl.col("worker_id") == worker_id)


def leaving_days_of(worker_id: str) -> list[date]:
    """The days this worker left the council's employment, most recent first."""
    table = leavers_without_caseloads()
    return table.filter(pl.col("worker_id") == worker_id)["left_on"].to_list()


def interviews_by_leaving(worker_id: str | None = None) -> dict[tuple[str, date], ExitInterview]:
    """Every exit interview (or one worker's) keyed by (worker_id, left_on)."""
    interviews = ExitInterview.objects.select_related("worker")
    if worker_id is not None:
        interviews = interviews.filter(worker__worker_id=worker_id)
    return {(i.worker.worker_id, i.left_on): i for i in interviews}


def new_employers() -> pl.DataFrame:
    """One row per exit interview naming the new employer: worker_id, left_on, new_employer."""
    rows = ExitInterview.objects.exclude(new_employer="").values_list(
        "worker__worker_id", "left_on", "new_employer"
    )
    return pl.DataFrame(list(rows), schema=EMPLOYERS, orient="row")


def cited_themes() -> pl.DataFrame:
    """One row per theme an exit interview cited: worker_id, left_on, theme, weight."""
    rows = InterviewTheme.objects.values_list(
        "interview__worker__worker_id", "interview__left_on", "theme__name", "weight"
    )
    return pl.DataFrame(list(rows), schema=CITED, orient="row")


def themes_with_counts() -> list[Theme]:
    """The council's themes in order, retired ones too, each with `cited_in`: how many exit
    interviews cite it."""
    return list(Theme.objects.annotate(cited_in=Count("cited")).order_by("position", "name"))
