"""The cohort page's chart: each cohort's two retention percentages as horizontal bars, drawn as
SVG on the server (no JavaScript) and always shown beside a table of the same figures."""

from stabilise.analytics.academy import CohortTable
from stabilise.ui.charts.horizontal_bars import GroupedBarChart, grouped_bar_chart

# (label, fill): GOV.UK blue for "of those who started", black for "of those who completed".
SERIES = (("Of those who started", "#1d70b8"), ("Of those who completed", "#0b0c0c"))


def retention_chart(table: CohortTable) -> GroupedBarChart:
    groups = []
    for row in [*table.cohorts, table.total]:
        values = (row.retained_of_started_pct, row.retained_of_completed_pct)
        shown = [(v, "none passed" if v is None else f"{v:.0f}%") for v in values]
        groups.append((row.cohort, shown))
    return grouped_bar_chart("retention", SERIES, groups)
