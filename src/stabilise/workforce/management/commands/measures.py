"""`stabilise measures`: the DfE workforce measures at one or more dates, as JSON, a table or CSV."""

import datetime as dt
import json
import sys
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from stabilise.analytics.measures import MEASURE_KEYS, last_30_september, measures_series
from stabilise.command_line import iso_date
from stabilise.reports.cells import csv_text
from stabilise.workforce.selectors import measures_frames

RATES = {k for k in MEASURE_KEYS if k.endswith("_rate_fte")}


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """The last day of each month from `start`'s month to `end` (or `end` itself, if sooner)."""
    dates: list[dt.date] = []
    year, month = start.year, start.month
    while True:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
        if last >= end:
            return [*dates, end]
        dates.append(last)
        year, month = following.year, following.month


class Command(BaseCommand):
    help = "The DfE workforce measures (contracts/measures.md) at the given dates."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--as-at",
            action="append",
            type=str,
            metavar="YYYY-MM-DD",
            help="a date to measure at (repeatable); default: the latest 30 September and today",
        )
        parser.add_argument(
            "--monthly-from",
            type=str,
            metavar="YYYY-MM-DD",
            help="instead, the end of every month from this date to today (a series for charts)",
        )
        parser.add_argument("--by", choices=["team", "role"], help="break down by team or by role")
        parser.add_argument("--format", choices=["json", "table", "csv"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["monthly_from"]:
            dates = month_ends(iso_date(options["monthly_from"]), today)
        elif options["as_at"]:
            dates = [iso_date(d) for d in options["as_at"]]
        else:
            dates = sorted({last_30_september(today), today})
        # Only the rows these dates use: a week of caseloads each, a year of absences.
        table = measures_series(measures_frames(dates), dates, by=options["by"])
        group = {"team": "team_id", "role": "org_role"}.get(options["by"] or "")
        if options["format"] == "json":
            rows = table.with_columns(pl.col("as_at").cast(pl.String)).to_dicts()
            json.dump(rows[0] if len(rows) == 1 else rows, sys.stdout, indent=2)
            sys.stdout.write("\n")
        elif options["format"] == "csv":
            sys.stdout.write(csv_text(table))
        else:
            self._table(table, group)

    def _table(self, table: pl.DataFrame, group: str | None) -> None:
        """Measures down the side, dates (and groups) across, one decimal place as the DfE."""
        heads = [
            f"{row['as_at']}" + (f" {row[group]}" if group else "")
            for row in table.iter_rows(named=True)
        ]
        width = max(len(k) for k in MEASURE_KEYS)
        columns = [max(len(h), 8) for h in heads]
        self.stdout.write(
            " " * width + "  " + "  ".join(h.rjust(c) for h, c in zip(heads, columns, strict=True))
        )
        for key in MEASURE_KEYS:
            cells = []
            for value, size in zip(table[key].to_list(), columns, strict=True):
                text = (
                    "-"
                    if value is None
                    else (f"{value:,.1f}" if isinstance(value, float) else f"{value:,}")
                )
                cells.append(text.rjust(size))
            self.stdout.write(key.ljust(width) + "  " + "  ".join(cells))
