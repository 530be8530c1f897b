"""Reads of the academy: the database as the analytics' `asye` frame, beside the register's."""

import dataclasses
from collections.abc import Iterable
from datetime import date, timedelta

import polars as pl
from django.conf import settings
from django.db.models import QuerySet

from stabilise.academy import codes
from stabilise.academy.models import AsyeRecord, Review
from stabilise.analytics.academy import CohortTable, Progression, cohort_table, progression
from stabilise.analytics.asye_reviews import ReviewsDue, reviews_due
from stabilise.analytics.frames import CouncilFrames, conform
from stabilise.analytics.mentoring import IntakePlan, Mentoring, intake_plan, mentoring
from stabilise.figures.cache import cached, figures
from stabilise.figures.register import frames_on, register_frames
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
    days = [] if caseloads_on is None else list(caseloads_on)
    # The register is shared by every academy page and kept once per version of the data.
    if not days:
        register = register_frames()
    elif len(days) == 1:
        register = frames_on(days[0])
    else:
        register = council_frames(caseloads_on=days)
    return dataclasses.replace(register, asye=asye_frame(records))


def reviews_due_of(records: QuerySet[AsyeRecord], as_at: date) -> ReviewsDue:
    """The reviews overdue and due of `records` (the NQSWs a user may see), as at a date; kept
    for each set of records, so everyone who sees the same NQSWs shares one computation."""
    ids = tuple(sorted(records.values_list("pk", flat=True)))
    return cached(
        "academy-reviews",
        (as_at, ids),
        lambda: reviews_due(academy_frames(records=AsyeRecord.objects.filter(pk__in=ids)), as_at),
    )


@figures("academy-cohorts")
def cohort_figures(as_at: date) -> tuple[CohortTable, list[Progression]]:
    """The cohort table and progression after the ASYE, as at a date, for every cohort."""
    frames = academy_frames()
    return cohort_table(frames, as_at), progression(frames, as_at)


@figures(
    "academy-mentors",
    setting_names=(
        "ASYE_MENTOR_MAX",
        "ASYE_PROTECTED_CASELOAD_PCT",
        "ASYE_PRACTICE_LEAD_MAX",
        "ASYE_INTAKES_PER_YEAR",
    ),
)
def mentor_figures(as_at: date, intake_on: date) -> tuple[Mentoring, IntakePlan]:
    """Each mentor's NQSWs and warnings, and the next intake's places, as at a date."""
    frames = academy_frames(caseloads_on=[as_at])
    result = mentoring(
        frames,
        as_at,
        mentor_max=settings.ASYE_MENTOR_MAX,
        protected_pct=settings.ASYE_PROTECTED_CASELOAD_PCT,
    )
    plan = intake_plan(
        frames,
        as_at,
        intake_on,
        mentor_max=settings.ASYE_MENTOR_MAX,
        practice_lead_max=settings.ASYE_PRACTICE_LEAD_MAX,
        intakes_per_year=settings.ASYE_INTAKES_PER_YEAR,
    )
    return result, plan


def next_intake(as_at: date) -> date:
    """The next intake after `as_at`: every 12 / intakes-a-year months from 1 March."""
    step = 12 // max(settings.ASYE_INTAKES_PER_YEAR, 1)
    for year in (as_at.year, as_at.year + 1):
        for month in range(3, 15, step):
            day = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
            if day > as_at:
                return day
    return as_at + timedelta(days=182)
