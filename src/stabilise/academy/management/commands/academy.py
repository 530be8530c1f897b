"""`stabilise academy ...`: the ASYE academy's figures for committee and its weekly reviews.

stabilise academy cohorts [--as-at D] [--format json|table|xlsx] [--output FILE]
stabilise academy reviews [--as-at D] [--send]
"""

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stabilise.academy import cohort_report
from stabilise.academy.reviews_report import (
    NoRecipients,
    reviews_as_at,
    reviews_text,
    send_weekly_reviews,
)
from stabilise.academy.selectors import academy_frames
from stabilise.analytics.academy import cohort_table, progression
from stabilise.command_line import iso_date, plain

FORMATS = ("json", "table", "xlsx")


class Command(BaseCommand):
    help = "The ASYE academy: `stabilise academy cohorts` or `stabilise academy reviews`."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="what", required=True, metavar="WHAT")
        cohorts = commands.add_parser(
            "cohorts",
            help="the cohort retention table (contracts/academy.md)",
            description="Each cohort's NQSWs, completions, who remains and who left, as at D.",
        )
        cohorts.add_argument("--as-at", metavar="YYYY-MM-DD", help="default: today")
        cohorts.add_argument(
            "--format", choices=FORMATS, help="default: from --output's extension, else json"
        )
        cohorts.add_argument("--output", metavar="FILE", help="write to FILE (needed for xlsx)")
        reviews = commands.add_parser(
            "reviews",
            help="reviews due in the next four weeks and overdue",
            description="The 3, 6, 9 and 12-month reviews overdue on D or due within 28 days.",
        )
        reviews.add_argument("--as-at", metavar="YYYY-MM-DD", help="default: today")
        reviews.add_argument(
            "--send",
            action="store_true",
            help="email each practice lead their NQSWs' reviews (and STABILISE_ASYE_REPORT_RECIPIENTS all)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_at = iso_date(options["as_at"], "--as-at") if options["as_at"] else dt.date.today()
        if options["what"] == "cohorts":
            self._cohorts(as_at, options)
        else:
            self._reviews(as_at, send=options["send"])

    def _cohorts(self, as_at: dt.date, options: dict[str, Any]) -> None:
        output = Path(options["output"]) if options["output"] else None
        format = options["format"]
        if format is None:
            suffix = output.suffix.lower().lstrip(".") if output else ""
            format = suffix if suffix in FORMATS else "json"
        if format == "xlsx" and output is None:
            raise CommandError("--format xlsx writes a workbook: give --output FILE.xlsx")
        frames = academy_frames()
        table = cohort_table(frames, as_at)
        content: str | bytes
        if format == "xlsx":
            content = cohort_report.cohort_workbook(
                table, progression(frames, as_at), settings.COUNCIL_NAME
            )
        elif format == "table":
            content = cohort_report.cohort_text(table)
        else:
            content = cohort_report.cohort_json(table)
        if output is None:
            self.stdout.write(str(content), ending="")
            return
        try:
            if isinstance(content, bytes):
                output.write_bytes(content)
            else:
                output.write_text(content, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from None
        self.stdout.write(f"Wrote {output}", style_func=plain)

    def _reviews(self, as_at: dt.date, *, send: bool) -> None:
        reviews = reviews_as_at(as_at)
        if not send:
            self.stdout.write(reviews_text(reviews), ending="")
            return
        try:
            sent = send_weekly_reviews(reviews)
        except NoRecipients as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sent {sent} email(s) of ASYE reviews as at {as_at.isoformat()}", style_func=plain
        )
