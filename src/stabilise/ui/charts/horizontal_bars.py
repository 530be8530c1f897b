"""Horizontal bar charts drawn as SVG on the server: one bar a figure from 0 on a round scale
with gridlines (a council beside its region, England and its similar councils), or bars in
groups on a scale of 0 to 100 % (each ASYE cohort's two retention figures).

Every bar has its figure written just after it, as the table beside the chart writes it; a
figure with no number (a symbol) draws no bar, never a zero-length one.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from stabilise.ui.charts.axis import GRID_LINES, Tick, nice_top

WIDTH = 640
LABEL_WIDTH = 200  # room for "Similar councils (median)" at 12px
VALUE_ROOM = 70  # room after the longest bar for its figure
BAR_HEIGHT = 22
GAP = 10
TOP = 8
OWN, OTHER = "#1d70b8", "#b1b4b6"  # GOV.UK blue for the council's own figure, mid-grey


@dataclass(frozen=True)
class Bar:
    label: str
    shown: str  # the figure as written in the table (a symbol where there is no number)
    y: float
    width: float | None  # None: no number, so no bar
    fill: str
    text_x: float  # where the written figure starts: just after the bar

    @property
    def ours(self) -> bool:
        return self.fill == OWN


@dataclass(frozen=True)
class HorizontalBarChart:
    id: str
    title: str
    bars: list[Bar]
    ticks: list[Tick]
    height: float
    width: int = WIDTH
    left: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT
    template: str = "ui/charts/horizontal_bars.html"

    @property
    def has_data(self) -> bool:
        return any(bar.width is not None for bar in self.bars)

    @property
    def axis_bottom(self) -> float:
        return self.height - 20


def horizontal_bar_chart(
    id: str, title: str, unit: str, bars: Sequence[tuple[str, float | None, str, bool]]
) -> HorizontalBarChart:
    """One bar per (label, value, value as written, is it the council's own) from 0 up, on a
    scale from 0 to a round number at or above the largest value."""
    top = nice_top(max((v for _, v, _, _ in bars if v is not None), default=0.0))
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    height = TOP + len(bars) * (BAR_HEIGHT + GAP) + 20
    drawn = []
    for i, (label, value, shown, ours) in enumerate(bars):
        width = None if value is None else round(room * max(value, 0.0) / top, 1)
        y = TOP + i * (BAR_HEIGHT + GAP)
        text_x = LABEL_WIDTH + (width or 0.0) + 6
        drawn.append(Bar(label, shown, y, width, OWN if ours else OTHER, text_x))
    ticks = [
        Tick(f"{top * n / GRID_LINES:g}{unit}", round(LABEL_WIDTH + room * n / GRID_LINES, 1), height)
        for n in range(GRID_LINES + 1)
    ]
    return HorizontalBarChart(id=id, title=title, bars=drawn, ticks=ticks, height=height)


GROUP_LEFT, GROUP_RIGHT, GROUP_TOP = 72, 56, 28
GROUP_BAR, GROUP_GAP = 14, 14  # the room for a bar; the space between groups
GROUP_BAR_HEIGHT = 12  # a bar is drawn a little thinner than its room, so bars stand apart


@dataclass(frozen=True)
class Group:
    label: str
    y: float  # where the group's label sits: the middle of its bars
    bars: list[Bar]


@dataclass(frozen=True)
class GroupedBarChart:
    id: str
    groups: list[Group]
    height: int
    series: tuple[tuple[str, str], ...]  # each bar's (name, fill) within a group
    width: int = WIDTH
    left: int = GROUP_LEFT
    plot_width: int = WIDTH - GROUP_LEFT - GROUP_RIGHT
    bar_height: int = GROUP_BAR_HEIGHT
    template: str = "ui/charts/grouped_bars.html"

    @property
    def has_data(self) -> bool:
        return bool(self.groups)


def grouped_bar_chart(
    id: str,
    series: tuple[tuple[str, str], ...],
    groups: Sequence[tuple[str, Sequence[tuple[float | None, str]]]],
) -> GroupedBarChart:
    """`groups` are (label, one (percentage, as written) per `series` (name, fill)); a
    percentage of None is written but draws no bar."""
    plot = WIDTH - GROUP_LEFT - GROUP_RIGHT
    drawn = []
    y = float(GROUP_TOP)
    for label, values in groups:
        bars = []
        for (name, fill), (value, shown) in zip(series, values, strict=True):
            width = 0.0 if value is None else round(plot * value / 100, 1)
            bars.append(Bar(name, shown, y, width, fill, round(GROUP_LEFT + width + 4, 1)))
            y += GROUP_BAR
        drawn.append(Group(label, y - GROUP_BAR, bars))
        y += GROUP_GAP
    return GroupedBarChart(id, drawn, int(y), series)
