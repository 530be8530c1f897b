"""Line charts drawn as SVG on the server, so they show without JavaScript: one or two lines
over dated values (a measure month by month, a caseload beside its team's average, the weekly
average beside its trend), or up to three lines told apart in a legend (a council, its region
and England over the years).

A missing value is a gap in its line, never a zero. Lines differ in their dash (and marker) as
well as their colour, so they read in greyscale and to people who do not see colour.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from stabilise.ui.charts.axis import FRAME, HEIGHT, LEFT, Frame, Framed, Tick, nice_top, runs


@dataclass(frozen=True)
class LineStyle:
    """How a line is drawn: `colour`, `dash` (an SVG stroke-dasharray; empty for solid) and
    `width`, with a `marker` at each value ("circle", "square", "triangle", "dot" or none), and
    the style in `words` for the chart's description. A house style (`modifier` not None) is
    drawn by the stylesheet's stabilise-chart__line class with that modifier instead, in the
    council's own colours; its colour and dash say what the stylesheet draws."""

    colour: str
    dash: str
    marker: str
    words: str
    width: float = 2.5
    modifier: str | None = None


# The house styles: a figure solid with a dot at each value, what it is compared with dashed
# (without dots: they would hide the dashes).
FIGURE = LineStyle("#1d70b8", "", "dot", "solid line", modifier="")
COMPARISON = LineStyle("#0b0c0c", "8 4", "", "dashed line", modifier="comparison")

# Several lines in a legend: colours with at least 3:1 contrast with the white background
# (WCAG 1.4.11), each with its own dash and marker too.
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
    if shape == "dot":
        return f"M{x - 3:g},{y:g} a3,3 0 1,0 6,0 a3,3 0 1,0 -6,0 Z"
    return f"M{x - 4:g},{y:g} a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0 Z"


@dataclass(frozen=True)
class Point:
    when: date
    value: float | None
    x: float
    y: float | None


def _points(
    frame: Frame, when: Sequence[date], values: Sequence[float | None], top: float
) -> list[Point]:
    xs = frame.spread(len(when))
    return [
        Point(day, v, x, None if v is None else frame.y_of(v, top))
        for day, v, x in zip(when, values, xs, strict=True)
    ]


def _paths(points: Sequence[Point]) -> list[str]:
    return runs([None if p.y is None else (p.x, p.y) for p in points])


def _markers(style: LineStyle, points: Sequence[Point]) -> list[str]:
    if not style.marker:
        return []
    return [marker(style.marker, p.x, p.y) for p in points if p.y is not None]


def _top(series: Sequence[Sequence[float | None]]) -> float:
    return nice_top(max((v for values in series for v in values if v is not None), default=0.0))


@dataclass(frozen=True)
class Line:
    """One series as drawn: the pieces of its line, a marker at each value and the points
    with a value, left to right."""

    name: str
    style: LineStyle
    paths: list[str]
    markers: list[str]
    points: list[tuple[float, float]]


@dataclass(frozen=True)
class LineChart(Framed):
    id: str
    title: str
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    frame: Frame = FRAME
    template: str = "ui/charts/lines.html"

    @property
    def has_data(self) -> bool:
        return any(line.points for line in self.lines)

    @property
    def paths(self) -> list[str]:
        """Every piece of every line."""
        return [path for line in self.lines for path in line.paths]


def lines_chart(
    id: str,
    title: str,
    dates: Sequence[date],
    series: Sequence[tuple[str, LineStyle, Sequence[float | None]]],
    *,
    label: Callable[[date], str],
    every: int,
    unit: str = "",
    frame: Frame = FRAME,
) -> LineChart:
    """`series` are (name, style, one value per date) on one scale, dates oldest first, with
    a date's `label` every `every` dates along the bottom and the values in `unit` up the side."""
    top = _top([values for _, _, values in series])
    lines = []
    for name, style, values in series:
        points = _points(frame, dates, values, top)
        drawn = [(p.x, p.y) for p in points if p.y is not None]
        lines.append(Line(name, style, _paths(points), _markers(style, points), drawn))
    x_ticks = frame.date_ticks(dates, frame.spread(len(dates)), label, every)
    return LineChart(id, title, lines, x_ticks, frame.y_ticks(top, unit), frame)


def line_chart(
    id: str, title: str, unit: str, series: Sequence[tuple[date, float | None]]
) -> LineChart:
    """A chart of one measure's `series` (oldest first), labelled every sixth month counted
    back from the latest, which keeps 36 months readable."""
    dates = [when for when, _ in series]
    values = [value for _, value in series]
    return lines_chart(
        id, title, dates, [(title, FIGURE, values)], label=_month, every=6, unit=unit
    )


def _month(when: date) -> str:
    return when.strftime("%b %Y")


@dataclass(frozen=True)
class NamedLine:
    """A line named in a legend: its point at every date (y None where it has no value), the
    pieces of its line and its markers, and where its legend entry goes (a short sample of
    the line and its marker, then the name)."""

    name: str
    style: LineStyle
    points: list[Point]
    paths: list[str]
    markers: list[str]
    legend_y: float
    legend_marker: str


@dataclass(frozen=True)
class MultiLineChart:
    id: str
    title: str
    unit: str
    lines: list[NamedLine]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    height: int
    frame: Frame = FRAME
    template: str = "ui/charts/legend_lines.html"
    legend_line_end: int = LEFT + 32
    legend_text_x: int = LEFT + 40

    @property
    def width(self) -> int:
        return self.frame.width

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
    scale, each in its own LINE_STYLES, with a legend below the axis. Each date is labelled
    on the axis."""
    if len(series) > len(LINE_STYLES):
        raise ValueError(f"At most {len(LINE_STYLES)} lines can be told apart on one chart.")
    top = _top([values for _, values in series])
    lines = []
    for n, ((name, values), style) in enumerate(zip(series, LINE_STYLES, strict=False)):
        points = _points(FRAME, when, values, top)
        legend_y = HEIGHT + 4 + n * LEGEND_ROW
        legend_marker = marker(style.marker, LEFT + 16, legend_y)
        paths, markers = _paths(points), _markers(style, points)
        lines.append(NamedLine(name, style, points, paths, markers, legend_y, legend_marker))
    x_ticks = FRAME.date_ticks(when, FRAME.spread(len(when)), lambda d: d.strftime(date_format), 1)
    height = HEIGHT + 4 + len(lines) * LEGEND_ROW
    return MultiLineChart(id, title, unit, lines, x_ticks, FRAME.y_ticks(top, unit), height)
