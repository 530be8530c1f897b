"""The page's chart: the council's average caseload and its trend over the thirteen weeks, on
one scale so that they can be compared by eye, always beside a table of the same figures. The
geometry is the UI's line chart (stabilise.ui.charts.lines)."""

from collections.abc import Sequence
from datetime import date

from stabilise.ui.charts.axis import Frame
from stabilise.ui.charts.lines import LineChart, LineStyle, lines_chart

# GOV.UK blue solid for the week's average, black dashed for the trend, each with a dot a week.
AVERAGE = LineStyle("#1d70b8", "", "dot", "solid line", width=3)
TREND = LineStyle("#0b0c0c", "8 4", "dot", "dashed line", width=3)
# The y labels are two digits at most: a narrower margin than the UI's.
FRAME = Frame(left=48)


def weekly_chart(weeks: Sequence[date], series: Sequence[Sequence[float | None]]) -> LineChart:
    """`series` are the average and the trend, one value per week, oldest first."""
    average, trend = series
    return lines_chart(
        "weekly-caseload",
        "Average caseload and trend, all teams",
        weeks,
        [("Average", AVERAGE, average), ("Trend", TREND, trend)],
        # Every other week, counted back from the latest, keeps thirteen labels apart.
        label=lambda when: f"{when.day} {when:%b}",
        every=2,
        frame=FRAME,
    )
