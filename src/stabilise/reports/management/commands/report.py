"""`stabilise report REPORT ...`: the council's reports, one subcommand each.

    stabilise report weekly-caseload [--week-ending W] [--format json|html|xlsx] [--output FILE]
                                     [--send]

Later reports (the committee pack, the CSWW return) join as further subcommands.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stabilise.command_line import plain
from stabilise.reports.weekly_caseload import workbook
from stabilise.reports.weekly_caseload.email import NoRecipients, send_weekly_caseload
from stabilise.reports.weekly_caseload.render import weekly_caseload_html, weekly_caseload_json
from stabilise.reports.weekly_caseload.selectors import (
    BadWeekEnding,
    week_ending_from,
    weekly_caseload,
)

FORMATS = ("json", "html", "xlsx")


class Command(BaseCommand):
    help = "The council's reports. Run `stabilise report weekly-caseload --help` for one."

    def add_arguments(self, parser: CommandParser) -> None:
        reports = parser.add_subparsers(
            dest="report", required=True, metavar="REPORT", title="reports"
        )
        weekly = reports.add_parser(
            "weekly-caseload",
            help="the weekly caseload report (Buckinghamshire recommendation 18)",
            description=(
                "Each team's caseloads in the week ending W, with 12 weeks of history, as JSON "
                "(to standard output unless --output), an HTML document or an .xlsx workbook; "
                "--send emails it to the recipients configured in settings."
            ),
        )
        weekly.add_argument(
            "--week-ending",
            metavar="YYYY-MM-DD",
            help="the last day of the week; default: the last Friday on or before today",
        )
        weekly.add_argument(
            "--format",
            choices=FORMATS,
            help="default: from --output's extension, else json",
        )
        weekly.add_argument("--output", metavar="FILE", help="write to FILE (required for xlsx)")
        weekly.add_argument(
            "--send",
            action="store_true",
            help="email the committee and manager recipients (STABILISE_WEEKLY_REPORT_*)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["report"] == "weekly-caseload":
            self._weekly_caseload(options)

    def _weekly_caseload(self, options: dict[str, Any]) -> None:
        output = Path(options["output"]) if options["output"] else None
        format = options["format"] or _format_of(output, sending=options["send"])
        if format == "xlsx" and output is None:
            raise CommandError("--format xlsx writes a workbook: give --output FILE.xlsx")
        try:
            week_ending = week_ending_from(options["week_ending"])
        except BadWeekEnding as error:
            raise CommandError(str(error)) from None

        data = weekly_caseload(week_ending)
        # Status lines go to stderr while the report itself is on stdout, so it stays parseable.
        status = self.stdout if output is not None or format is None else self.stderr
        if format is not None:
            if format == "xlsx":
                content: str | bytes = workbook.weekly_caseload_workbook(
                    data.report, data.council_name
                )
            elif format == "html":
                content = weekly_caseload_html(data)
            else:
                content = weekly_caseload_json(data)
            if output is None:
                self.stdout.write(str(content), ending="")
            else:
                _write(output, content)
                status.write(f"Wrote {output}", style_func=plain)
        if options["send"]:
            try:
                sent = send_weekly_caseload(data)
            except NoRecipients as error:
                raise CommandError(str(error)) from None
            status.write(
                f"Sent the weekly caseload report for the week ending {week_ending.isoformat()}"
                f" to {sent.committee} committee and {sent.managers} manager recipient(s)",
                style_func=plain,
            )


def _format_of(output: Path | None, *, sending: bool) -> str | None:
    """The format an output file's extension names; with --send alone, none (just send)."""
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        return suffix if suffix in FORMATS else "json"
    return None if sending else "json"


def _write(output: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            output.write_bytes(content)
        else:
            output.write_text(content, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Cannot write {output}: {error.strerror}") from None
