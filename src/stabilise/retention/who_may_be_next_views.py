"""Who may be next: workers in post whose circumstances are those recent leavers had, each with
the reasons in words (never a score), and how many of the last year's leavers had each.

Managers only (RULES): a team manager sees the workers of their own teams (visible_workers).
Sickness is health data: the workforce lead reads "long sickness absence", everyone else a
neutral "long absence" (sees_special_category). Every opening is audited: it names people.
"""

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise.accounts.access import sees_special_category, visible_workers
from stabilise.accounts.audit import record_many
from stabilise.accounts.models import User
from stabilise.analytics import who_may_be_next as signs
from stabilise.retention.who_may_be_next_selectors import who_may_be_next_as_at
from stabilise.workforce.models import Worker

SORTS = {
    "reasons": ("Number of reasons", lambda r: (-r["reasons"], r["name"].casefold())),
    "name": ("Name", lambda r: (r["name"].casefold(), r["worker_id"])),
    "team": ("Team", lambda r: ((r["team_name"] or "").casefold(), r["name"].casefold())),
}


def circumstance_label(circumstance: str, *, health: bool) -> str:
    return {
        signs.HIGH_CASELOAD: "High caseload for weeks",
        signs.REVIEW_OVERDUE: "ASYE review overdue",
        signs.SUPERVISION_OVERDUE: "Reflective supervision overdue",
        signs.AFTER_ASYE: "Just past the ASYE",
        signs.LONG_SICKNESS: "Long sickness absence" if health else "Long absence",
    }[circumstance]


def _day(on: date) -> str:
    return f"{on.day} {on:%B %Y}"


def _reviews(months: list[int]) -> str:
    names = [f"{m}-month" for m in months]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"the {joined} review{'s' if len(names) > 1 else ''}"


def reasons_in_words(row: dict[str, Any], *, health: bool) -> list[str]:
    """What applies to this worker, each in a sentence with its figures."""
    words = []
    if row[signs.HIGH_CASELOAD]:
        text = (
            f"Caseload at least {signs.CASELOAD_ABOVE_PCT}% above the team's average in "
            f"{row['weeks_above']} of the last {signs.CASELOAD_WEEKS} weeks"
        )
        if row["caseload"] is not None and row["team_average"] is not None:
            text += (
                f" ({row['caseload']} cases in the latest week; the team's average "
                f"{row['team_average']:.1f})"
            )
        words.append(text)
    if row[signs.REVIEW_OVERDUE]:
        words.append(f"ASYE review overdue: {_reviews(row['overdue_reviews'])}")
    if row[signs.SUPERVISION_OVERDUE]:
        last = row["last_supervision_on"]
        words.append(
            "Reflective supervision overdue: "
            + (f"the last was on {_day(last)}" if last else "none recorded on this ASYE")
        )
    if row[signs.AFTER_ASYE]:
        words.append(
            f"Passed the ASYE on {_day(row['asye_completed_on'])}, "
            f"less than {signs.AFTER_ASYE_MONTHS} months ago"
        )
    if row[signs.LONG_SICKNESS]:
        label = circumstance_label(signs.LONG_SICKNESS, health=health)
        words.append(
            f"{label}: {row['sickness_days']:g} working days in the last 12 months, "
            f"the longest lasting {row['longest_spell_days']} calendar days"
        )
    return words


def definitions(*, health: bool) -> list[tuple[str, str]]:
    """Each circumstance and exactly when it applies, for the page's definitions list."""
    return [
        (
            circumstance_label(signs.HIGH_CASELOAD, health=health),
            f"In at least {signs.CASELOAD_WEEKS_ABOVE} of the last {signs.CASELOAD_WEEKS} weeks "
            f"(to each Friday), a caseload at least {signs.CASELOAD_ABOVE_PCT}% above the "
            "average of the case holders in their team, as in the weekly caseload report.",
        ),
        (
            circumstance_label(signs.REVIEW_OVERDUE, health=health),
            "On the ASYE with a 3, 6 or 12-month review past its due date (moved on by long "
            "absences) and not held. The 9-month review is optional.",
        ),
        (
            circumstance_label(signs.SUPERVISION_OVERDUE, health=health),
            f"On the ASYE with no reflective supervision in the last "
            f"{signs.SUPERVISION_DUE_DAYS} days (counted from the start of the ASYE if none "
            "yet).",
        ),
        (
            circumstance_label(signs.AFTER_ASYE, health=health),
            f"Passed the ASYE in the last {signs.AFTER_ASYE_MONTHS} months.",
        ),
        (
            circumstance_label(signs.LONG_SICKNESS, health=health),
            f"{'Sickness absences' if health else 'Absences of some kinds'} starting in the last "
            f"12 months that lost {signs.SICKNESS_DAYS} working days or more between them, or "
            f"one that lasted {signs.SICKNESS_SPELL_DAYS} days (4 weeks) or more."
            + ("" if health else " Which kinds is health data, for the workforce lead only."),
        ),
    ]


def weeks(n: int) -> str:
    return f"{n} week{'' if n == 1 else 's'}"


def _share(part: int, whole: int) -> str:
    if whole == 0:
        return "none to count"
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


@login_required
def who_may_be_next(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    today = timezone.localdate()
    health = sees_special_category(request.user)
    found = who_may_be_next_as_at(today)
    visible = set(visible_workers(request.user, today).values_list("worker_id", flat=True))
    rows = [
        {
            **row,
            "name": row["display_name"] or row["worker_id"],
            "words": reasons_in_words(row, health=health),
        }
        for row in found.workers.to_dicts()
        if row["worker_id"] in visible
    ]
    asked = request.GET.get("sort", "")
    sort = asked if asked in SORTS else "reasons"
    rows.sort(key=SORTS[sort][1])
    for special in (False, True):
        listed = [
            r["worker_id"] for r in rows if bool(health and r[signs.LONG_SICKNESS]) == special
        ]
        if listed:
            record_many(
                request,
                "viewed",
                Worker.objects.filter(worker_id__in=listed),
                special=special,
                detail="who may be next",
            )
    grounding = [
        {
            "label": circumstance_label(g.circumstance, health=health),
            "leavers": _share(g.leavers_with, g.leavers),
            "in_post": _share(g.in_post_with, g.in_post),
        }
        for g in found.grounding
    ]
    context = {
        "as_at": found.as_at,
        "rows": rows,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
        "grounding": grounding,
        "supervision_looked_for": found.supervision_looked_for,
        "definitions": definitions(health=health),
        "notice_weeks": found.notice_weeks,
        "notice": weeks(found.notice_weeks),
        "health": health,
    }
    return render(request, "retention/who_may_be_next.html", context)
