from datetime import date, timedelta

from stabilise.reports.weekly_caseload.chart import weekly_chart

WEEKS = [date(2025, 3, 7) - timedelta(weeks=n) for n in range(3, -1, -1)]


def test_a_week_without_a_figure_breaks_the_line_instead_of_dropping_to_zero() -> None:
    chart = weekly_chart(WEEKS, [[10.0, None, 12.0, 14.0], [11.0, 11.5, 12.0, 13.0]])
    average, trend = chart.lines

    assert len(average.paths) == 2 and len(average.points) == 3
    assert len(trend.paths) == 1 and len(trend.points) == 4


def test_both_lines_share_one_scale_with_round_gridlines() -> None:
    chart = weekly_chart(WEEKS, [[10.0, 10.0, 10.0, 18.0], [5.0, 5.0, 5.0, 5.0]])

    assert [t.label for t in chart.y_ticks] == ["0", "5", "10", "15", "20"]
    # The same value sits at the same height on either line.
    assert chart.lines[0].points[0][1] == chart.y_ticks[2].y
    assert chart.lines[1].points[0][1] == chart.y_ticks[1].y


def test_nothing_to_draw_is_said_rather_than_drawn() -> None:
    assert not weekly_chart(WEEKS, [[None] * 4, [None] * 4]).has_data
