"""Two more SVG charts drawn on the server: several lines on one scale (a worker's caseload and
their team's average) and a histogram (a team's caseload distribution).

As in charts.py only geometry lives here; the figures come from analytics and every chart is
shown beside a table of the same figures. Lines are told apart by their style (solid, dashed)
as well as their colour, so they read in greyscale and to people who do not see colour.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from stabilise.ui.charts import BOTTOM, GRID_LINES, HEIGHT, LEFT, RIGHT, TOP, WIDTH, Tick, _nice_top


@dataclass(frozen=True)
class Line:
    name: str
    style: str  # a modifier of the stabilise-chart__line class: "" (solid) or "comparison"
    paths: list[str]
    points: list[tuple[float, float]]


@dataclass(frozen=True)
class LinesChart:
    id: str
    title: str
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
class BarChart:
    id: str
    title: str
    bars: list[Bar]
    y_ticks: list[Tick]
    label_y: float
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT

    @property
    def has_data(self) -> bool:
        return any(bar.count for bar in self.bars)


PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
# One label every this many dates, counted back from the latest: a year of weeks has 5.
LABEL_EVERY = 13


def _y_of(value: float, top: float) -> float:
    return round(TOP + PLOT_HEIGHT * (1 - value / top), 1)


def _y_ticks(top: float) -> list[Tick]:
    return [
        Tick(f"{top * n / GRID_LINES:g}", LEFT - 8, _y_of(top * n / GRID_LINES, top))
        for n in range(GRID_LINES + 1)
    ]


def _paths(points: Sequence[tuple[float, float] | None]) -> list[str]:
    """One path per unbroken run: a date with no figure breaks the line, never drops to 0."""
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


def lines_chart(
    id: str,
    title: str,
    dates: Sequence[date],
    series: Sequence[tuple[str, str, Sequence[float | None]]],
) -> LinesChart:
    """`series` are (name, style, one value per date), dates oldest first."""
    top = _nice_top(max((v for _, _, values in series for v in values if v is not None), default=0))
    gap = PLOT_WIDTH / max(len(dates) - 1, 1)
    xs = [round(LEFT + i * gap, 1) for i in range(len(dates))]
    lines = []
    for name, style, values in series:
        points = [
            None if v is None else (x, _y_of(v, top)) for x, v in zip(xs, values, strict=True)
        ]
        lines.append(Line(name, style, _paths(points), [p for p in points if p is not None]))
    x_ticks = [
        Tick(f"{when.day} {when:%b %Y}", x, HEIGHT - BOTTOM + 18)
        for i, (when, x) in enumerate(zip(dates, xs, strict=True))
        if (len(dates) - 1 - i) % LABEL_EVERY == 0
    ]
    return LinesChart(id, title, lines, x_ticks, _y_ticks(top))


def bar_chart(id: str, title: str, counts: Sequence[tuple[str, int]]) -> BarChart:
    """Vertical bars of whole-number `counts` (label, count), left to right; gridlines fall on
    whole numbers."""
    top = _nice_top(max((count for _, count in counts), default=0))
    if top % GRID_LINES:  # a count axis steps by whole numbers
        top = GRID_LINES * -(-top // GRID_LINES)
    slot = PLOT_WIDTH / max(len(counts), 1)
    width = round(slot * 0.7, 1)
    bottom = HEIGHT - BOTTOM
    bars = []
    for i, (label, count) in enumerate(counts):
        y = _y_of(count, top)
        x = round(LEFT + i * slot + (slot - width) / 2, 1)
        bars.append(Bar(label, count, x, y, width, round(bottom - y, 1), round(x + width / 2, 1)))
    return BarChart(id, title, bars, _y_ticks(top), label_y=bottom + 18)
