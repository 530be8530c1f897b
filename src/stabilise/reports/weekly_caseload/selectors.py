"""The weekly caseload report for a week, read from the database once for every way it is shown.

The page, the workbook, the command and the email all start here, so they show the same numbers.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from stabilise.analytics.weekly_caseload import (
    WeeklyCaseloadReport,
    WorkerAbove,
    last_friday,
    weekly_caseload_report,
    workers_above,
)
from stabilise.figures.cache import figures
from stabilise.workforce.selectors import weekly_caseload_frames


@dataclass(frozen=True)
class WeeklyCaseload:
    """The report, and the named workers above the threshold that only managers may see."""

    report: WeeklyCaseloadReport
    threshold: float
    workers_above: list[WorkerAbove]
    council_name: str

    @property
    def week_ending(self) -> date:
        return self.report.week_ending


def today() -> date:
    """The council's local date. One place to ask, so tests can set it without freezing the
    clock (a frozen clock hands Polars fake date objects it cannot read)."""
    return timezone.localdate()


def default_week_ending() -> date:
    """The last Friday on or before today."""
    return last_friday(today())


@figures("weekly-caseload", setting_names=("CASELOAD_THRESHOLD", "COUNCIL_NAME"))
def weekly_caseload(week_ending: date) -> WeeklyCaseload:
    frames = weekly_caseload_frames(week_ending)
    threshold = float(settings.CASELOAD_THRESHOLD)
    return WeeklyCaseload(
        report=weekly_caseload_report(frames, week_ending),
        threshold=threshold,
        workers_above=workers_above(frames, week_ending, threshold),
        council_name=settings.COUNCIL_NAME,
    )


class BadWeekEnding(ValueError):
    """A week ending that is not a date, or is after today; the message says what to give."""


def week_ending_from(text: str | None) -> date:
    """The week ending a person asked for (YYYY-MM-DD), or by default the last Friday."""
    if text is None or not text.strip():
        return default_week_ending()
    try:
        week_ending = date.fromisoformat(text.strip())
    except ValueError:
        raise BadWeekEnding(
            f'"{text}" is not a date: give the week ending as YYYY-MM-DD, for example 2025-03-07'
        ) from None
    if week_ending > today():
        raise BadWeekEnding(
            f"The week ending {week_ending.isoformat()} is after today: choose a week that has ended"
        )
    return week_ending
