"""Leavers: the list over a period with counts by reason, destination and team, and a page per
leaver. Named people: the workforce lead and service managers (RULES); a team manager's leavers
stay with the workforce lead, as on the worker page."""

from datetime import date, timedelta
from typing import Any

import polars as pl
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise import csww
from stabilise.accounts.access import sees_special_category
from stabilise.accounts.audit import record, record_many
from stabilise.analytics.leavers import counts_by
from stabilise.retention.selectors import interviews_by_leaving, leavers_between, leavings_of
from stabilise.workforce.models import Worker

BREAKDOWNS = (
    ("reason", "Reason for leaving"),
    ("destination", "Destination"),
    ("team_name", "Team"),
    ("service_band", "Length of service"),
)
# The list opens on the year to today.
LEAVERS_DAYS = 364
TRENDS = {"up": "rising", "down": "falling", "steady": "steady"}
CONTRACTS = dict(csww.CONTRACT)


def parse_day(text: str | None, default: date) -> tuple[date, str | None]:
    """The date typed, or `default` with an error message if it is not a date."""
    if not text:
        return default, None
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        return default, f"“{text}” is not a date: use YYYY-MM-DD, for example 2025-03-31"


@login_required
def leaver_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    left_to, to_error = parse_day(request.GET.get("to"), today)
    left_from, from_error = parse_day(request.GET.get("from"), left_to - timedelta(days=LEAVERS_DAYS))
    errors = [e for e in (from_error, to_error) if e]
    if not errors and left_from > left_to:
        errors.append("The start of the period must be on or before its end")
    table = leavers_between(left_from, left_to) if not errors else pl.DataFrame()
    rows = table.to_dicts()
    record_many(
        request,
        "viewed",
        Worker.objects.filter(worker_id__in=[r["worker_id"] for r in rows]),
        detail=f"leavers {left_from} to {left_to}",
    )
    breakdowns = [(label, counts_by(table, column)) for column, label in BREAKDOWNS] if rows else []
    return render(
        request,
        "retention/leavers.html",
        {
            "left_from": left_from,
            "left_to": left_to,
            "errors": errors,
            "rows": rows,
            "breakdowns": breakdowns,
        },
        status=400 if errors else 200,
    )


def _caseload(row: dict[str, Any]) -> str:
    if row["last_caseload"] is None:
        return "Not known"
    text = f"{row['last_caseload']} cases"
    if row["caseload_trend"] is not None:
        text += (
            f", {TRENDS[row['caseload_trend']]} (from {row['earlier_caseload']} 13 weeks before)"
        )
    return text


def service_length(joined: date, left: date) -> tuple[int, int]:
    """Whole years and days from joining to the end of the leaving day, by the calendar."""
    end = left + timedelta(days=1)
    years = end.year - joined.year - ((end.month, end.day) < (joined.month, joined.day))
    try:
        anniversary = joined.replace(year=joined.year + years)
    except ValueError:  # joined on 29 February
        anniversary = date(joined.year + years, 3, 1)
    return years, (end - anniversary).days


def summary(row: dict[str, Any]) -> list[tuple[str, str]]:
    """What the leaver page says about one leaving, in order."""
    years, days = service_length(row["joined_on"], row["left_on"])
    return [
        ("Team", row["team_name"] or row["team_id"]),
        ("Role", f"{row['role']}" + (f" ({row['job_title']})" if row["job_title"] else "")),
        ("Contract", CONTRACTS.get(row["contract"], row["contract"]) + f", {row['fte']:g} FTE"),
        ("Joined", f"{row['joined_on']:%-d %B %Y} ({row['came_from']})"),
        ("Length of service", f"{years} years {days} days ({row['service_band']})"),
        ("Reason for leaving", row["reason"]),
        ("Destination", row["destination"]),
        ("Age band when leaving", row["age_band"]),
        ("Route into social work", row["route"]),
        ("Caseload in the last 4 weeks", _caseload(row)),
        (
            "Sickness in the year before leaving",
            f"{row['sickness_days']:g} working days in {row['sickness_spells']} "
            f"spell{'' if row['sickness_spells'] == 1 else 's'}",
        ),
    ]


@login_required
def leaver_detail(request: HttpRequest, worker_id: str) -> HttpResponse:
    worker = Worker.objects.filter(worker_id=worker_id).first()
    if worker is None:
        raise Http404("No such worker")
    sees_interviews = sees_special_category(request.user)  # type: ignore[arg-type]
    interviews = interviews_by_leaving(worker_id) if sees_interviews else {}
    leavings = []
    for row in leavings_of(worker_id).to_dicts():
        lines = summary(row)
        if sees_interviews:
            # Said in the exit interview: an individual answer, so the workforce lead's only.
            interview = interviews.get((worker_id, row["left_on"]))
            employer = interview.new_employer if interview else ""
            lines.insert(7, ("New employer", employer or "Not known"))
        leavings.append({**row, "summary": lines})
    record(request, "viewed", worker, detail="leaver page")
    context = {"worker": worker, "leavings": leavings, "sees_exit_interviews": sees_interviews}
    return render(request, "retention/leaver.html", context)
