"""What every chart shares: the frame it is drawn in, the scale from a value to a height, the
round numbers its gridlines fall on and the labels along its axes.

Only geometry lives in this package: the figures come from analytics, and every chart is shown
beside a table of the same figures (the table is what a screen reader or a spreadsheet user reads).
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

# A drawing of WIDTH by HEIGHT with margins round its plot for the labels.
WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
GRID_LINES = 4


@dataclass(frozen=True)
class Tick:
    label: str
    x: float
    y: float


@dataclass(frozen=True)
class Frame:
    """The drawing's size and its plot's edges: `left` and `right` are x, `top` and `bottom`
    are y (where the value 0 sits)."""

    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM

    @property
    def plot_width(self) -> int:
        return self.right - self.left

    @property
    def plot_height(self) -> int:
        return self.bottom - self.top

    @property
    def label_y(self) -> int:
        """Where the labels along the bottom sit."""
        return self.bottom + 18

    def y_of(self, value: float, top: float) -> float:
        """The height of `value` on a scale from 0 (the bottom) to `top`."""
        return round(self.top + self.plot_height * (1 - value / top), 1)

    def spread(self, count: int) -> list[float]:
        """`count` x positions evenly from the left edge to the right (one sits at the left)."""
        gap = self.plot_width / max(count - 1, 1)
        return [round(self.left + i * gap, 1) for i in range(count)]

    def y_ticks(self, top: float, unit: str = "", scale: float = 1.0) -> list[Tick]:
        """Gridlines at GRID_LINES even steps up to `top`, labelled in `unit` (times `scale`)."""
        return [
            Tick(
                f"{number(scale * top * n / GRID_LINES)}{unit}",
                self.left - 8,
                self.y_of(top * n / GRID_LINES, top),
            )
            for n in range(GRID_LINES + 1)
        ]

    def date_ticks(
        self, dates: Sequence[date], xs: Sequence[float], label: Callable[[date], str], every: int
    ) -> list[Tick]:
        """A label every `every` dates, counted back from the latest, so the latest is always
        labelled however many dates there are."""
        return [
            Tick(label(when), x, self.label_y)
            for i, (when, x) in enumerate(zip(dates, xs, strict=True))
            if (len(dates) - 1 - i) % every == 0
        ]


FRAME = Frame()


class Framed:
    """A chart drawn in its `frame` alone: its size is the frame's."""

    frame: Frame

    @property
    def width(self) -> int:
        return self.frame.width

    @property
    def height(self) -> int:
        return self.frame.height


def nice_top(largest: float) -> float:
    """The top of the axis: GRID_LINES steps of 1, 2, 2.5 or 5 times a power of ten, the
    smallest such that covers `largest`, so the gridlines fall on round numbers."""
    if largest <= 0:
        return float(GRID_LINES)
    rough = largest / GRID_LINES
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    return step * GRID_LINES


def number(value: float) -> str:
    return f"{value:g}"


def runs(points: Sequence[tuple[float, float] | None]) -> list[str]:
    """One path per unbroken run of points: a missing value (None) breaks the line, never
    drops it to 0."""
    paths: list[str] = []
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if run:
            paths.append(path(run))
        run = []
    return paths


def path(corners: Sequence[tuple[float, float]]) -> str:
    """An SVG path through `corners`: "M56.0,16.0 L198.0,16.0 …"."""
    return " ".join(f"{'L' if i else 'M'}{x},{y}" for i, (x, y) in enumerate(corners))
