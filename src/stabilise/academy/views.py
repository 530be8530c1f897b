"""The academy's pages: the cohort table, reviews due, mentors, a cohort and an NQSW.

Figures come from analytics through the selectors; whose records a user sees is decided by
accounts.access (visible_asye_records), never here.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stabilise.academy import charts, codes, cohort_report
from stabilise.academy.models import AsyeRecord, Cohort
from stabilise.academy.reviews_report import names_of
from stabilise.academy.selectors import (
    academy_frames,
    cohort_figures,
    mentor_figures,
    next_intake,
    reviews_due_of,
)
from stabilise.accounts.access import asye_record_or_404, may_open, visible_asye_records
from stabilise.accounts.audit import record as audit
from stabilise.accounts.audit import record_many
from stabilise.accounts.models import User
from stabilise.analytics.academy import nqsw_status
from stabilise.analytics.asye_reviews import review_lines
from stabilise.workforce.models import Worker


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _as_at(request: HttpRequest) -> tuple[dt.date, str | None]:
    asked = request.GET.get("as_at")
    if not asked:
        return dt.date.today(), None
    try:
        return dt.date.fromisoformat(asked), None
    except ValueError:
        return dt.date.today(), "Enter the date as YYYY-MM-DD, for example 2025-09-30"


def _audit_listed(request: HttpRequest, worker_ids: list[str], detail: str) -> None:
    """Who saw whose name: one audit event for each person a page lists."""
    record_many(
        request, "viewed", Worker.objects.filter(worker_id__in=set(worker_ids)), detail=detail
    )


def academy_home(request: HttpRequest) -> HttpResponse:
    as_at, error = _as_at(request)
    table, steps = cohort_figures(as_at)
    context: dict[str, Any] = {
        "as_at": as_at,
        "error": error,
        "table": table,
        "rows": [(row, cohort_report.cells(row)) for row in table.cohorts],
        "total": cohort_report.cells(table.total),
        "headings": [heading for _, heading in cohort_report.COLUMNS],
        "definitions": cohort_report.DEFINITIONS,
        "steps": steps,
        "chart": charts.retention_chart(table),
        "cohorts": Cohort.objects.all(),
        "may_edit": may_open(_user(request), "academy_cohort_new"),
    }
    return render(request, "academy/home.html", context, status=400 if error else 200)


def cohorts_xlsx(request: HttpRequest) -> HttpResponse:
    as_at, error = _as_at(request)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    table, steps = cohort_figures(as_at)
    content = cohort_report.cohort_workbook(table, steps, settings.COUNCIL_NAME)
    response = HttpResponse(content, content_type=cohort_report.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="asye-cohorts-{as_at}.xlsx"'
    return response


def reviews(request: HttpRequest) -> HttpResponse:
    as_at, error = _as_at(request)
    records = visible_asye_records(_user(request), as_at)
    report = reviews_due_of(records, as_at)
    lines = [*report.overdue, *report.due]
    names = names_of(
        [line.worker_id for line in lines] + [line.mentor_worker_id or "" for line in lines]
    )
    _audit_listed(request, list(names), "ASYE reviews due")
    context = {"as_at": as_at, "error": error, "report": report, "names": names}
    return render(request, "academy/reviews.html", context, status=400 if error else 200)


def mentors(request: HttpRequest) -> HttpResponse:
    as_at, error = _as_at(request)
    result, plan = mentor_figures(as_at, next_intake(as_at))
    ids = [m.mentor_worker_id for m in result.mentors] + [n.worker_id for n in result.nqsws]
    _audit_listed(request, ids + result.without_mentor, "ASYE mentors")
    context = {
        "as_at": as_at,
        "error": error,
        "result": result,
        "plan": plan,
        "names": names_of(ids + result.without_mentor),
        "mentor_max": settings.ASYE_MENTOR_MAX,
        "protected_pct": settings.ASYE_PROTECTED_CASELOAD_PCT,
    }
    return render(request, "academy/mentors.html", context, status=400 if error else 200)


def cohort(request: HttpRequest, label: str) -> HttpResponse:
    today = dt.date.today()
    found = get_object_or_404(Cohort, label=label)
    records = visible_asye_records(_user(request), today).filter(cohort=found)
    status = {
        worker_id: value
        for worker_id, value in nqsw_status(academy_frames(records=records), today)
        .select("worker_id", "status")
        .iter_rows()
    }
    rows = [
        (record, status.get(record.worker.worker_id))
        for record in records.select_related("worker", "mentor")
    ]
    _audit_listed(request, [r.worker.worker_id for r, _ in rows], f"ASYE cohort {label}")
    context = {
        "cohort": found,
        "rows": rows,
        "may_edit": may_open(_user(request), "academy_cohort_edit"),
        "today": today,
    }
    return render(request, "academy/cohort.html", context)


def nqsw(request: HttpRequest, label: str, worker_id: str) -> HttpResponse:
    today = dt.date.today()
    record = asye_record_or_404(_user(request), label, worker_id, today)
    lines = review_lines(academy_frames(records=AsyeRecord.objects.filter(pk=record.pk)), today)
    audit(request, "viewed", record.worker, detail=f"ASYE record, cohort {label}")
    context = {
        "record": record,
        "lines": lines,
        "reviews": {r.month: r for r in record.reviews.all()},
        "supervisions": record.supervisions.all(),
        "panels": record.panels.all(),
        "outcomes": dict(codes.OUTCOME),
        "may_edit": may_open(_user(request), "academy_review"),
        "today": today,
    }
    return render(request, "academy/nqsw.html", context)
