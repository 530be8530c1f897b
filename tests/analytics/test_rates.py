"""The rate formulas: one set, used by a council's own measures and by the benchmarks, which
reproduce the DfE's published national rates from its published national totals."""

from collections.abc import Callable

import polars as pl
import pytest

from stabilise.analytics import dfe, rates
from stabilise.analytics.measures import _rates as measures_rates


def national(year: int) -> dict[str, float]:
    row = dfe.published().filter(
        (pl.col("time_period") == year) & (pl.col("geographic_level") == dfe.NATIONAL)
    )
    assert row.height == 1
    return row.select(dfe.MEASURE_COLUMNS).row(0, named=True)


def test_the_national_2021_rates_are_reproduced_from_the_national_totals() -> None:
    totals = national(2021)
    # The DfE's 2021 totals: 32,502.0 FTE in post, 6,521.9 vacant, 5,969.5 agency,
    # 4,994.5 leavers, 335,201 cases held by 20,548.9 FTE.
    assert totals["inpost_fte"] == 32502.0
    reproduced = {
        "vacancy_rate_fte": rates.vacancy_rate(totals["vacancy_fte"], totals["inpost_fte"]),
        "agency_rate_fte": rates.agency_rate(totals["agency_fte"], totals["inpost_fte"]),
        "turnover_rate_fte": rates.turnover_rate(totals["leavers_fte"], totals["inpost_fte"]),
        "caseload_fte": rates.caseload(totals["cases"], totals["case_holders_fte"]),
        "absence_rate_fte": rates.absence_rate(
            totals["working_days_lost_fte"], totals["inpost_fte"]
        ),
    }
    rounded = {key: rates.as_published(value) for key, value in reproduced.items()}
    assert rounded == {
        "vacancy_rate_fte": 16.7,
        "agency_rate_fte": 15.5,
        "turnover_rate_fte": 15.4,
        "caseload_fte": 16.3,
        "absence_rate_fte": 3.1,
    }
    assert all(totals[key] == value for key, value in rounded.items())


def test_the_expressions_a_councils_measures_use_give_the_same_national_2021_rates() -> None:
    # measures.py's own rate expressions (the ones measure_table applies to every council,
    # team and date), applied to a one-row frame of the national totals.
    totals = pl.DataFrame([national(2021)]).with_columns(**measures_rates())
    row = totals.row(0, named=True)
    assert [
        rates.as_published(row[key])
        for key in ("vacancy_rate_fte", "agency_rate_fte", "turnover_rate_fte", "caseload_fte")
    ] == [16.7, 15.5, 15.4, 16.3]


@pytest.mark.parametrize(
    ("rate", "formula", "numerator", "denominator"),
    [
        ("vacancy_rate_fte", rates.vacancy_rate, "vacancy_fte", "inpost_fte"),
        ("agency_rate_fte", rates.agency_rate, "agency_fte", "inpost_fte"),
        ("turnover_rate_fte", rates.turnover_rate, "leavers_fte", "inpost_fte"),
        ("caseload_fte", rates.caseload, "cases", "case_holders_fte"),
        ("absence_rate_fte", rates.absence_rate, "working_days_lost_fte", "inpost_fte"),
        ("turnover_rate_headcount", rates.turnover_rate, "leavers_headcount", "inpost_headcount"),
        ("agency_rate_headcount", rates.agency_rate, "agency_headcount", "inpost_headcount"),
    ],
)
def test_the_formulas_reproduce_nearly_every_published_rate(
    rate: str, formula: Callable[[float, float], float | None], numerator: str, denominator: str
) -> None:
    # Every row of every year (councils, regions, England) whose rate and inputs are published
    # as numbers. The DfE works its rates out from unrounded FTEs but publishes the FTEs
    # rounded to 0.1, so a rate worked out again from them may be 0.1 out (headcounts are
    # whole numbers, and their rates match exactly). A handful of regional and national rates
    # are further out because the DfE leaves out councils without valid figures for both parts
    # (see analytics/data/README.md): hence 99%, not all.
    rows = [
        row
        for row in dfe.published().iter_rows(named=True)
        if None not in (row[rate], row[numerator], row[denominator])
    ]
    within = [
        row
        for row in rows
        if abs(rates.as_published(formula(row[numerator], row[denominator])) - row[rate])  # type: ignore[operator]
        < 0.1 + 1e-9
    ]
    assert len(rows) > 1400
    assert len(within) / len(rows) >= 0.99


def test_a_rate_over_nothing_is_none_not_zero() -> None:
    assert rates.vacancy_rate(0.0, 0.0) is None
    assert rates.agency_rate(0.0, 0.0) is None
    assert rates.turnover_rate(3.0, 0.0) is None
    assert rates.caseload(10, 0.0) is None
    assert rates.absence_rate(5.0, 0.0) is None
    assert rates.agency_cover_rate(0.0, 0.0) is None
    assert rates.vacancy_agency_cover_rate(1.0, 0.0) is None
    assert rates.vacancy_rate(0.0, 10.0) == 0.0
    frame = pl.DataFrame({"leavers": [1.0, 2.0], "inpost": [0.0, 8.0]})
    rate = frame.select(turnover=rates.turnover_rate(pl.col("leavers"), pl.col("inpost")))
    assert rate["turnover"].to_list() == [None, 25.0]


def test_published_rounding_is_half_up_to_one_decimal_place() -> None:
    assert rates.as_published(2.25) == 2.3
    assert rates.as_published(16.65) == 16.7
    assert rates.as_published(16.64999) == 16.6
    assert rates.as_published(None) is None
