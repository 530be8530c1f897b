"""Themes and destinations over time: counts only, for everyone who sees aggregates (RULES).
Only the workforce lead sees counts of 1 to 4; everyone else sees `c` (DESIGN.md)."""

from datetime import timedelta
from typing import Any

import polars as pl
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise.accounts.access import may_open, sees_special_category
from stabilise.analytics.exit_themes import (
    destinations_by_quarter,
    employer_totals,
    employers_by_quarter,
    themes_by,
    themes_by_quarter,
)
from stabilise.analytics.suppression import count_or_c
from stabilise.retention.selectors import cited_themes, leavers_between, new_employers
from stabilise.retention.views import parse_day

YEARS = 2
BREAKDOWN_LABELS = {
    "team_name": "Team",
    "role": "Role",
    "service_band": "Length of service",
    "route": "Route into social work",
}
ARROWS = {"up": "Up", "down": "Down", "steady": "Steady", None: ""}


def _shown(table: pl.DataFrame, suppress: bool) -> list[dict[str, Any]]:
    rows = table.to_dicts()
    for row in rows:
        row["shown"] = count_or_c(row["leavers"]) if suppress else row["leavers"]
        row["arrow"] = ARROWS.get(row.get("direction"), "")
    return rows


@login_required
def exit_themes(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    left_to, _ = parse_day(request.GET.get("to"), today)
    left_from, _ = parse_day(request.GET.get("from"), left_to - timedelta(days=365 * YEARS))
    leavers = leavers_between(left_from, left_to)
    in_period = pl.col("left_on").is_between(left_from, left_to)
    cited = cited_themes().filter(in_period)
    employers = new_employers().filter(in_period)
    suppress = not sees_special_category(request.user)  # type: ignore[arg-type]
    context = {
        "left_from": left_from,
        "left_to": left_to,
        "suppress": suppress,
        "edits_themes": may_open(request.user, "exit_theme_list"),  # type: ignore[arg-type]
        "themes": _shown(themes_by_quarter(cited), suppress),
        "destinations": _shown(destinations_by_quarter(leavers), suppress),
        "employers": _shown(employer_totals(employers), suppress),
        "employers_by_quarter": _shown(employers_by_quarter(employers), suppress),
        "breakdowns": [
            (label, column, _shown(themes_by(cited, leavers, column), suppress))
            for column, label in BREAKDOWN_LABELS.items()
        ],
    }
    return render(request, "retention/themes.html", context)
