"""`stabilise alerts [--send] [--as-at D]`: the daily early-warning check.

Without --send it lists the occurrences current on D (those not yet emailed marked new) and
changes nothing; with --send it records and emails each new one, once.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from stabilise.command_line import iso_date, plain
from stabilise.retention.alert_email import in_words
from stabilise.retention.alert_selectors import (
    Found,
    early_warning_recipients,
    early_warnings_as_at,
    new_early_warnings,
)
from stabilise.retention.alert_services import NoRecipients, send_early_warnings


def _line(found: Found, new: bool) -> str:
    o = found.occurrence
    mark = "NEW " if new else "    "
    return (
        f"{mark}{in_words(found.rule.kind, found.label, o.leavers)}, "
        f"{o.first_left_on.isoformat()} to {o.leavings[-1].left_on.isoformat()} "
        f"(rule {found.rule.pk}: {found.rule.description})"
    )


class Command(BaseCommand):
    help = "Check the early-warning rules; with --send, email each new occurrence once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--as-at", metavar="YYYY-MM-DD", help="the day of the check; default: today"
        )
        parser.add_argument(
            "--send",
            action="store_true",
            help="record and email each new occurrence to the workforce lead and service managers",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        as_at = iso_date(options["as_at"], "--as-at") if options["as_at"] else today
        if as_at > today:
            raise CommandError("--as-at cannot be after today: leavers to come are not known")
        found = early_warnings_as_at(as_at)
        new = new_early_warnings(found, as_at)
        if not options["send"]:
            current = [f for f in found if f.occurrence.current(as_at)]
            self.stdout.write(
                f"Early warnings current on {as_at.isoformat()}: {len(current)} "
                f"({len(new)} not yet emailed)",
                style_func=plain,
            )
            news = {id(f) for f in new}
            for f in current:
                self.stdout.write(_line(f, id(f) in news), style_func=plain)
            return
        try:
            sent = send_early_warnings(
                new, as_at=as_at, now=timezone.now(), recipients=early_warning_recipients()
            )
        except NoRecipients as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sent {len(sent.warnings)} early warning(s) as at {as_at.isoformat()} "
            f"to {sent.recipients} recipient(s)",
            style_func=plain,
        )
