"""Early warnings: the occurrences (workforce lead and service managers) and the rules (the
workforce lead's to add, change and switch off; every change kept). Who may open each page is
in accounts.access.RULES.

Which leavers cited a theme is what individual leavers said: on an occurrence of a theme rule
the names are for the workforce lead only (sees_special_category); service managers see how
many. Leavers of destination and team rules are named to both, as on the leavers page.
"""

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from stabilise.accounts.access import may_open, sees_special_category
from stabilise.accounts.audit import record_many
from stabilise.accounts.models import User
from stabilise.analytics import early_warnings as analytics
from stabilise.retention import alert_services
from stabilise.retention.alert_email import in_words
from stabilise.retention.alert_forms import RuleForm
from stabilise.retention.alert_models import EarlyWarningRule
from stabilise.retention.alert_selectors import Found, all_leavers, early_warnings_as_at, rules
from stabilise.retention.views import parse_day
from stabilise.workforce.models import Worker

YEARS = 2


def _status(found: Found, as_at: date, today: date) -> str:
    warning = found.warning
    if warning is not None and warning.emailed_at is not None:
        when = timezone.localtime(warning.emailed_at)
        people = f"{warning.emailed_to} {'person' if warning.emailed_to == 1 else 'people'}"
        return f"Emailed on {when:%-d %B %Y} to {people}"
    if warning is not None:
        return f"Recorded on {warning.found_on:%-d %B %Y}"
    if found.occurrence.current(as_at):
        return (
            "Not emailed yet: the next daily check emails it" if as_at == today else "Not emailed"
        )
    return "Not emailed: it was over before the daily check found it"


@login_required
def early_warnings(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    today = timezone.localdate()
    as_at, to_error = parse_day(request.GET.get("to"), today)
    since, from_error = parse_day(request.GET.get("from"), as_at - timedelta(days=365 * YEARS))
    errors = [e for e in (from_error, to_error) if e]
    if not errors and as_at > today:
        errors.append("The end of the period cannot be after today")
        as_at = today
    leavers = all_leavers()
    found = [
        f
        for f in early_warnings_as_at(as_at, leavers)
        if f.occurrence.leavings and f.occurrence.leavings[-1].left_on >= since
    ]
    people = {(row["worker_id"], row["left_on"]): row for row in leavers.to_dicts()}
    names_themes = sees_special_category(request.user)
    shown: list[Any] = []
    named: set[str] = set()
    named_special: set[str] = set()
    for f in found:
        o = f.occurrence
        names = f.rule.kind != analytics.THEME or names_themes
        leavings = [
            people.get((x.worker_id, x.left_on), {"worker_id": x.worker_id, "left_on": x.left_on})
            for x in o.leavings
        ]
        if names:
            (named_special if f.rule.kind == analytics.THEME else named).update(
                x.worker_id for x in o.leavings
            )
        shown.append(
            {
                "found": f,
                "id": f.warning.pk if f.warning else None,
                "headline": in_words(f.rule.kind, f.label, o.leavers),
                "status": _status(f, as_at, today),
                "names": names,
                "leavings": leavings if names else [],
                "exit_interviews": f.rule.kind == analytics.THEME,
            }
        )
    for ids, special in ((named, False), (named_special, True)):
        if ids:
            record_many(
                request,
                "viewed",
                Worker.objects.filter(worker_id__in=ids),
                special=special,
                detail="early warnings",
            )
    context = {
        "as_at": as_at,
        "since": since,
        "errors": errors,
        "shown": shown,
        "rules": [r for r in rules() if r.is_on],
        "may_change_rules": may_open(request.user, "early_warning_rules"),
    }
    return render(request, "retention/early_warnings.html", context, status=400 if errors else 200)


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    return render(request, "retention/early_warning_rules.html", {"rules": rules()})


def _history(rule: EarlyWarningRule) -> list[dict[str, Any]]:
    """Each version of the rule, newest first, with what changed from the one before."""
    versions = list(rule.history.select_related("history_user").order_by("-history_date", "-pk"))
    rows = []
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        if older is None:
            what = "Added: " + newer.instance.description
        else:
            diff = newer.diff_against(older)
            changed = {c.field for c in diff.changes}
            what = "Changed to: " + newer.instance.description if changed - {"is_on"} else ""
            if "is_on" in changed:
                what = ("Switched on" if newer.is_on else "Switched off") + (
                    f"; {what[0].lower()}{what[1:]}" if what else ""
                )
            what = what or "Saved with no change"
        user = newer.history_user
        rows.append(
            {
                "when": timezone.localtime(newer.history_date),
                "who": (user.get_full_name() or user.get_username()) if user else "Stabilise",
                "what": what,
                "reason": newer.history_change_reason or "",
            }
        )
    return rows


def _save(form: RuleForm, rule: EarlyWarningRule | None) -> EarlyWarningRule:
    data = form.cleaned_data
    return alert_services.save_rule(
        rule=rule,
        kind=form.kind_value(),
        threshold=data["threshold"],
        window_days=data["window_days"],
        theme=data["theme"],
        destination=data["destination"],
        team=data["team"],
        is_on=data["is_on"],
    )


@login_required
def rule_new(request: HttpRequest) -> HttpResponse:
    form = RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, None)
        messages.success(request, f"Rule added: {saved.description}")
        return redirect("early_warning_rules")
    return render(
        request,
        "retention/early_warning_rule.html",
        {
            "form": form,
            "title": "Add an early-warning rule",
            "back": reverse("early_warning_rules"),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def rule_change(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = get_object_or_404(EarlyWarningRule.objects.select_related("theme", "team"), pk=rule_id)
    form = RuleForm(request.POST or None, initial=RuleForm.initial_from(rule), rule=rule)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, rule)
        messages.success(request, f"Rule saved: {saved.description}")
        return redirect("early_warning_rules")
    context = {
        "form": form,
        "title": "Change an early-warning rule",
        "caption": rule.get_kind_display(),
        "back": reverse("early_warning_rules"),
        "rule": rule,
        "history": _history(rule),
        "found": rule.warnings.count(),
    }
    return render(
        request,
        "retention/early_warning_rule.html",
        context,
        status=400 if form.is_bound else 200,
    )
