"""`stabilise leavers list --from D --to D --format table|json|csv`: leavers in a period."""

import datetime as dt
import json
import sys
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from stabilise.command_line import iso_date
from stabilise.reports.cells import csv_text
from stabilise.retention.selectors import leavers_between

TABLE_COLUMNS = (
    "left_on",
    "worker_id",
    "display_name",
    "team_name",
    "role",
    "service_band",
    "reason",
    "destination",
)


class Command(BaseCommand):
    help = "Leavers (contracts/measures.md) with reason, destination, service and more."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        listing = commands.add_parser("list", help="leavers whose leaving day is in a period")
        listing.add_argument(
            "--from", dest="left_from", metavar="YYYY-MM-DD", help="default: a year before --to"
        )
        listing.add_argument("--to", dest="left_to", metavar="YYYY-MM-DD", help="default: today")
        listing.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        left_to = iso_date(options["left_to"]) if options["left_to"] else timezone.localdate()
        left_from = (
            iso_date(options["left_from"])
            if options["left_from"]
            else left_to - dt.timedelta(days=364)
        )
        if left_from > left_to:
            raise CommandError("--from must be on or before --to")
        table = leavers_between(left_from, left_to)
        if options["format"] == "json":
            dated = table.with_columns(pl.col(pl.Date).cast(pl.String))
            json.dump(dated.to_dicts(), sys.stdout, indent=2)
            sys.stdout.write("\n")
        elif options["format"] == "csv":
            sys.stdout.write(csv_text(table))
        else:
            self._table(table, left_from, left_to)

    def _table(self, table: pl.DataFrame, left_from: dt.date, left_to: dt.date) -> None:
        self.stdout.write(f"{table.height} leavers from {left_from} to {left_to}")
        if table.height == 0:
            return
        cells = [
            ["" if v is None else str(v) for v in row]
            for row in table.select(TABLE_COLUMNS).iter_rows()
        ]
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(TABLE_COLUMNS)]
        self.stdout.write("  ".join(h.ljust(w) for h, w in zip(TABLE_COLUMNS, widths, strict=True)))
        for row in cells:
            self.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
