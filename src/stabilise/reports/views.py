"""The reports' pages. Figures come from analytics through each report's selectors; the views
choose the week and who may see what."""

from datetime import date, timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stabilise.accounts.models import Role
from stabilise.reports.weekly_caseload import workbook
from stabilise.reports.weekly_caseload.chart import weekly_chart
from stabilise.reports.weekly_caseload.display import history_tables
from stabilise.reports.weekly_caseload.selectors import (
    BadWeekEnding,
    default_week_ending,
    week_ending_from,
    weekly_caseload,
)

# Who sees the names of the workers above the caseload threshold. A later issue brings full
# access control (a team manager's own teams only); until then, role alone decides.
SEES_NAMES = {Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER, Role.TEAM_MANAGER}
# How many weeks the week picker offers.
PICKER_WEEKS = 52


def _week_choices(chosen: date) -> list[date]:
    """The last PICKER_WEEKS Fridays, newest first, and the chosen week if it is not one."""
    latest = default_week_ending()
    weeks = [latest - timedelta(weeks=n) for n in range(PICKER_WEEKS)]
    if chosen not in weeks:
        weeks = sorted([*weeks, chosen], reverse=True)
    return weeks


@login_required
def weekly_caseload_page(request: HttpRequest) -> HttpResponse:
    asked = request.GET.get("week_ending")
    try:
        week_ending = week_ending_from(asked)
    except BadWeekEnding as error:
        context: dict[str, Any] = {
            "error": str(error),
            "asked": asked,
            "weeks": _week_choices(default_week_ending()),
            "week_ending": None,
        }
        return render(request, "reports/weekly_caseload.html", context, status=400)

    data = weekly_caseload(week_ending)
    council = data.report.council
    weeks = data.report.week_endings
    averages = [w.average for w in council.history] + [council.average]
    trends = [w.trend for w in council.history] + [council.trend]
    sees_names = getattr(request.user, "role", None) in SEES_NAMES
    context = {
        "data": data,
        "report": data.report,
        "week_ending": week_ending,
        "week": f"{week_ending.day} {week_ending:%B %Y}",
        "weeks": _week_choices(week_ending),
        "history_weeks": weeks,
        "history_tables": history_tables(data.report),
        "chart": weekly_chart(weeks, [averages, trends]),
        "chart_rows": list(zip(weeks, averages, trends, strict=True)),
        "sees_names": sees_names,
        "workers_above": data.workers_above if sees_names else [],
    }
    return render(request, "reports/weekly_caseload.html", context)


@login_required
def weekly_caseload_xlsx(request: HttpRequest) -> HttpResponse:
    try:
        week_ending = week_ending_from(request.GET.get("week_ending"))
    except BadWeekEnding as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    data = weekly_caseload(week_ending)
    response = HttpResponse(
        workbook.weekly_caseload_workbook(data.report, data.council_name),
        content_type=workbook.CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{workbook.file_name(week_ending)}"'
    return response
