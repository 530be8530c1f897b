"""The survival step chart's geometry: the plot is x 56 to 624 and y 16 (100 %) to 220 (0 %)
(ui/charts/axis.py: 640 x 260 with margins 56, 16, 16 and 40), so over 12 months a month is
568 / 12 = 47.33 px and a percentage point 2.04 px."""

from stabilise.ui.charts.steps import step_chart

STEPS = [(0.0, 1.0, 1.0, 1.0), (3.0, 0.75, 0.5, 0.9), (6.0, 0.5, 0.25, 0.75)]


def test_a_step_chart_falls_at_each_step_and_holds_level_to_its_end() -> None:
    chart = step_chart("c", "C", STEPS, until=12)
    # 3 months: 56 + 3 x 47.33 = 198.0; 6 months 340.0; 75 %: 16 + 0.25 x 204 = 67.0; 50 %: 118.
    assert chart.line == "M56.0,16.0 L198.0,16.0 L198.0,67.0 L340.0,67.0 L340.0,118.0 L624.0,118.0"
    assert chart.has_data


def test_the_confidence_band_runs_along_the_upper_bound_and_back_along_the_lower() -> None:
    chart = step_chart("c", "C", STEPS, until=12)
    # Upper 100, 90, 75 % (y 16, 36.4, 67); lower 100, 50, 25 % (y 16, 118, 169), reversed.
    assert chart.band == (
        "M56.0,16.0 L198.0,16.0 L198.0,36.4 L340.0,36.4 L340.0,67.0 L624.0,67.0 "
        "L624.0,169.0 L340.0,169.0 L340.0,118.0 L198.0,118.0 L198.0,16.0 L56.0,16.0 Z"
    )


def test_a_curve_that_stops_early_keeps_the_axis_of_the_others() -> None:
    chart = step_chart("c", "C", STEPS, until=24, ends=9)
    # Over 24 months a month is 23.67 px: the line stops at 9 months, 56 + 213 = 269.0.
    assert chart.line.endswith("L269.0,118.0")
    assert [t.label for t in chart.x_ticks] == ["0", "12", "24"]
    assert [t.label for t in chart.y_ticks] == ["0%", "25%", "50%", "75%", "100%"]


def test_a_chart_with_no_steps_has_nothing_to_draw() -> None:
    chart = step_chart("c", "C", [], until=12)
    assert chart.line == "" and chart.band == "" and not chart.has_data
