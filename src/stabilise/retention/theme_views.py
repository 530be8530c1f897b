"""Themes and destinations over time: counts only, for everyone who sees aggregates (RULES).
Only the workforce lead sees counts of 1 to 4; everyone else sees `c` (DESIGN.md)."""

from datetime import date, timedelta
from typing import Any

import polars as pl
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise.accounts.access import may_open, sees_special_category
from stabilise.analytics.exit_themes import (
    QuarterTable,
    destinations_by_quarter,
    employers_by_quarter,
    main_themes_of_each,
    quarter_table,
    themes_by,
    themes_by_quarter,
)
from stabilise.analytics.suppression import count_or_c, withheld_unless
from stabilise.figures.cache import figures
from stabilise.retention.selectors import cited_themes, leavers_between, new_employers
from stabilise.retention.views import parse_day

YEARS = 2
BREAKDOWN_LABELS = {
    "team_name": "Team",
    "role": "Role",
    "service_band": "Length of service",
    "route": "Route into social work",
}
# The direction against the quarter before, as a screen reader says it and as the eye reads it.
DIRECTIONS = {"up": ("↑", "up on the quarter before"), "down": ("↓", "down on the quarter before")}


def _quarter_table(table: QuarterTable, suppress: bool) -> dict[str, Any]:
    return {"quarters": table.quarters, "rows": _quarter_rows(table, suppress)}


def _quarter_rows(table: QuarterTable, suppress: bool) -> list[dict[str, Any]]:
    """A row a theme or destination, a cell a quarter. With `suppress`, 1 to 4 is `c`, and so is
    a direction that would tell one such count from the one before."""

    def shown(count: int) -> int | str | None:
        return count_or_c(count) if suppress else count

    rows = []
    for row in table.rows:
        cells = []
        for index, (count, direction) in enumerate(zip(row.leavers, row.directions, strict=True)):
            before = row.leavers[index - 1] if index else None
            if suppress:
                direction = withheld_unless(direction, count, before)
            arrow, words = DIRECTIONS.get(direction or "", ("", ""))
            cells.append({"shown": shown(count), "arrow": arrow, "words": words})
        rows.append({"name": row.name, "cells": cells, "total": shown(row.total)})
    return rows


def _main_themes(by_column: pl.DataFrame, column: str, suppress: bool) -> list[dict[str, Any]]:
    return [
        {
            "group": group.group,
            "themes": [(theme, count_or_c(n) if suppress else n) for theme, n in group.themes],
        }
        for group in main_themes_of_each(by_column, column)
    ]


@login_required
def exit_themes(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    left_to, _ = parse_day(request.GET.get("to"), today)
    left_from, _ = parse_day(request.GET.get("from"), left_to - timedelta(days=365 * YEARS))
    suppress = not sees_special_category(request.user)  # type: ignore[arg-type]
    context = {
        **themes_shown(left_from, left_to, suppress),
        "left_from": left_from,
        "left_to": left_to,
        "suppress": suppress,
        "edits_themes": may_open(request.user, "exit_theme_list"),  # type: ignore[arg-type]
    }
    return render(request, "retention/themes.html", context)


@figures("themes")
def themes_shown(left_from: date, left_to: date, suppress: bool) -> dict[str, Any]:
    """The period's themes, destinations, new employers and main themes of each group as the
    page shows them, for everyone who sees small numbers the same way."""
    leavers = leavers_between(left_from, left_to)
    in_period = pl.col("left_on").is_between(left_from, left_to)
    cited = cited_themes().filter(in_period)
    employers = new_employers().filter(in_period)
    return {
        "themes": _quarter_table(quarter_table(themes_by_quarter(cited), "theme"), suppress),
        "destinations": _quarter_table(
            quarter_table(destinations_by_quarter(leavers), "destination"), suppress
        ),
        "employers": _quarter_table(
            quarter_table(employers_by_quarter(employers), "new_employer"), suppress
        ),
        "breakdowns": [
            (label, _main_themes(themes_by(cited, leavers, column), column, suppress))
            for column, label in BREAKDOWN_LABELS.items()
        ],
    }
