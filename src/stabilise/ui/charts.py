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


# Several lines on one chart: each differs from the others in its dash and its marker as well as
# its colour, and the legend shows both beside the line's name. Colours have at least 3:1
# contrast with the white background (WCAG 1.4.11).
@dataclass(frozen=True)
class LineStyle:
    colour: str
    dash: str  # an SVG stroke-dasharray; empty for a solid line
    marker: str  # "circle", "square" or "triangle"
    words: str  # the style in words, for the chart's description


LINE_STYLES = (
    LineStyle("#1d70b8", "", "circle", "solid line, circles"),
    LineStyle("#0b0c0c", "8 4", "square", "dashed line, squares"),
    LineStyle("#912b88", "2 4", "triangle", "dotted line, triangles"),
)
LEGEND_ROW = 20


def marker(shape: str, x: float, y: float) -> str:
    """An SVG path for a marker of `shape` centred on (x, y)."""
    if shape == "square":
        return f"M{x - 4:g},{y - 4:g} h8 v8 h-8 Z"
    if shape == "triangle":
        return f"M{x:g},{y - 5:g} L{x + 5:g},{y + 4:g} L{x - 5:g},{y + 4:g} Z"
    return f"M{x - 4:g},{y:g} a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 Z"


@dataclass(frozen=True)
class Line:
    """One series: its name, style, points, the pieces of its line (a missing value is a gap,
    never a zero) and a marker at each point with a value, so a lone year still shows."""

    name: str
    style: LineStyle
    points: list[Point]
    paths: list[str]
    markers: list[str]
    # Where its legend entry goes: a short sample of the line and its marker, then the name.
    legend_y: float
    legend_marker: str


@dataclass(frozen=True)
class MultiLineChart:
    id: str
    title: str
    unit: str
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    height: int
    width: int = WIDTH
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    right: int = WIDTH - RIGHT
    legend_line_end: int = LEFT + 32
    legend_text_x: int = LEFT + 40

    @property
    def has_data(self) -> bool:
        return any(p.value is not None for line in self.lines for p in line.points)

    @property
    def described(self) -> str:
        """The lines and their styles in words: "Sandwell (solid line, circles), …"."""
        return ", ".join(f"{line.name} ({line.style.words})" for line in self.lines)


def multi_line_chart(
    id: str,
    title: str,
    unit: str,
    when: Sequence[date],
    series: Sequence[tuple[str, Sequence[float | None]]],
    date_format: str = "%Y",
) -> MultiLineChart:
    """A chart of up to three named series over the same dates `when` (oldest first), on one
    scale, each in its own LINE_STYLES, with a legend below the axis. A missing value breaks
    its line rather than pretending to be zero; each date is labelled on the axis."""
    if len(series) > len(LINE_STYLES):
        raise ValueError(f"At most {len(LINE_STYLES)} lines can be told apart on one chart.")
    values = [v for _, vs in series for v in vs if v is not None]
    top = _nice_top(max(values, default=0.0))
    plot_height = HEIGHT - TOP - BOTTOM
    gap = (WIDTH - LEFT - RIGHT) / max(len(when) - 1, 1)
    xs = [round(LEFT + i * gap, 1) for i in range(len(when))]

    def y_of(value: float) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    lines = []
    for n, ((name, vs), style) in enumerate(zip(series, LINE_STYLES, strict=False)):
        points = [
            Point(day, v, x, None if v is None else y_of(v))
            for day, v, x in zip(when, vs, xs, strict=True)
        ]
        pieces: list[list[Point]] = [[]]
        for p in points:
            if p.y is None:
                pieces.append([])
            else:
                pieces[-1].append(p)
        legend_y = HEIGHT + 4 + n * LEGEND_ROW
        lines.append(
            Line(
                name=name,
                style=style,
                points=points,
                paths=["M" + " L".join(f"{p.x},{p.y}" for p in piece) for piece in pieces if piece],
                markers=[marker(style.marker, p.x, p.y) for p in points if p.y is not None],
                legend_y=legend_y,
                legend_marker=marker(style.marker, LEFT + 16, legend_y),
            )
        )
    x_ticks = [
        Tick(day.strftime(date_format), x, HEIGHT - BOTTOM + 18)
        for day, x in zip(when, xs, strict=True)
    ]
    y_ticks = [
        Tick(f"{_number(top * n / GRID_LINES)}{unit}", LEFT - 8, y_of(top * n / GRID_LINES))
        for n in range(GRID_LINES + 1)
    ]
    height = HEIGHT + 4 + len(lines) * LEGEND_ROW
    return MultiLineChart(id, title, unit, lines, x_ticks, y_ticks, height)


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
