"""The weekly email, through whatever email backend settings choose (SMTP in production, the
console in development, memory in tests).

Two audiences get two different messages: the committee list (councillors, the director) gets
aggregates only, small numbers suppressed (suppressed.py); the managers' list also gets the names
of the workers above the threshold. Each carries the workbook of what it shows, without names.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from stabilise.reports.weekly_caseload import workbook
from stabilise.reports.weekly_caseload.render import weekly_caseload_html, weekly_caseload_text
from stabilise.reports.weekly_caseload.selectors import WeeklyCaseload
from stabilise.reports.weekly_caseload.suppressed import for_aggregates_only


class NoRecipients(Exception):
    """Neither list of recipients is configured: there is nobody to send the report to."""


@dataclass(frozen=True)
class Sent:
    committee: int
    managers: int


def _message(
    data: WeeklyCaseload, recipients: Sequence[str], attachment: bytes, *, for_managers: bool
) -> EmailMultiAlternatives:
    week = data.week_ending
    subject = f"Weekly caseload report: week ending {week.day} {week:%B %Y}"
    if for_managers:
        subject += " (for managers)"
    message = EmailMultiAlternatives(
        subject=subject,
        body=weekly_caseload_text(data, for_managers=for_managers, suppress=not for_managers),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
    )
    html = weekly_caseload_html(data, for_managers=for_managers, suppress=not for_managers)
    message.attach_alternative(html, "text/html")
    message.attach(workbook.file_name(week), attachment, workbook.CONTENT_TYPE)
    return message


def weekly_caseload_messages(
    data: WeeklyCaseload, *, recipients: Sequence[str], manager_recipients: Sequence[str]
) -> list[EmailMultiAlternatives]:
    """One message per audience that has anyone in it, the committee's first."""
    messages = []
    if recipients:
        committee = for_aggregates_only(data.report)
        attachment = workbook.weekly_caseload_workbook(committee, data.council_name)
        messages.append(_message(data, recipients, attachment, for_managers=False))
    if manager_recipients:
        attachment = workbook.weekly_caseload_workbook(data.report, data.council_name)
        messages.append(_message(data, manager_recipients, attachment, for_managers=True))
    return messages


def send_weekly_caseload(
    data: WeeklyCaseload,
    *,
    recipients: Sequence[str] | None = None,
    manager_recipients: Sequence[str] | None = None,
) -> Sent:
    """Send to the given lists, by default those in settings. Raises NoRecipients when both
    are empty, rather than succeeding at sending nothing."""
    committee = list(settings.WEEKLY_REPORT_RECIPIENTS if recipients is None else recipients)
    managers = list(
        settings.WEEKLY_REPORT_MANAGER_RECIPIENTS
        if manager_recipients is None
        else manager_recipients
    )
    if not committee and not managers:
        raise NoRecipients(
            "No recipients for the weekly caseload report: set "
            "STABILISE_WEEKLY_REPORT_RECIPIENTS and/or STABILISE_WEEKLY_REPORT_MANAGER_RECIPIENTS "
            "(comma-separated email addresses)"
        )
    messages = weekly_caseload_messages(data, recipients=committee, manager_recipients=managers)
    # One connection for both messages: one SMTP session, and an error stops the run loudly.
    with get_connection(fail_silently=False) as connection:
        connection.send_messages(messages)
    return Sent(committee=len(committee), managers=len(managers))
