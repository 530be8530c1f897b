"""Horizontal bar charts drawn as SVG on the server, so they show without JavaScript.

Only geometry lives here: the figures and how they are written come from the benchmark, and
the page puts a table of the same figures beside the charts.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 200  # room for "Similar councils (median)" at 12px
VALUE_ROOM = 70  # room after the longest bar for its figure
BAR_HEIGHT = 22
GAP = 10
TOP = 8
GRID_LINES = 4


def nice_top(largest: float) -> float:
    """The end of the scale: GRID_LINES steps of 1, 2, 2.5 or 5 times a power of ten, the
    smallest that reaches `largest`, so the gridlines fall on round numbers."""
    if largest <= 0:
        return float(GRID_LINES)
    rough = largest / GRID_LINES
    magnitude = 10 ** math.floor(math.log10(rough))
    return GRID_LINES * next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)


@dataclass(frozen=True)
class Bar:
    label: str
    shown: str  # the figure as written in the table (a symbol where there is no number)
    y: float
    width: float | None  # None: no number, so no bar (never a zero-length one)
    ours: bool
    text_x: float  # where the written figure starts: just after the bar


@dataclass(frozen=True)
class Tick:
    label: str
    x: float


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    bars: list[Bar]
    ticks: list[Tick]
    height: float
    width: int = WIDTH
    left: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def has_data(self) -> bool:
        return any(bar.width is not None for bar in self.bars)

    @property
    def axis_bottom(self) -> float:
        return self.height - 20


def bar_chart(
    id: str, title: str, unit: str, bars: Sequence[tuple[str, float | None, str, bool]]
) -> BarChart:
    """One bar per (label, value, value as written, is it the council's own) from 0 up, on a
    scale from 0 to a round number at or above the largest value."""
    top = nice_top(max((v for _, v, _, _ in bars if v is not None), default=0.0))
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    drawn = []
    for i, (label, value, shown, ours) in enumerate(bars):
        width = None if value is None else round(room * max(value, 0.0) / top, 1)
        drawn.append(
            Bar(
                label=label,
                shown=shown,
                y=TOP + i * (BAR_HEIGHT + GAP),
                width=width,
                ours=ours,
                text_x=LABEL_WIDTH + (width or 0.0) + 6,
            )
        )
    ticks = [
        Tick(f"{top * n / GRID_LINES:g}{unit}", round(LABEL_WIDTH + room * n / GRID_LINES, 1))
        for n in range(GRID_LINES + 1)
    ]
    height = TOP + len(bars) * (BAR_HEIGHT + GAP) + 20
    return BarChart(id=id, title=title, bars=drawn, ticks=ticks, height=height)
