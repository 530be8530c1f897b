"""Reviews due in the next four weeks and overdue: as text, and as the weekly email.

Each practice lead gets their own NQSWs' list: a user with the academy lead role, an email
address and a full name that is the practice lead's name on the NQSWs' records. The addresses in
STABILISE_ASYE_REPORT_RECIPIENTS (the academy's manager, say) get everyone's.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from stabilise.academy.selectors import academy_frames
from stabilise.accounts.models import Role, User
from stabilise.analytics.asye_reviews import ReviewLine, ReviewsDue, reviews_due
from stabilise.workforce.models import Worker


class NoRecipients(Exception):
    """Nobody to send the weekly reviews email to."""


@dataclass(frozen=True)
class Reviews:
    report: ReviewsDue
    names: dict[str, str]  # worker id → display name, NQSWs and mentors


def names_of(worker_ids: Iterable[str]) -> dict[str, str]:
    return dict(
        Worker.objects.filter(worker_id__in=set(worker_ids)).values_list(
            "worker_id", "display_name"
        )
    )


def reviews_as_at(as_at: date) -> Reviews:
    report = reviews_due(academy_frames(), as_at)
    lines = [*report.overdue, *report.due]
    ids = [line.worker_id for line in lines] + [
        line.mentor_worker_id for line in lines if line.mentor_worker_id
    ]
    return Reviews(report, names_of(ids))


def _line(line: ReviewLine, names: dict[str, str]) -> str:
    mentor = names.get(line.mentor_worker_id or "", "no mentor")
    paused = f", paused {line.paused_days} days" if line.paused_days else ""
    return (
        f"  {line.due_on.isoformat()}  {line.month}-month review  "
        f"{names.get(line.worker_id, line.worker_id)} (cohort {line.cohort}; "
        f"practice lead {line.practice_lead or 'none'}; mentor {mentor}{paused})"
    )


def reviews_text(reviews: Reviews, heading: str | None = None) -> str:
    report = reviews.report
    day = report.as_at.isoformat()
    lines = [heading or f"ASYE reviews as at {day}", ""]
    lines.append(f"Overdue ({len(report.overdue)}):")
    lines += [_line(line, reviews.names) for line in report.overdue] or ["  none"]
    lines.append("")
    lines.append(f"Due in the next four weeks ({len(report.due)}):")
    lines += [_line(line, reviews.names) for line in report.due] or ["  none"]
    return "\n".join(lines) + "\n"


def _practice_leads() -> dict[str, str]:
    """Practice lead's name (casefolded) → their email address."""
    leads = User.objects.filter(role=Role.ACADEMY_LEAD, is_active=True).exclude(email="")
    return {user.get_full_name().strip().casefold(): user.email for user in leads}


def weekly_messages(reviews: Reviews) -> list[EmailMessage]:
    week = reviews.report.as_at
    subject = f"ASYE reviews due and overdue: week of {week.day} {week:%B %Y}"
    messages = []
    leads = _practice_leads()
    names = {line.practice_lead for line in [*reviews.report.overdue, *reviews.report.due]} - {None}
    for name in sorted(n for n in names if n):
        address = leads.get(name.strip().casefold())
        if address:
            own = Reviews(reviews.report.for_practice_lead(name), reviews.names)
            body = reviews_text(own, f"Your NQSWs' ASYE reviews as at {week.isoformat()}")
            messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to=[address]))
    if settings.ASYE_REPORT_RECIPIENTS:
        messages.append(
            EmailMessage(
                subject,
                reviews_text(reviews),
                settings.DEFAULT_FROM_EMAIL,
                to=list(settings.ASYE_REPORT_RECIPIENTS),
            )
        )
    return messages


def send_weekly_reviews(reviews: Reviews) -> int:
    """Send each practice lead their list and the configured recipients everyone's; how many
    messages went. Raises NoRecipients when there is nobody to send to."""
    messages = weekly_messages(reviews)
    if not messages:
        raise NoRecipients(
            "Nobody to send the ASYE reviews to: give the practice leads' accounts (academy lead "
            "role, full name as on the NQSWs' records) an email address, or set "
            "STABILISE_ASYE_REPORT_RECIPIENTS (comma-separated email addresses)"
        )
    with get_connection(fail_silently=False) as connection:
        connection.send_messages(messages)
    return len(messages)
