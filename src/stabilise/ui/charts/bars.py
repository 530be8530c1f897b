"""Vertical bar charts of counts drawn as SVG on the server (a team's caseload distribution):
one bar a band, left to right, with its count above it and its label below."""

from collections.abc import Sequence
from dataclasses import dataclass

from stabilise.ui.charts.axis import FRAME, GRID_LINES, Frame, Framed, Tick, nice_top


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    label_x: float

    @property
    def value_y(self) -> float:
        """Where the count is written, just above the bar."""
        return round(self.y - 6, 1)


@dataclass(frozen=True)
class BarChart(Framed):
    id: str
    title: str
    bars: list[Bar]
    y_ticks: list[Tick]
    label_y: float
    frame: Frame = FRAME
    template: str = "ui/charts/bars.html"

    @property
    def has_data(self) -> bool:
        return any(bar.count for bar in self.bars)


def bar_chart(id: str, title: str, counts: Sequence[tuple[str, int]]) -> BarChart:
    """Vertical bars of whole-number `counts` (label, count), left to right; gridlines fall on
    whole numbers."""
    top = nice_top(max((count for _, count in counts), default=0))
    if top % GRID_LINES:  # a count axis steps by whole numbers
        top = GRID_LINES * -(-top // GRID_LINES)
    slot = FRAME.plot_width / max(len(counts), 1)
    width = round(slot * 0.7, 1)
    bottom = FRAME.bottom
    bars = []
    for i, (label, count) in enumerate(counts):
        y = FRAME.y_of(count, top)
        x = round(FRAME.left + i * slot + (slot - width) / 2, 1)
        bars.append(Bar(label, count, x, y, width, round(bottom - y, 1), round(x + width / 2, 1)))
    return BarChart(id, title, bars, FRAME.y_ticks(top), label_y=FRAME.label_y)
