"""The academy's forms: cohorts, NQSWs on the programme, reviews, supervision and panels.

GET shows the form, POST saves through services.py and returns to the page it came from. Who may
open them is in accounts.access.RULES; whose record, in asye_record_or_404.
"""

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stabilise.academy import services
from stabilise.academy.forms import CohortForm, NqswForm, PanelForm, ReviewForm, SupervisionForm
from stabilise.academy.models import AsyeRecord, Cohort
from stabilise.accounts.access import asye_record_or_404
from stabilise.accounts.audit import record as audit
from stabilise.accounts.models import User


def _show(
    request: HttpRequest, form: forms.Form, title: str, back: str, caption: str = ""
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "title": title, "back": back, "caption": caption}
    return render(request, "academy/form.html", context, status=status)


def _record(request: HttpRequest, label: str, worker_id: str) -> AsyeRecord:
    assert isinstance(request.user, User)
    return asye_record_or_404(request.user, label, worker_id, dt.date.today())


def _nqsw_url(record: AsyeRecord) -> str:
    return reverse("academy_nqsw", args=[record.cohort.label, record.worker.worker_id])


def cohort_form(request: HttpRequest, label: str | None = None) -> HttpResponse:
    found = get_object_or_404(Cohort, label=label) if label is not None else None
    initial = {}
    if found is not None:
        initial = {"label": found.label, "planned_start": found.planned_start, "notes": found.notes}
    form = CohortForm(request.POST or None, initial=initial, cohort=found)
    back = reverse("academy_cohort", args=[found.label]) if found else reverse("academy")
    if request.method == "POST" and form.is_valid():
        saved = services.save_cohort(cohort=found, **form.cleaned_data)
        messages.success(request, f"Cohort {saved.label} saved")
        return redirect("academy_cohort", saved.label)
    title = f"Change cohort {found.label}" if found else "Add a cohort"
    return _show(request, form, title, back)


def nqsw_form(request: HttpRequest, label: str, worker_id: str | None = None) -> HttpResponse:
    found = get_object_or_404(Cohort, label=label)
    record = _record(request, label, worker_id) if worker_id is not None else None
    initial: dict[str, Any] = {}
    if record is not None:
        initial = {
            "worker": record.worker,
            "programme_start": record.programme_start,
            "route": record.route,
            "practice_lead": record.practice_lead,
            "mentor": record.mentor,
            "review_9m_required": record.review_9m_required,
        }
    form = NqswForm(request.POST or None, initial=initial, record=record)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = services.save_nqsw(record=record, cohort=found, **data)
        audit(request, "changed", saved.worker, detail=f"ASYE record, cohort {label}")
        messages.success(request, f"{saved.worker} saved")
        return redirect(_nqsw_url(saved))
    back = _nqsw_url(record) if record else reverse("academy_cohort", args=[label])
    title = f"Change {record.worker}" if record else f"Add an NQSW to cohort {label}"
    return _show(request, form, title, back, caption=f"Cohort {label}")


def review_form(request: HttpRequest, label: str, worker_id: str) -> HttpResponse:
    record = _record(request, label, worker_id)
    form = ReviewForm(request.POST or None, initial={"month": request.GET.get("month")})
    if request.method == "POST" and form.is_valid():
        services.record_review(record=record, **form.cleaned_data)
        audit(request, "changed", record.worker, detail="ASYE review")
        messages.success(request, f"{form.cleaned_data['month']}-month review recorded")
        return redirect(_nqsw_url(record))
    return _show(request, form, "Record a review", _nqsw_url(record), str(record.worker))


def supervision_form(request: HttpRequest, label: str, worker_id: str) -> HttpResponse:
    record = _record(request, label, worker_id)
    form = SupervisionForm(request.POST or None, initial={"supervisor": record.practice_lead})
    if request.method == "POST" and form.is_valid():
        services.record_supervision(record=record, **form.cleaned_data)
        audit(request, "changed", record.worker, detail="ASYE reflective supervision")
        messages.success(request, "Reflective supervision recorded")
        return redirect(_nqsw_url(record))
    title = "Record reflective supervision"
    return _show(request, form, title, _nqsw_url(record), str(record.worker))


def panel_form(request: HttpRequest, label: str, worker_id: str) -> HttpResponse:
    record = _record(request, label, worker_id)
    form = PanelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_panel(record=record, **form.cleaned_data)
        audit(request, "changed", record.worker, detail="ASYE panel")
        messages.success(request, "Panel recorded")
        return redirect(_nqsw_url(record))
    title = "Record a panel recommendation or decision"
    return _show(request, form, title, _nqsw_url(record), str(record.worker))
