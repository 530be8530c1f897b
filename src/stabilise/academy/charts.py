"""The cohort page's chart: each cohort's two retention percentages as horizontal bars, drawn as
SVG on the server (no JavaScript) and always shown beside a table of the same figures."""

from dataclasses import dataclass

from stabilise.analytics.academy import CohortTable

WIDTH, LEFT, RIGHT, TOP = 640, 72, 56, 28
BAR, GAP = 14, 14  # a bar's height; the space between cohorts
# (label, fill): GOV.UK blue for "of those who started", black for "of those who completed".
SERIES = (("Of those who started", "#1d70b8"), ("Of those who completed", "#0b0c0c"))


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    fill: str
    label: str  # the figure written at the bar's end


@dataclass(frozen=True)
class Group:
    cohort: str
    y: float  # where the cohort's label sits
    bars: list[Bar]


@dataclass(frozen=True)
class RetentionChart:
    groups: list[Group]
    width: int
    height: int
    left: int
    plot_width: int
    series: tuple[tuple[str, str], ...] = SERIES

    @property
    def has_data(self) -> bool:
        return bool(self.groups)


def retention_chart(table: CohortTable) -> RetentionChart:
    plot = WIDTH - LEFT - RIGHT
    groups = []
    y = float(TOP)
    for row in [*table.cohorts, table.total]:
        bars = []
        for (_, fill), value in zip(
            SERIES, (row.retained_of_started_pct, row.retained_of_completed_pct), strict=True
        ):
            width = 0.0 if value is None else round(plot * value / 100, 1)
            shown = "none passed" if value is None else f"{value:.0f}%"
            bars.append(Bar(y, width, fill, shown))
            y += BAR
        groups.append(Group(row.cohort, y - BAR, bars))
        y += GAP
    return RetentionChart(groups, WIDTH, int(y), LEFT, plot)
