"""Reads of the academy: the database as the analytics' `asye` frame, beside the register's."""

import dataclasses
from collections.abc import Iterable
from datetime import date

import polars as pl
from django.db.models import QuerySet

from stabilise.academy import codes
from stabilise.academy.models import AsyeRecord, Review
from stabilise.analytics.frames import CouncilFrames, conform
from stabilise.workforce.selectors import council_frames


def asye_frame(records: QuerySet[AsyeRecord] | None = None) -> pl.DataFrame:
    """The `asye` frame (analytics/frames.py) of `records` (default: all), with the council's
    worker ids and the reviews held."""
    records = AsyeRecord.objects.all() if records is None else records
    rows = list(
        records.order_by("programme_start", "pk").values_list(
            "pk",
            "worker__worker_id",
            "cohort__label",
            "programme_start",
            "route",
            "practice_lead",
            "mentor__worker_id",
            "outcome",
            "completed_on",
            "review_9m_required",
        )
    )
    held: dict[tuple[int, int], date] = {
        (record, month): held_on
        for record, month, held_on in Review.objects.filter(
            record__in=[row[0] for row in rows]
        ).values_list("record_id", "month", "held_on")
    }
    data = [
        {
            "worker_id": worker_id,
            "cohort": cohort,
            "programme_start": start,
            "route": route or None,
            "practice_lead": lead or None,
            "mentor_worker_id": mentor,
            **{f"review_{m}m": held.get((pk, m)) for m in codes.REVIEW_MONTHS},
            "outcome": outcome,
            "completed_on": completed_on,
            "review_9m_required": nine,
        }
        for pk, worker_id, cohort, start, route, lead, mentor, outcome, completed_on, nine in rows
    ]
    if not data:
        return conform("asye", pl.DataFrame())
    return conform("asye", pl.DataFrame(data, infer_schema_length=None))


def academy_frames(
    *, caseloads_on: Iterable[date] | None = None, records: QuerySet[AsyeRecord] | None = None
) -> CouncilFrames:
    """The register and the academy as frames; caseloads only those that can count on the given
    days (the academy's figures need a day's caseloads, not ten years of them)."""
    register = council_frames(caseloads_on=[] if caseloads_on is None else caseloads_on)
    return dataclasses.replace(register, asye=asye_frame(records))
