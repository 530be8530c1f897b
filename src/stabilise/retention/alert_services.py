"""Writes for early warnings: the workforce lead's rules, and recording and emailing each new
occurrence exactly once.

Once, even with two checks running at the same moment: an occurrence is recorded (unique on rule,
key and first leaving day) and emailed inside one transaction. The second check's insert waits
for the first's transaction and then fails on the constraint, so it sends nothing; if the email
cannot be sent, the record is rolled back and the next check tries again.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.mail import get_connection
from django.db import IntegrityError, transaction

from stabilise.retention.alert_email import early_warning_message
from stabilise.retention.alert_models import EarlyWarning, EarlyWarningRule
from stabilise.retention.alert_selectors import Found
from stabilise.retention.models import Theme
from stabilise.workforce.models import Team


class NoRecipients(Exception):
    """Nobody to send early warnings to."""


NO_RECIPIENTS = (
    "Nobody to send early warnings to: give the workforce lead's or a service manager's "
    "account an email address, or set STABILISE_EARLY_WARNING_RECIPIENTS (comma-separated "
    "email addresses)"
)


@transaction.atomic
def save_rule(
    *,
    rule: EarlyWarningRule | None = None,
    kind: str,
    threshold: int,
    window_days: int,
    theme: Theme | None = None,
    destination: int | None = None,
    team: Team | None = None,
    is_on: bool = True,
    reason: str = "",
) -> EarlyWarningRule:
    """Add a rule, or change one (its kind stays: a rule about something else is a new rule,
    so that what it found before still means what it meant)."""
    if rule is None:
        rule = EarlyWarningRule(kind=kind)
    rule.threshold = threshold
    rule.window_days = window_days
    rule.theme = theme
    rule.destination = destination
    rule.team = team
    rule.is_on = is_on
    rule._change_reason = reason[:100] or None  # type: ignore[attr-defined]
    rule.full_clean()
    rule.save()
    return rule


@dataclass(frozen=True)
class Sent:
    warnings: list[EarlyWarning]
    recipients: int


def _record(found: Found, as_at: date, now: datetime) -> EarlyWarning:
    occurrence = found.occurrence
    reached = occurrence.reached_on
    assert reached is not None, "only an occurrence that reached its threshold is news"
    return EarlyWarning.objects.create(
        rule=found.rule,
        key=occurrence.key,
        key_label=occurrence.label[:200],
        first_left_on=occurrence.first_left_on,
        reached_on=reached,
        threshold=occurrence.threshold,
        window_days=occurrence.window_days,
        leavers=occurrence.leavers,
        found_on=as_at,
        recorded_at=now,
    )


def send_early_warnings(
    new: Iterable[Found], *, as_at: date, now: datetime, recipients: Sequence[str]
) -> Sent:
    """Record and email each of `new` (selectors.new_early_warnings) that no other check has
    recorded first. Raises NoRecipients when there is nobody to send to, whether or not there
    is news: a check that could never tell anyone must not pass for working."""
    if not recipients:
        raise NoRecipients(NO_RECIPIENTS)
    sent: list[EarlyWarning] = []
    with get_connection(fail_silently=False) as connection:
        for found in new:
            try:
                with transaction.atomic():
                    warning = _record(found, as_at, now)
                    message = early_warning_message(
                        warning,
                        last_left_on=found.occurrence.leavings[-1].left_on,
                        recipients=recipients,
                    )
                    connection.send_messages([message])
                    warning.emailed_at = now
                    warning.emailed_to = len(recipients)
                    warning.save(update_fields=["emailed_at", "emailed_to"])
            except IntegrityError:
                continue  # another check recorded (and emailed) it first
            sent.append(warning)
    return Sent(sent, len(recipients))
