"""A person's record: details, assignments as a timeline, caseload history, absences.

Who may open whose record is access.worker_or_404's; what of it they see (special-category
data) is access.sees_special_category's. Figures come from analytics.caseload_views.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise.accounts.access import (
    may_open,
    sees_special_category,
    visible_teams,
    worker_or_404,
)
from stabilise.accounts.audit import record
from stabilise.accounts.models import User
from stabilise.analytics.weekly_caseload import last_friday
from stabilise.ui.charts.lines import COMPARISON, FIGURE, LineChart, lines_chart
from stabilise.ui.figures import caseload_history_of, history_dates, history_frames
from stabilise.ui.templatetags.stabilise_ui import NOT_AVAILABLE, one_decimal
from stabilise.workforce.models import Worker


@dataclass(frozen=True)
class HistoryRow:
    week_ending: date
    team: str
    caseload: str
    team_average: str


def _history(worker: Worker, today: date) -> tuple[LineChart, list[HistoryRow]]:
    friday = last_friday(today)
    dates = history_dates(friday)
    points = caseload_history_of(worker.worker_id, friday)
    teams = history_frames(friday).teams
    names = dict(zip(teams["team_id"], teams["team_name"], strict=True))
    chart = lines_chart(
        "caseload-history",
        "Caseload and team average",
        dates,
        [
            ("Caseload", FIGURE, [p.caseload for p in points]),
            ("Team average", COMPARISON, [p.team_average for p in points]),
        ],
        # One label a quarter, counted back from the latest: a year of weeks has 5.
        label=lambda when: f"{when.day} {when:%b %Y}",
        every=13,
    )
    rows = [
        HistoryRow(
            p.on,
            names.get(p.team_id, p.team_id) if p.team_id else "Not in a team",
            NOT_AVAILABLE if p.caseload is None else str(p.caseload),
            one_decimal(p.team_average),
        )
        for p in points
    ]
    return chart, rows


@login_required
def worker_detail(request: HttpRequest, worker_id: str) -> HttpResponse:
    today = timezone.localdate()
    user = request.user
    assert isinstance(user, User)
    worker = worker_or_404(user, worker_id, today)
    special = sees_special_category(user)
    # Who opened whose record, and whether special-category data was on the page.
    record(request, "viewed", worker=worker, special=special, detail="worker page")
    linked_teams: set[str] = set()
    if may_open(user, "team"):
        linked_teams = set(visible_teams(user).values_list("team_id", flat=True))
    chart, history = _history(worker, today)
    return render(
        request,
        "ui/worker.html",
        {
            "today": today,
            "worker": worker,
            "special": special,
            "linked_teams": linked_teams,
            "assignments": worker.assignments.select_related("team", "post").order_by(
                "start_date", "assignment_id"
            ),
            "absences": worker.absences.order_by("-start_date"),
            "chart": chart,
            "history": history,
        },
    )
