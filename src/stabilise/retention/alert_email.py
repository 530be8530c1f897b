"""The early-warning email: one per occurrence, plain text and HTML, through Django's email
backend (settings EMAIL_*).

It names nobody and quotes nothing a leaver said: a theme appears only as the number of leavers
who cited it. Who they were is on the early-warnings page, where the access rules apply.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from stabilise.analytics import early_warnings as analytics
from stabilise.retention.alert_models import EarlyWarning

WHAT = {
    analytics.THEME: "cited “{label}” in their exit interviews",
    analytics.DESTINATION: "went to “{label}”",
    analytics.TEAM: "left {label}",
}


def page_link(warning: EarlyWarning) -> str:
    """The occurrence on the early-warnings page; a full address when STABILISE_SITE_URL is set."""
    return f"{settings.SITE_URL}{reverse('early_warnings')}#warning-{warning.pk}"


def in_words(kind: str, label: str, leavers: int) -> str:
    """ "3 leavers cited “Pay” in their exit interviews"."""
    return f"{leavers} leaver{'' if leavers == 1 else 's'} " + WHAT[kind].format(label=label)


def _context(warning: EarlyWarning, last_left_on: date) -> dict[str, Any]:
    return {
        "council_name": settings.COUNCIL_NAME,
        "headline": in_words(warning.rule.kind, warning.key_label, warning.leavers),
        "warning": warning,
        "rule": warning.rule.description,
        "last_left_on": last_left_on,
        "window_ends_on": warning.first_left_on + timedelta(days=warning.window_days),
        "link": page_link(warning),
        "full_link": bool(settings.SITE_URL),
    }


def early_warning_message(
    warning: EarlyWarning, *, last_left_on: date, recipients: Sequence[str]
) -> EmailMultiAlternatives:
    context = _context(warning, last_left_on)
    message = EmailMultiAlternatives(
        subject=f"Early warning: {context['headline']}",
        body=render_to_string("retention/early_warning_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
    )
    message.attach_alternative(
        render_to_string("retention/early_warning_email.html", context), "text/html"
    )
    return message
