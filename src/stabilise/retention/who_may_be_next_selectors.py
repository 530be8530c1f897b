"""Reads for who may be next: the register, the academy and reflective supervision as frames."""

import dataclasses
from datetime import date, timedelta

import polars as pl

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

# The earliest caseload any circumstance reads: the first of the weeks before a leaving a year
# before as_at (a year of 366 days, six weeks of Fridays and the six days a snapshot stays).
LOOKBACK = timedelta(days=366 + 7 * CASELOAD_WEEKS + 7)


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


@figures("who-may-be-next")
def who_may_be_next_as_at(as_at: date) -> WhoMayBeNext:
    frames = dataclasses.replace(council_frames(caseloads_from=as_at - LOOKBACK), asye=asye_frame())
    return who_may_be_next(frames, as_at, supervisions())
