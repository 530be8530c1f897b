"""Exit interviews: HR's list and record of each (the workforce lead only, RULES), and the
leaver's own questionnaire through a one-time link (no account; PUBLIC)."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from stabilise.accounts.audit import record
from stabilise.retention import services
from stabilise.retention.forms import AnswersForm, InterviewForm
from stabilise.retention.models import ExitInterview
from stabilise.retention.selectors import interviews_by_leaving, leavers_between, leaving_days_of
from stabilise.retention.views import parse_day
from stabilise.workforce.models import Worker

LIST_YEARS = 2


@login_required
def exit_interview_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    left_to, _ = parse_day(request.GET.get("to"), today)
    left_from, _ = parse_day(request.GET.get("from"), left_to - timedelta(days=365 * LIST_YEARS))
    table = leavers_between(left_from, left_to)
    interviews = interviews_by_leaving()
    rows = [
        {**row, "interview": interviews.get((row["worker_id"], row["left_on"]))}
        for row in table.to_dicts()
    ]
    statuses = {label: 0 for label in [*ExitInterview.Status.labels, "Not started"]}
    for row in rows:
        statuses[row["interview"].get_status_display() if row["interview"] else "Not started"] += 1
    return render(
        request,
        "retention/exit_interviews.html",
        {"rows": rows, "statuses": statuses, "left_from": left_from, "left_to": left_to},
    )


def _leaving(request: HttpRequest, days: list[date]) -> date | None:
    asked = request.GET.get("left_on") or request.POST.get("left_on")
    if not asked:
        return days[0] if days else None
    try:
        chosen = date.fromisoformat(asked)
    except ValueError:
        raise Http404("No such leaving") from None
    if chosen not in days:
        raise Http404("No such leaving")
    return chosen


@login_required
def exit_interview(request: HttpRequest, worker_id: str) -> HttpResponse:
    worker = Worker.objects.filter(worker_id=worker_id).first()
    if worker is None:
        raise Http404("No such worker")
    left_on = _leaving(request, leaving_days_of(worker_id))
    if left_on is None:
        return render(request, "retention/exit_interview.html", {"worker": worker})
    interview = ExitInterview.objects.filter(worker=worker, left_on=left_on).first()
    link = None
    form = InterviewForm(initial=InterviewForm.initial_from(interview), interview=interview)
    if request.method == "POST" and request.POST.get("action") == "link":
        token = services.questionnaire_link(worker=worker, left_on=left_on, now=timezone.now())
        link = request.build_absolute_uri(reverse("exit_questionnaire", args=[token]))
        record(request, "changed", worker, detail="exit questionnaire link made")
        interview = ExitInterview.objects.get(worker=worker, left_on=left_on)
        form = InterviewForm(initial=InterviewForm.initial_from(interview), interview=interview)
    elif request.method == "POST":
        form = InterviewForm(request.POST, interview=interview)
        if form.is_valid():
            data = form.cleaned_data
            services.record_interview(
                worker=worker,
                left_on=left_on,
                status=data["status"],
                held_on=data["held_on"],
                held_by=data["held_by"],
                regretted=form.regretted_value(),
                would_return=data["would_return"],
                comments=data["comments"],
                new_employer=data["new_employer"],
                themes=form.themes(),
            )
            record(request, "changed", worker, special=True, detail="exit interview")
            messages.success(request, "Exit interview saved")
            return redirect(f"{reverse('exit_interview', args=[worker_id])}?left_on={left_on}")
    record(request, "viewed", worker, special=True, detail="exit interview")
    return render(
        request,
        "retention/exit_interview.html",
        {
            "worker": worker,
            "left_on": left_on,
            "interview": interview,
            "form": form,
            "link": link,
            "link_days": services.LINK_VALID_FOR.days,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def exit_questionnaire(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    try:
        link = services.open_questionnaire(token, now)
    except services.LinkRefused as refused:
        return render(
            request, "retention/questionnaire_refused.html", {"why": str(refused)}, status=410
        )
    form = AnswersForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_questionnaire(
                signed_token=token,
                now=now,
                themes=form.themes(),
                regretted=form.regretted_value(),
                would_return=form.cleaned_data["would_return"],
                comments=form.cleaned_data["comments"],
                new_employer=form.cleaned_data["new_employer"],
            )
        except services.LinkRefused as refused:
            return render(
                request, "retention/questionnaire_refused.html", {"why": str(refused)}, status=410
            )
        return render(request, "retention/questionnaire_thanks.html")
    return render(
        request,
        "retention/questionnaire.html",
        {"form": form, "name": link.interview.worker.display_name},
    )
