import datetime as dt
from decimal import Decimal

import pytest

from stabilise.ui.charts.lines import line_chart
from stabilise.ui.figures import month_ends
from stabilise.ui.templatetags.stabilise_ui import fte, one_decimal, percent

D = dt.date


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2.25, "2.3"),
        (0.05, "0.1"),
        (17.857142857, "17.9"),
        (3, "3.0"),
        (0.0, "0.0"),
        (None, "Not available"),
    ],
)
def test_figures_are_rounded_half_up_to_one_decimal_as_the_dfe_publishes_them(
    value: float | None, shown: str
) -> None:
    assert one_decimal(value) == shown


def test_a_rate_has_its_percent_sign_and_a_missing_rate_says_so() -> None:
    assert percent(26.315789) == "26.3%"
    assert percent(None) == "Not available"


def test_an_fte_is_shown_as_recorded_without_stored_zeros() -> None:
    assert [fte(Decimal(v)) for v in ("1.0000", "0.8000", "0.7500")] == ["1.0", "0.8", "0.75"]


def test_the_trend_ends_at_the_last_month_end_up_to_today() -> None:
    assert month_ends(D(2025, 6, 15), 3) == [D(2025, 3, 31), D(2025, 4, 30), D(2025, 5, 31)]
    assert month_ends(D(2024, 3, 31), 2) == [D(2024, 2, 29), D(2024, 3, 31)]
    assert len(month_ends(D(2025, 6, 15), 36)) == 36


def test_a_missing_value_breaks_the_line_instead_of_dropping_to_zero() -> None:
    days = [D(2025, m, 28) for m in range(1, 6)]
    chart = line_chart("c", "C", "%", list(zip(days, [10.0, None, 20.0, 30.0, None], strict=True)))

    assert len(chart.paths) == 2
    assert chart.paths[0].count("L") == 0 and chart.paths[1].count("L") == 1
    assert chart.has_data
    assert [t.label for t in chart.y_ticks] == ["0%", "10%", "20%", "30%", "40%"]


def test_a_chart_with_no_values_has_no_line() -> None:
    chart = line_chart("c", "C", "", [(D(2025, 1, 31), None)])

    assert chart.paths == [] and not chart.has_data
