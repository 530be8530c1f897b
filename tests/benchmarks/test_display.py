"""How figures are written and drawn: rounding, symbols, ranks and the bars' geometry."""

from stabilise.analytics.benchmark import MEASURES, Figure
from stabilise.benchmarks import display
from stabilise.ui.charts.horizontal_bars import LABEL_WIDTH, VALUE_ROOM, WIDTH
from stabilise.ui.charts.horizontal_bars import horizontal_bar_chart as bar_chart

BY_KEY = {m.key: m for m in MEASURES}


def test_figures_are_written_to_one_decimal_place_half_up_with_symbols_as_published() -> None:
    rate, size, count = BY_KEY["vacancy_rate_fte"], BY_KEY["inpost_fte"], BY_KEY["cases"]
    assert display.figure(Figure(16.65), rate) == "16.7%"
    assert display.figure(Figure(4130.25), size) == "4,130.3"
    assert display.figure(Figure(321661.0), count) == "321,661"
    assert display.number(1866.5, count) == "1,866.5"  # a median of whole numbers
    assert display.figure(Figure(None, "c"), rate) == "c"
    assert display.figure(Figure(None, "low"), size) == "low"
    assert display.figure(Figure(None), rate) == "Not available"
    assert display.figure(Figure(0.0), rate) == "0.0%"


def test_ordinals() -> None:
    assert [display.ordinal(n) for n in (2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112)] == [
        "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th", "112th",
    ]  # fmt: skip


def test_bars_run_from_zero_on_a_round_scale_and_a_missing_figure_draws_no_bar() -> None:
    chart = bar_chart(
        "v", "Vacancy rate", "%", [("Us", 12.0, "12.0%", True), ("Region", None, "c", False)]
    )
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    # The largest figure, 12, gives a scale of 0 to 20 in steps of 5.
    assert [t.label for t in chart.ticks] == ["0%", "5%", "10%", "15%", "20%"]
    us, region = chart.bars
    assert us.width == round(room * 12 / 20, 1)
    assert us.ours
    assert region.width is None
    assert region.shown == "c"
    assert region.text_x == LABEL_WIDTH + 6
    assert chart.has_data
    assert not bar_chart("n", "None", "", [("Us", None, "x", True)]).has_data


def test_years_are_written_as_runs() -> None:
    assert display.year_ranges([2017]) == "2017"
    assert display.year_ranges([2018, 2019, 2020]) == "2018 to 2020"
    assert display.year_ranges([2025, 2017, 2019, 2020, 2021]) == "2017, 2019 to 2021 and 2025"
