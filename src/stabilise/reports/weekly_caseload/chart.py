"""The page's chart: the council's average caseload and its trend over the thirteen weeks, as SVG
drawn on the server (it shows without JavaScript), always beside a table of the same figures.

The UI's line chart draws one series; this one draws two on one scale, so that the average and
the trend can be compared by eye. Only geometry lives here.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
GRID_LINES = 4


@dataclass(frozen=True)
class Tick:
    label: str
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    name: str
    # Drawn in SVG presentation attributes: the page's stylesheet knows one chart line only.
    stroke: str
    dasharray: str
    paths: list[str]
    points: list[tuple[float, float]]


@dataclass(frozen=True)
class WeeklyChart:
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT

    @property
    def has_data(self) -> bool:
        return any(line.points for line in self.lines)


def _axis_top(largest: float) -> float:
    """GRID_LINES steps of 1, 2, 2.5 or 5 times a power of ten: gridlines on round numbers."""
    if largest <= 0:
        return float(GRID_LINES)
    rough = largest / GRID_LINES
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    return step * GRID_LINES


def _paths(points: Sequence[tuple[float, float] | None]) -> list[str]:
    """One path per unbroken run: a week with no figure breaks the line, never drops to 0."""
    paths: list[str] = []
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if run:
            moves = "".join(f" L{x},{y}" for x, y in run[1:])
            paths.append(f"M{run[0][0]},{run[0][1]}{moves}")
        run = []
    return paths


# (name, stroke, dash): GOV.UK blue solid for the week's average, black dashed for the trend.
STYLES = (("Average", "#1d70b8", ""), ("Trend", "#0b0c0c", "8 4"))


def weekly_chart(weeks: Sequence[date], series: Sequence[Sequence[float | None]]) -> WeeklyChart:
    """`series` are the average and the trend, one value per week, oldest first."""
    top = _axis_top(max((v for values in series for v in values if v is not None), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    gap = plot_width / max(len(weeks) - 1, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    xs = [round(LEFT + i * gap, 1) for i in range(len(weeks))]
    lines = []
    for (name, stroke, dash), values in zip(STYLES, series, strict=False):
        points = [None if v is None else (x, y_of(v)) for x, v in zip(xs, values, strict=True)]
        drawn = [p for p in points if p is not None]
        lines.append(Line(name, stroke, dash, _paths(points), drawn))
    # Every other week, counted back from the latest, keeps thirteen labels apart.
    x_ticks = [
        Tick(f"{when.day} {when:%b}", x, HEIGHT - BOTTOM + 18)
        for i, (when, x) in enumerate(zip(weeks, xs, strict=True))
        if (len(weeks) - 1 - i) % 2 == 0
    ]
    y_ticks = [
        Tick(f"{top * n / GRID_LINES:g}", LEFT - 8, y_of(top * n / GRID_LINES))
        for n in range(GRID_LINES + 1)
    ]
    return WeeklyChart(lines, x_ticks, y_ticks)
