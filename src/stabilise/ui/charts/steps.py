"""Survival step charts drawn as SVG on the server: the share still in post falling at each
leaving, with its confidence band shaded behind. The y axis is 0 to 100 %, the x axis months
from the start."""

from collections.abc import Sequence
from dataclasses import dataclass

from stabilise.ui.charts.axis import FRAME, Frame, Framed, Tick, number, path


@dataclass(frozen=True)
class StepChart(Framed):
    """A survival curve: its steps as one path and its confidence band as a closed path
    behind it."""

    id: str
    title: str
    line: str
    band: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    frame: Frame = FRAME
    template: str = "ui/charts/steps.html"

    @property
    def has_data(self) -> bool:
        return bool(self.line)

    @property
    def axis_title_x(self) -> float:
        return self.frame.left + self.frame.plot_width / 2

    @property
    def axis_title_y(self) -> int:
        return self.frame.height - 4


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
        return round(FRAME.left + FRAME.plot_width * min(months, span) / span, 1)

    end = x_of(until if ends is None else ends)
    line, upper, lower = (
        _steps([(x_of(step[0]), FRAME.y_of(step[column], 1.0)) for step in steps], end)
        for column in (1, 3, 2)
    )
    band = f"{path([*upper, *reversed(lower)])} Z" if upper else ""
    x_ticks = [
        Tick(number(months), x_of(months), FRAME.label_y)
        for months in (every * n for n in range(int(span // every) + 1))
    ]
    y_ticks = FRAME.y_ticks(1.0, "%", scale=100)
    return StepChart(id, title, path(line), band, x_ticks, y_ticks)
