"""Several lines on one chart: one scale, a gap for a missing value, and lines told apart by
dash and marker as well as colour."""

import datetime as dt

import pytest

from stabilise.ui.charts.axis import BOTTOM, HEIGHT, LEFT, TOP
from stabilise.ui.charts.lines import LINE_STYLES, multi_line_chart

YEARS = [dt.date(year, 9, 30) for year in range(2021, 2026)]


def test_the_lines_share_one_scale_from_zero_to_a_round_number_above_the_largest() -> None:
    chart = multi_line_chart(
        "v", "Vacancy rate", "%", YEARS, [("Us", [10, 12, 14, 16, 18]), ("Them", [31] * 5)]
    )
    # The largest value, 31, gives 0 to 40 in steps of 10.
    assert [t.label for t in chart.y_ticks] == ["0%", "10%", "20%", "30%", "40%"]
    us, them = chart.lines
    plot_height = HEIGHT - TOP - BOTTOM
    assert us.points[0].y == round(TOP + plot_height * (1 - 10 / 40), 1)
    assert them.points[0].y == round(TOP + plot_height * (1 - 31 / 40), 1)
    # One label a year, the first at the left edge.
    assert [t.label for t in chart.x_ticks] == ["2021", "2022", "2023", "2024", "2025"]
    assert chart.x_ticks[0].x == LEFT


def test_a_missing_value_is_a_gap_in_the_line_never_a_zero() -> None:
    chart = multi_line_chart("t", "Turnover", "%", YEARS, [("Us", [None, 12.0, None, 14.0, 16.0])])
    (us,) = chart.lines
    # Two pieces: 2022 alone (a point, shown by its marker) and 2024 to 2025.
    assert len(us.paths) == 2
    assert us.paths[0].count("L") == 0 and us.paths[1].count("L") == 1
    assert len(us.markers) == 3
    assert [p.y is None for p in us.points] == [True, False, True, False, False]
    assert chart.has_data


def test_each_line_has_its_own_dash_and_marker_and_a_legend_entry_with_its_name() -> None:
    chart = multi_line_chart(
        "c",
        "Caseload",
        "",
        YEARS,
        [("Sandwell", [16.0] * 5), ("West Midlands", [17.0] * 5), ("England", [15.0] * 5)],
    )
    styles = [line.style for line in chart.lines]
    assert len({s.dash for s in styles}) == 3
    assert len({s.marker for s in styles}) == 3
    assert len({s.colour for s in styles}) == 3
    # The legend sits under the axis, one row a line, inside the drawing.
    rows = [line.legend_y for line in chart.lines]
    assert rows == sorted(rows) and rows[0] > HEIGHT - BOTTOM and rows[-1] < chart.height
    assert chart.described == (
        "Sandwell (solid line, circles), West Midlands (dashed line, squares), "
        "England (dotted line, triangles)"
    )


def test_markers_are_centred_on_their_points() -> None:
    chart = multi_line_chart("m", "M", "", YEARS[:1], [("A", [1.0]), ("B", [1.0]), ("C", [1.0])])
    x, y = chart.lines[0].points[0].x, chart.lines[0].points[0].y
    assert y is not None
    circle, square, triangle = (line.markers[0] for line in chart.lines)
    assert circle.startswith(f"M{x - 4:g},{y:g} a4,4")
    assert square.startswith(f"M{x - 4:g},{y - 4:g} h8 v8")
    assert triangle.startswith(f"M{x:g},{y - 5:g} ")


def test_a_chart_with_no_values_has_nothing_to_draw() -> None:
    chart = multi_line_chart("n", "N", "%", YEARS, [("Us", [None] * 5)])
    assert not chart.has_data
    assert chart.lines[0].paths == [] and chart.lines[0].markers == []


def test_more_lines_than_styles_is_refused() -> None:
    with pytest.raises(ValueError, match="At most 3 lines"):
        multi_line_chart("x", "X", "", YEARS, [(str(n), [1.0] * 5) for n in range(4)])
    assert len(LINE_STYLES) == 3
