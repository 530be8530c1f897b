"""Line charts drawn as SVG on the server, so they show without JavaScript.

Only geometry lives here: the figures come from analytics, and every chart is shown beside a
table of the same figures (the table is what a screen reader or a spreadsheet user reads).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
GRID_LINES = 4


@dataclass(frozen=True)
class Point:
    when: date
    value: float | None
    x: float
    y: float | None


@dataclass(frozen=True)
class Tick:
    label: str
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    unit: str
    points: list[Point]
    paths: list[str]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    right: int = WIDTH - RIGHT

    @property
    def has_data(self) -> bool:
        return any(p.value is not None for p in self.points)


def _nice_top(largest: float) -> float:
    """The top of the axis: GRID_LINES steps of 1, 2, 2.5 or 5 times a power of ten, the
    smallest such that covers `largest`, so the gridlines fall on round numbers."""
    if largest <= 0:
        return float(GRID_LINES)
    rough = largest / GRID_LINES
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    return step * GRID_LINES


def _number(value: float) -> str:
    return f"{value:g}"


def line_chart(
    id: str, title: str, unit: str, series: Sequence[tuple[date, float | None]]
) -> LineChart:
    """A chart of `series` (oldest first); a missing value breaks the line rather than
    pretending to be zero."""
    top = _nice_top(max((v for _, v in series if v is not None), default=0.0))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    gap = plot_width / max(len(series) - 1, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    points = [
        Point(when, value, round(LEFT + i * gap, 1), None if value is None else y_of(value))
        for i, (when, value) in enumerate(series)
    ]
    paths: list[str] = []
    segment: list[Point] = []
    for point in [*points, None]:
        if point is not None and point.y is not None:
            segment.append(point)
            continue
        if segment:
            moves = " ".join(f"L{p.x},{p.y}" for p in segment[1:])
            paths.append(f"M{segment[0].x},{segment[0].y} {moves}".strip())
        segment = []

    # A label every sixth point, counted back from the latest, keeps 36 months readable.
    x_ticks = [
        Tick(p.when.strftime("%b %Y"), p.x, HEIGHT - BOTTOM + 18)
        for i, p in enumerate(points)
        if (len(points) - 1 - i) % 6 == 0
    ]
    y_ticks = [
        Tick(f"{_number(top * n / GRID_LINES)}{unit}", LEFT - 8, y_of(top * n / GRID_LINES))
        for n in range(GRID_LINES + 1)
    ]
    return LineChart(id, title, unit, points, paths, x_ticks, y_ticks)
