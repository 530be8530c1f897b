"""`stabilise retention curves --by route|start_year|team|role|contract|council
[--as-at D] [--every N] [--format table|json|csv]`: how long social workers stay.

The same curves as /retention/survival/ (analytics.survival), unsuppressed: the command is for
those who run the system. `table` gives each group's retention at 12, 24 and 36 months, the
log-rank test and the stability index; `csv` each curve every N months (one row per group and
time); `json` both, with every step of every curve.
"""

import datetime as dt
import io
import json
import sys
from dataclasses import asdict
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from stabilise.analytics.employment_spells import employment_spells, stability
from stabilise.analytics.survival import BREAKDOWNS, DAYS_PER_MONTH, RetentionCurves
from stabilise.command_line import iso_date
from stabilise.retention.survival_selectors import spell_register

LONGEST_MONTHS = 120


def _share(value: float | None) -> str:
    return "not known" if value is None else f"{100 * value:.1f}%"


class Command(BaseCommand):
    help = "Retention curves (Kaplan-Meier) of time in post, by a breakdown."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        curves = commands.add_parser("curves", help="retention curves by a breakdown")
        curves.add_argument("--by", choices=list(BREAKDOWNS), default="council")
        curves.add_argument("--as-at", dest="as_at", metavar="YYYY-MM-DD", help="default: today")
        curves.add_argument(
            "--every", type=int, default=6, help="months between rows of the csv (default 6)"
        )
        curves.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        as_at = iso_date(options["as_at"]) if options["as_at"] else timezone.localdate()
        if options["every"] < 1:
            raise CommandError("--every must be a whole number of months, 1 or more")
        register = spell_register()
        if register.begins is not None and register.begins > as_at:
            raise CommandError(f"The records begin on {register.begins}, after --as-at {as_at}")
        spells = employment_spells(register.frames, as_at, register.begins)
        curves = RetentionCurves().fit(spells, options["by"])
        longest = int(curves.survival_["days"].max() or 0) if curves.survival_.height else 0  # type: ignore[arg-type]
        until = min(int(longest / DAYS_PER_MONTH), LONGEST_MONTHS)
        table = curves.at_months(list(range(0, until + 1, options["every"])))
        if options["format"] == "csv":
            buffer = io.StringIO()
            table.write_csv(buffer)
            sys.stdout.write(buffer.getvalue())
            return
        (council,) = stability(register.frames, as_at, begins=register.begins) or (None,)
        if options["format"] == "json":
            json.dump(
                self._json(curves, table, as_at, register.begins, council), sys.stdout, indent=2
            )
            sys.stdout.write("\n")
        else:
            self._table(curves, as_at, register.begins, spells.height, council)

    def _json(
        self,
        curves: RetentionCurves,
        table: pl.DataFrame,
        as_at: dt.date,
        begins: dt.date | None,
        council: Any,
    ) -> dict[str, Any]:
        def rows(frame: pl.DataFrame, group: str) -> list[dict[str, Any]]:
            return frame.filter(pl.col("group") == group).drop("group", strict=False).to_dicts()

        test = curves.logrank_
        return {
            "as_at": as_at.isoformat(),
            "records_begin": begins.isoformat() if begins else None,
            "by": curves.breakdown_.name,
            "groups": [
                {
                    **group,
                    "retention": rows(curves.retention_.drop("label"), group["group"]),
                    "curve": rows(table.drop("label"), group["group"]),
                    "steps": rows(curves.survival_, group["group"]),
                }
                for group in curves.groups_.to_dicts()
            ],
            "withheld": curves.withheld_.to_dicts(),
            "logrank": None if test is None else asdict(test),
            "pairwise": None if curves.pairwise_ is None else curves.pairwise_.to_dicts(),
            "stability": None
            if council is None
            else {
                "year_ago": council.year_ago.isoformat(),
                "in_post_year_ago": council.in_post_year_ago,
                "still_in_post": council.still_in_post,
                "index": council.index,
            },
        }

    def _table(
        self,
        curves: RetentionCurves,
        as_at: dt.date,
        begins: dt.date | None,
        count: int,
        council: Any,
    ) -> None:
        breakdown = curves.breakdown_
        self.stdout.write(
            f"Retention curves by {breakdown.title.lower()} as at {as_at}: {count} employments"
            + (f" (records begin {begins})" if begins else "")
        )
        if curves.groups_.height == 0:
            return
        header = ["group", "employments", "left", "12 months", "24 months", "36 months", "median"]
        cells = []
        for group in curves.groups_.iter_rows(named=True):
            retention = curves.retention_.filter(pl.col("group") == group["group"]).sort("months")
            median = group["median_days"]
            cells.append(
                [
                    group["label"],
                    str(group["spells"]),
                    str(group["left"]),
                    *(
                        f"{_share(r['survival'])} ({_share(r['lower'])}-{_share(r['upper'])})"
                        if r["survival"] is not None
                        else "not known"
                        for r in retention.iter_rows(named=True)
                    ),
                    "not reached" if median is None else f"{median / DAYS_PER_MONTH:.0f} months",
                ]
            )
        widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(header)]
        self.stdout.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for row in cells:
            self.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        for label, reason in curves.withheld_.select("label", "reason").iter_rows():
            self.stdout.write(f"not shown: {label} ({reason})")
        test = curves.logrank_
        if test is not None:
            verdict = "differ" if test.differs else "no clear difference"
            self.stdout.write(
                f"log-rank test: chi-squared {test.test_statistic:.2f} on "
                f"{test.degrees_of_freedom} df, p = {test.p_value:.4f} ({verdict})"
            )
        if council is not None:
            self.stdout.write(
                f"stability: {council.still_in_post} of {council.in_post_year_ago} in post on "
                f"{council.year_ago} still in post on {as_at}: "
                + ("not known" if council.index is None else f"{council.index:.1f}%")
            )
