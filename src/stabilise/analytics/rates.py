"""The DfE's workforce rate formulas, written once.

Each formula takes plain numbers (one council, or the DfE's published totals) or Polars
expressions (a column of councils, teams or dates) and reads the same either way, so the
figures of `measures.py` and the reproduction of the DfE's published rates in the benchmarks
run the very same arithmetic. A rate whose denominator is 0 is None (a null in a frame): there
is no rate, which is not the same as a rate of 0.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import overload

import polars as pl

# The DfE's working days in a year for one FTE, the denominator of the absence rate.
WORKING_DAYS_PER_FTE = 253

Amount = float | pl.Expr


def _share(numerator: Amount, denominator: Amount, scale: float = 100.0) -> pl.Expr | float | None:
    """scale * numerator / denominator; None (null) over a zero denominator."""
    if isinstance(numerator, pl.Expr) or isinstance(denominator, pl.Expr):
        return pl.when(denominator != 0).then(scale * numerator / denominator)
    return None if denominator == 0 else scale * numerator / denominator


@overload
def agency_rate(agency_fte: pl.Expr, inpost_fte: pl.Expr) -> pl.Expr: ...
@overload
def agency_rate(agency_fte: float, inpost_fte: float) -> float | None: ...
def agency_rate(agency_fte: Amount, inpost_fte: Amount) -> pl.Expr | float | None:
    """Agency workers as a share of all social workers: 100 * agency / (agency + in post).

    Headcounts in, the headcount rate out (`agency_rate_headcount`)."""
    return _share(agency_fte, agency_fte + inpost_fte)


@overload
def vacancy_rate(vacancy_fte: pl.Expr, inpost_fte: pl.Expr) -> pl.Expr: ...
@overload
def vacancy_rate(vacancy_fte: float, inpost_fte: float) -> float | None: ...
def vacancy_rate(vacancy_fte: Amount, inpost_fte: Amount) -> pl.Expr | float | None:
    """Vacant FTE as a share of vacant plus filled: 100 * vacancies / (vacancies + in post)."""
    return _share(vacancy_fte, vacancy_fte + inpost_fte)


@overload
def turnover_rate(leavers_fte: pl.Expr, inpost_fte: pl.Expr) -> pl.Expr: ...
@overload
def turnover_rate(leavers_fte: float, inpost_fte: float) -> float | None: ...
def turnover_rate(leavers_fte: Amount, inpost_fte: Amount) -> pl.Expr | float | None:
    """Leavers in the year per 100 in post on the day: 100 * leavers / in post.

    Headcounts in, the headcount rate out (`turnover_rate_headcount`)."""
    return _share(leavers_fte, inpost_fte)


@overload
def agency_cover_rate(agency_cover_fte: pl.Expr, agency_fte: pl.Expr) -> pl.Expr: ...
@overload
def agency_cover_rate(agency_cover_fte: float, agency_fte: float) -> float | None: ...
def agency_cover_rate(agency_cover_fte: Amount, agency_fte: Amount) -> pl.Expr | float | None:
    """The share of agency workers covering a vacancy: 100 * agency cover / agency."""
    return _share(agency_cover_fte, agency_fte)


@overload
def vacancy_agency_cover_rate(agency_cover_fte: pl.Expr, vacancy_fte: pl.Expr) -> pl.Expr: ...
@overload
def vacancy_agency_cover_rate(agency_cover_fte: float, vacancy_fte: float) -> float | None: ...
def vacancy_agency_cover_rate(
    agency_cover_fte: Amount, vacancy_fte: Amount
) -> pl.Expr | float | None:
    """The share of vacancies covered by agency workers: 100 * agency cover / vacancies."""
    return _share(agency_cover_fte, vacancy_fte)


@overload
def caseload(cases: pl.Expr, case_holders_fte: pl.Expr) -> pl.Expr: ...
@overload
def caseload(cases: float, case_holders_fte: float) -> float | None: ...
def caseload(cases: Amount, case_holders_fte: Amount) -> pl.Expr | float | None:
    """Cases per case-holding FTE (a plain ratio, not a percentage)."""
    return _share(cases, case_holders_fte, scale=1.0)


@overload
def absence_rate(working_days_lost_fte: pl.Expr, inpost_fte: pl.Expr) -> pl.Expr: ...
@overload
def absence_rate(working_days_lost_fte: float, inpost_fte: float) -> float | None: ...
def absence_rate(working_days_lost_fte: Amount, inpost_fte: Amount) -> pl.Expr | float | None:
    """Sickness days lost as a share of the working days in post:
    100 * days lost / (in post * 253)."""
    return _share(working_days_lost_fte, inpost_fte * WORKING_DAYS_PER_FTE)


def as_published(value: float | None) -> float | None:
    """`value` rounded to one decimal place as the DfE publishes it: half away from zero
    (Python's round() goes half to even), via repr so that 2.25 is 2.25 and not the binary
    2.2499999..."""
    if value is None:
        return None
    return float(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
