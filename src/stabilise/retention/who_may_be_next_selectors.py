"""Reads for who may be next: the register, the academy and reflective supervision as frames."""

import dataclasses
from datetime import date, timedelta

import polars as pl
from django.conf import settings

from stabilise.academy.models import ReflectiveSupervision
from stabilise.academy.selectors import asye_frame
from stabilise.analytics.who_may_be_next import (
    CASELOAD_WEEKS,
    SUPERVISIONS,
    WhoMayBeNext,
    who_may_be_next,
)
from stabilise.figures.cache import figures
from stabilise.workforce.selectors import council_frames


def lookback(notice_weeks: int) -> timedelta:
    """How far before as_at the earliest caseload any circumstance reads lies: the first of the
    weeks before the notice day of a leaving a year before (a year of 366 days, the notice, six
    weeks of Fridays and the six days a snapshot stays)."""
    return timedelta(days=366 + 7 * notice_weeks + 7 * CASELOAD_WEEKS + 7)


def supervisions() -> pl.DataFrame | None:
    """Every reflective supervision held, or None where the council records none at all (then
    overdue supervision cannot be known, and is not looked for)."""
    rows = list(
        ReflectiveSupervision.objects.values_list(
            "record__worker__worker_id", "record__cohort__label", "held_on"
        )
    )
    if not rows:
        return None
    return pl.DataFrame(rows, schema=SUPERVISIONS, orient="row")


@figures("who-may-be-next", setting_names=("NOTICE_WEEKS",))
def who_may_be_next_as_at(as_at: date) -> WhoMayBeNext:
    """Who may be next on `as_at`, the leavers judged on their notice days (NOTICE_WEEKS)."""
    notice_weeks = settings.NOTICE_WEEKS
    assert isinstance(notice_weeks, int), "a server does not start without one (checks.py)"
    frames = dataclasses.replace(
        council_frames(caseloads_from=as_at - lookback(notice_weeks)), asye=asye_frame()
    )
    return who_may_be_next(frames, as_at, supervisions(), notice_weeks=notice_weeks)
