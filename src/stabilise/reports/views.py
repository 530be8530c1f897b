"""The reports' pages. Figures come from analytics through each report's selectors; the views
choose the week and who may see what."""

from datetime import date, timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stabilise.accounts.access import sees_named_workers, suppresses_small_numbers, visible_teams
from stabilise.accounts.audit import record, record_many
from stabilise.accounts.models import User
from stabilise.analytics.suppression import SUPPRESSED
from stabilise.analytics.weekly_caseload import WorkerAbove
from stabilise.figures.cache import cached
from stabilise.reports.weekly_caseload import workbook
from stabilise.reports.weekly_caseload.chart import weekly_chart
from stabilise.reports.weekly_caseload.display import history_tables
from stabilise.reports.weekly_caseload.selectors import (
    BadWeekEnding,
    WeeklyCaseload,
    default_week_ending,
    week_ending_from,
    weekly_caseload,
)
from stabilise.reports.weekly_caseload.suppressed import for_aggregates_only
from stabilise.workforce.models import Worker

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
    user = request.user
    assert isinstance(user, User)
    suppress = suppresses_small_numbers(user)
    # The report as shown (suppressed or not), its tables and chart: the same for everyone who
    # sees the same.
    shown = cached("weekly-caseload-shown", (week_ending, suppress), lambda: _shown(data, suppress))
    sees_names = sees_named_workers(user)
    named = _named_workers(request, user, data.workers_above) if sees_names else []
    context = {
        **shown,
        "data": data,
        "suppressed": suppress,
        "week_ending": week_ending,
        "week": f"{week_ending.day} {week_ending:%B %Y}",
        "weeks": _week_choices(week_ending),
        "sees_names": sees_names,
        "workers_above": named,
    }
    return render(request, "reports/weekly_caseload.html", context)


def _shown(data: WeeklyCaseload, suppress: bool) -> dict[str, Any]:
    report = for_aggregates_only(data.report) if suppress else data.report
    council = report.council
    weeks = report.week_endings
    averages = [w.average for w in council.history] + [council.average]
    trends = [w.trend for w in council.history] + [council.trend]
    return {
        "report": report,
        "history_weeks": weeks,
        "history_tables": history_tables(report),
        "chart": weekly_chart(weeks, [_plotted(averages), _plotted(trends)]),
        "chart_rows": list(zip(weeks, averages, trends, strict=True)),
    }


def _plotted(values: list[Any]) -> list[float | None]:
    """A withheld figure is a gap in the chart's line, as a missing one is."""
    return [None if value == SUPPRESSED else value for value in values]


def _named_workers(request: HttpRequest, user: User, above: list[WorkerAbove]) -> list[WorkerAbove]:
    """The workers above the threshold in the teams this user may see, audited as seen."""
    teams = set(visible_teams(user).values_list("team_id", flat=True))
    named = [worker for worker in above if worker.team_id in teams]
    people = Worker.objects.filter(worker_id__in=[w.worker_id for w in named])
    record_many(request, "viewed", people, detail="weekly caseload report: above the threshold")
    return named


@login_required
def weekly_caseload_xlsx(request: HttpRequest) -> HttpResponse:
    try:
        week_ending = week_ending_from(request.GET.get("week_ending"))
    except BadWeekEnding as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    data = weekly_caseload(week_ending)
    suppress = suppresses_small_numbers(request.user)  # type: ignore[arg-type]
    report = for_aggregates_only(data.report) if suppress else data.report
    record(request, "exported", detail=f"weekly caseload workbook, week ending {week_ending}")
    response = HttpResponse(
        workbook.weekly_caseload_workbook(report, data.council_name),
        content_type=workbook.CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{workbook.file_name(week_ending)}"'
    return response
