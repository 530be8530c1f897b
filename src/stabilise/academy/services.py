"""Writes of the academy: keyword-only, one transaction each; views and the import call these."""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import transaction

from stabilise.academy import codes
from stabilise.academy.models import (
    AsyeRecord,
    Cohort,
    PanelDecision,
    ReflectiveSupervision,
    Review,
)
from stabilise.workforce.models import Worker


def completion_increment(passed_on: date) -> dict[str, Any]:
    """The increment the council pays on passing the ASYE, as configured today
    (STABILISE_ASYE_INCREMENT_AMOUNT, STABILISE_ASYE_INCREMENT_NOTE), from the panel's date."""
    amount: Decimal | None
    try:
        amount = Decimal(str(settings.ASYE_INCREMENT_AMOUNT).replace(",", "").lstrip("£"))
    except InvalidOperation:
        amount = None
    return {
        "increment_from": passed_on,
        "increment_amount": amount,
        "increment_note": settings.ASYE_INCREMENT_NOTE[:300],
    }


@transaction.atomic
def save_cohort(
    *, cohort: Cohort | None, label: str, planned_start: date | None, notes: str
) -> Cohort:
    cohort = cohort or Cohort()
    cohort.label, cohort.planned_start, cohort.notes = label.strip(), planned_start, notes
    cohort.save()
    return cohort


@transaction.atomic
def record_review(*, record: AsyeRecord, month: int, held_on: date, notes: str) -> Review:
    review, _ = Review.objects.get_or_create(
        record=record, month=month, defaults={"held_on": held_on, "notes": notes}
    )
    if (review.held_on, review.notes) != (held_on, notes):
        review.held_on, review.notes = held_on, notes
        review.save()
    return review


@transaction.atomic
def record_supervision(
    *, record: AsyeRecord, held_on: date, supervisor: str, notes: str
) -> ReflectiveSupervision:
    return ReflectiveSupervision.objects.create(
        record=record, held_on=held_on, supervisor=supervisor, notes=notes
    )


@transaction.atomic
def record_panel(
    *,
    record: AsyeRecord,
    panel_date: date,
    recommendation: str,
    decision: str,
    notes: str,
) -> PanelDecision:
    """The practice lead's recommendation and, once the panel has sat, its decision.

    A decision sets the outcome: pass → passed on the panel's date (with the completion
    increment, unless one is already recorded), fail → failed, extend → extended.
    """
    panel, _ = PanelDecision.objects.get_or_create(record=record, panel_date=panel_date)
    panel.recommendation, panel.decision, panel.notes = recommendation, decision, notes
    panel.save()
    if decision:
        record.outcome = codes.OUTCOME_OF_DECISION[decision]
        record.completed_on = panel_date if decision == codes.PASS else None
        if decision == codes.PASS and record.increment_from is None:
            for field, value in completion_increment(panel_date).items():
                setattr(record, field, value)
        record.save()
    return panel


@transaction.atomic
def save_nqsw(
    *,
    record: AsyeRecord | None,
    cohort: Cohort,
    worker: Worker,
    programme_start: date,
    route: str,
    practice_lead: str,
    mentor: Worker | None,
    review_9m_required: bool,
) -> AsyeRecord:
    """Add an NQSW to a cohort, or change their record (the worker stays who they are)."""
    record = record or AsyeRecord(worker=worker, cohort=cohort)
    record.programme_start, record.route = programme_start, route
    record.practice_lead, record.mentor = practice_lead.strip(), mentor
    record.review_9m_required = review_9m_required
    record.save()
    return record
