"""The audit log page (/audit/): the workforce lead searches who saw or changed whose record."""

from datetime import date
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from stabilise.accounts.audit import record
from stabilise.accounts.models import AuditAction, AuditEvent

PER_PAGE = 50


class AuditFilter(forms.Form):
    worker = forms.CharField(label="Person's worker id", required=False, max_length=50)
    user = forms.CharField(label="Username", required=False, max_length=150)
    start = forms.DateField(
        label="From",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": "Enter the date from as a date, like 2025-03-31"},
    )
    end = forms.DateField(
        label="To",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": "Enter the date to as a date, like 2025-03-31"},
    )
    action = forms.ChoiceField(
        label="What", required=False, choices=[("", "Anything"), *AuditAction.choices]
    )
    special = forms.BooleanField(label="Special-category data only", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error("end", "The date to must be the same as or after the date from")
        return data


def filtered(data: dict[str, Any]) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("user", "worker")
    if data.get("worker"):
        events = events.filter(worker__worker_id=data["worker"].strip())
    if data.get("user"):
        events = events.filter(username__iexact=data["user"].strip())
    if data.get("start"):
        events = events.filter(at__date__gte=data["start"])
    if data.get("end"):
        events = events.filter(at__date__lte=data["end"])
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("special"):
        events = events.filter(special_category=True)
    return events


def audit(request: HttpRequest) -> HttpResponse:
    form = AuditFilter(request.GET or None)
    valid = form.is_valid() if request.GET else True
    events = filtered(form.cleaned_data if request.GET and valid else {})
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    query = [(k, str(v)) for k, v in request.GET.items() if k != "page" and v]
    record(request, AuditAction.VIEWED, detail="audit log")
    return render(
        request,
        "accounts/audit.html",
        {
            "form": form,
            "valid": valid,
            "page": page,
            "query": urlencode(query),
        },
        status=200 if valid else 400,
    )
