"""The retention curves as a page shows them: each curve's chart, its table every 6 months, the
retention at 12, 24 and 36 months and the log-rank result in words.

With `suppress` (those who see aggregates only, access.suppresses_small_numbers) the rule is
the DfE's, applied to curves: a group of fewer than 5 people is not drawn at all
(RetentionCurves' smallest_group); in a drawn group a count of 1 to 4 (at risk, left) is `c`,
and so is a survival figure read where 1 to 4 are at risk, since a step there is one person's
leaving; the chart is drawn only while 5 or more are at risk.
"""

import math
from dataclasses import dataclass
from typing import Any

import polars as pl

from stabilise.analytics.employment_spells import Stability
from stabilise.analytics.suppression import SMALLEST_SHOWN, SUPPRESSED, count_or_c, small_count
from stabilise.analytics.survival import (
    DAYS_PER_MONTH,
    LogRank,
    RetentionCurves,
)
from stabilise.ui.charts.steps import StepChart, step_chart
from stabilise.ui.templatetags.stabilise_ui import percent

TABLE_EVERY_MONTHS = 6
LONGEST_MONTHS = 120
NOT_KNOWN = "Not known"


@dataclass(frozen=True)
class CurveDisplay:
    id: str
    label: str
    spells: int | str | None
    left: int | str | None
    late_entries: int | str | None
    chart: StepChart
    rows: list[dict[str, Any]]
    retention: list[tuple[str, str]]
    median: str


def horizon(curves: RetentionCurves) -> int:
    """Months shown: to the longest service seen, in whole years, at most LONGEST_MONTHS."""
    longest = int(curves.survival_["days"].max() or 0) if curves.survival_.height else 0  # type: ignore[arg-type]
    years = math.ceil(longest / DAYS_PER_MONTH / 12)
    return min(max(years, 1) * 12, LONGEST_MONTHS)


def _share(value: float | None) -> str:
    return NOT_KNOWN if value is None else percent(100 * value)


def _withheld_at(at_risk: int, suppress: bool) -> bool:
    return suppress and small_count(at_risk)


def _table_row(row: dict[str, Any], suppress: bool) -> dict[str, Any]:
    hidden = _withheld_at(row["at_risk"], suppress)
    shown: dict[str, Any] = {
        "months": row["months"],
        "at_risk": count_or_c(row["at_risk"]) if suppress else row["at_risk"],
        "left": count_or_c(row["left"]) if suppress else row["left"],
    }
    for key in ("survival", "lower", "upper"):
        shown[key] = SUPPRESSED if hidden and row[key] is not None else _share(row[key])
    return shown


def _retention(row: dict[str, Any], suppress: bool) -> tuple[str, str]:
    when = f"After {row['months']} months"
    if row["survival"] is None:
        return when, "not known yet: nobody has been followed that long"
    if _withheld_at(row["at_risk"], suppress):
        return when, f"{SUPPRESSED} (fewer than {SMALLEST_SHOWN} people still followed)"
    return when, (
        f"{_share(row['survival'])} still in post (95% confidence interval "
        f"{_share(row['lower'])} to {_share(row['upper'])}; {row['at_risk']} still followed)"
    )


def _median(days: int | None) -> str:
    if days is None:
        return "More than half were still in post at the longest time anyone was followed."
    return f"Half had left within {days / DAYS_PER_MONTH:.0f} months."


def _chart_steps(
    steps: pl.DataFrame, suppress: bool
) -> tuple[list[tuple[float, float, float, float]], float]:
    """The steps to draw (months, survival, lower, upper) and the months to draw them to: all
    of them to the longest service seen, or with `suppress` only while 5 or more are at risk
    (from the first such time to the next time with fewer)."""
    rows = list(steps.select("days", "at_risk", "survival", "lower", "upper").iter_rows())
    if not rows:
        return [], 0.0
    end = rows[-1][0]
    if suppress:
        enough = [i for i, row in enumerate(rows) if row[1] >= SMALLEST_SHOWN]
        if not enough:
            return [], 0.0
        first = enough[0]
        after = next((i for i in range(first + 1, len(rows)) if rows[i][1] < SMALLEST_SHOWN), None)
        if after is not None:
            end = rows[after][0]
        rows = rows[first:after]
    drawn = [(days / DAYS_PER_MONTH, s, lower, upper) for days, _, s, lower, upper in rows]
    return drawn, end / DAYS_PER_MONTH


def curve_displays(curves: RetentionCurves, suppress: bool) -> list[CurveDisplay]:
    until = horizon(curves)
    table = curves.at_months(list(range(0, until + 1, TABLE_EVERY_MONTHS)))
    count = count_or_c if suppress else (lambda n: n)
    shown = []
    for i, group in enumerate(curves.groups_.iter_rows(named=True)):
        mine = pl.col("group") == group["group"]
        drawn, end = _chart_steps(curves.survival_.filter(mine), suppress)
        retention = curves.retention_.filter(mine).sort("months").to_dicts()
        shown.append(
            CurveDisplay(
                id=f"curve-{i + 1}",
                label=group["label"],
                spells=count(group["spells"]),
                left=count(group["left"]),
                late_entries=count(group["late_entries"]),
                chart=step_chart(f"curve-{i + 1}", group["label"], drawn, until, 12, ends=end),
                rows=[_table_row(row, suppress) for row in table.filter(mine).to_dicts()],
                retention=[_retention(row, suppress) for row in retention],
                median=_median(group["median_days"]),
            )
        )
    return shown


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def logrank_words(test: LogRank | None, groups: int, by_title: str) -> str:
    if groups < 2:
        return "There is only one group here, so nothing to compare."
    if test is None:
        return f"There are {groups} groups: too many for one test across them all to mean much."
    freedom = f"{test.degrees_of_freedom} degree{'s' if test.degrees_of_freedom != 1 else ''}"
    figures = f"log-rank test: chi-squared {test.test_statistic:.1f} on {freedom} of freedom, {_p(test.p_value)}"
    if test.differs:
        return (
            f"How long people stay differs by {by_title.lower()} by more than chance alone would "
            f"often give ({figures})."
        )
    return (
        f"The curves do not differ by more than chance alone could give ({figures}): with these "
        "numbers, no group can be said to stay longer than another."
    )


def pairwise_rows(curves: RetentionCurves) -> list[dict[str, str]]:
    if curves.pairwise_ is None:
        return []
    labels = dict(zip(curves.groups_["group"], curves.groups_["label"], strict=True))
    return [
        {
            "group": labels[a],
            "other": labels[b],
            "statistic": f"{statistic:.1f}",
            "p": _p(p),
            "verdict": "Differ" if p < 0.05 else "No clear difference",
        }
        for a, b, statistic, p in curves.pairwise_.iter_rows()
    ]


def stability_row(item: Stability, suppress: bool) -> dict[str, Any]:
    index = item.index
    withheld = suppress and (small_count(item.in_post_year_ago) or small_count(item.still_in_post))
    return {
        "group": item.group,
        "year_ago": item.year_ago,
        "as_at": item.as_at,
        "in_post_year_ago": count_or_c(item.in_post_year_ago)
        if suppress
        else item.in_post_year_ago,
        "still_in_post": count_or_c(item.still_in_post) if suppress else item.still_in_post,
        "index": SUPPRESSED if withheld else (NOT_KNOWN if index is None else percent(index)),
    }
