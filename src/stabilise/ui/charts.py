"""Line charts and survival step charts drawn as SVG on the server, so they show without
JavaScript.

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


PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM


def _y_of(value: float, top: float) -> float:
    return round(TOP + PLOT_HEIGHT * (1 - value / top), 1)


def _y_ticks(top: float, unit: str, scale: float = 1.0) -> list[Tick]:
    """Gridlines at GRID_LINES even steps up to `top`, labelled in `unit` (times `scale`)."""
    return [
        Tick(
            f"{_number(scale * top * n / GRID_LINES)}{unit}",
            LEFT - 8,
            _y_of(top * n / GRID_LINES, top),
        )
        for n in range(GRID_LINES + 1)
    ]


def line_chart(
    id: str, title: str, unit: str, series: Sequence[tuple[date, float | None]]
) -> LineChart:
    """A chart of `series` (oldest first); a missing value breaks the line rather than
    pretending to be zero."""
    top = _nice_top(max((v for _, v in series if v is not None), default=0.0))
    gap = PLOT_WIDTH / max(len(series) - 1, 1)

    def y_of(value: float) -> float:
        return _y_of(value, top)

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
    return LineChart(id, title, unit, points, paths, x_ticks, _y_ticks(top, unit))


@dataclass(frozen=True)
class StepChart:
    """A survival curve: its steps as one path and its confidence band as a closed path
    behind it. The y axis is 0 to 100 %, the x axis months from the start."""

    id: str
    title: str
    line: str
    band: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    right: int = WIDTH - RIGHT

    @property
    def has_data(self) -> bool:
        return bool(self.line)

    @property
    def axis_title_x(self) -> float:
        return LEFT + PLOT_WIDTH / 2

    @property
    def axis_title_y(self) -> int:
        return HEIGHT - 4


def _steps(points: Sequence[tuple[float, float]], end: float) -> list[tuple[float, float]]:
    """The corners of a step function through `points` (x, y), held level to x = `end`."""
    corners: list[tuple[float, float]] = []
    for i, (x, y) in enumerate(points):
        if i:
            corners.append((x, corners[-1][1]))
        corners.append((x, y))
    if corners:
        corners.append((end, corners[-1][1]))
    return corners


def _path(corners: Sequence[tuple[float, float]]) -> str:
    return "".join(f"{'L' if i else 'M'}{x},{y} " for i, (x, y) in enumerate(corners)).strip()


def step_chart(
    id: str,
    title: str,
    steps: Sequence[tuple[float, float, float, float]],
    until: float,
    every: float = 12,
    ends: float | None = None,
) -> StepChart:
    """A step chart of `steps`, each (months, survival, lower, upper) with the three on 0-1,
    holding from `months` to the next step (months ascending, the first where the curve
    starts) and from the last to `ends` (default `until`). The x axis runs from 0 to `until`
    months, labelled every `every` months, so that charts drawn to one `until` compare."""
    span = max(until, every)

    def x_of(months: float) -> float:
        return round(LEFT + PLOT_WIDTH * min(months, span) / span, 1)

    end = x_of(until if ends is None else ends)
    line, upper, lower = (
        _steps([(x_of(step[0]), _y_of(step[column], 1.0)) for step in steps], end)
        for column in (1, 3, 2)
    )
    band = f"{_path([*upper, *reversed(lower)])} Z" if upper else ""
    x_ticks = [
        Tick(_number(months), x_of(months), HEIGHT - BOTTOM + 18)
        for months in (every * n for n in range(int(span // every) + 1))
    ]
    return StepChart(id, title, _path(line), band, x_ticks, _y_ticks(1.0, "%", scale=100))
