"""Retention curves: how long social workers stay, by a breakdown the reader picks, with the
stability index. Aggregates only, for everyone who sees aggregates (RULES); a team manager's
team curves are of their own teams; councillors see small numbers suppressed
(survival_display)."""

from datetime import date

import polars as pl
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stabilise.accounts.access import suppresses_small_numbers, visible_teams
from stabilise.accounts.models import User
from stabilise.analytics.employment_spells import employment_spells, stability
from stabilise.analytics.suppression import SMALLEST_SHOWN
from stabilise.analytics.survival import BREAKDOWNS, RetentionCurves
from stabilise.figures.cache import figures
from stabilise.retention.survival_display import (
    TABLE_EVERY_MONTHS,
    curve_displays,
    logrank_words,
    pairwise_rows,
    stability_row,
)
from stabilise.retention.survival_selectors import spell_register

DEFAULT = "council"
# The breakdowns of the stability index that match a breakdown of the curves: (column, title).
STABILITY_BY = {
    "start_year": ("start_year", "Year they started"),
    "route": ("route", "Route into the council"),
    "team": ("team_name", "Team a year ago"),
    "role": ("role", "Role a year ago"),
    "contract": ("contract", "Contract a year ago"),
}


@login_required
def retention_curves(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    today = timezone.localdate()
    by = request.GET.get("by", DEFAULT)
    error = None
    if by not in BREAKDOWNS:
        error = "Choose what to compare from the list"
        by = DEFAULT
    suppress = suppresses_small_numbers(user)
    # Team curves are of the teams this user sees; the other breakdowns are the same for all.
    teams = tuple(sorted(visible_teams(user).values_list("team_id", flat=True)))
    context = {
        **curves_shown(today, by, suppress, teams if by == "team" else ()),
        "error": error,
        "breakdowns": [(b.name, b.title) for b in BREAKDOWNS.values()],
    }
    return render(request, "retention/retention_curves.html", context, status=400 if error else 200)


@figures("retention-curves")
def curves_shown(
    today: date, by: str, suppress: bool, teams: tuple[str, ...]
) -> dict[str, object]:
    """The curves, tests and stability by `by` as the page shows them (of `teams` only, when
    by team), computed once a day for everyone who sees them the same way."""
    breakdown = BREAKDOWNS[by]
    register = spell_register()
    spells = employment_spells(register.frames, today, register.begins)
    has_spells = spells.height > 0
    names = set(register.frames.teams.filter(pl.col("team_id").is_in(list(teams)))["team_name"])
    if by == "team":
        spells = spells.filter(pl.col("team_id").is_in(list(teams)))
    curves = RetentionCurves(smallest_group=SMALLEST_SHOWN if suppress else 1).fit(spells, by)
    council = stability(register.frames, today, begins=register.begins)
    groups = []
    column, stability_title = STABILITY_BY.get(by, ("", ""))
    if column:
        groups = stability(register.frames, today, column, register.begins)
        if by == "team":
            groups = [item for item in groups if item.group in names]
    return {
        "today": today,
        "begins": register.begins,
        "by": by,
        "title": breakdown.title,
        "suppress": suppress,
        "smallest": SMALLEST_SHOWN,
        "every": TABLE_EVERY_MONTHS,
        "has_spells": has_spells,
        "curves": curve_displays(curves, suppress),
        "withheld": curves.withheld_.select("label", "reason").rows(),
        "logrank": logrank_words(curves.logrank_, curves.groups_.height, breakdown.title),
        "pairwise": pairwise_rows(curves),
        "stability": stability_row(council[0], suppress) if council else None,
        "stability_groups": [stability_row(item, suppress) for item in groups],
        "stability_title": stability_title,
    }
