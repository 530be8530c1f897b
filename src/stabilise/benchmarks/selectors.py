"""The benchmark of this council (or of any published authority) for the command and the page.

The figures are all analytics' (`analytics.benchmark`); this module only decides whose figures
to compare: the council configured in settings, with its register's measures, or a published
authority asked for by name or code, alone.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Min

from stabilise.analytics import dfe
from stabilise.analytics.benchmark import (
    Benchmark,
    UnknownYearError,
    benchmark,
    census_day,
    register_begins,
)
from stabilise.analytics.benchmark_years import BenchmarkOverTheYears, benchmark_over_the_years
from stabilise.analytics.measures import Measures, measures_at, measures_at_each
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.figures.cache import figures
from stabilise.workforce.models import Absence, Assignment
from stabilise.workforce.selectors import measures_frames


class BenchmarkError(LookupError):
    """An unknown year, authority or region, with a message for a person to read; `field` is
    what to correct: "year" or "la"."""

    def __init__(self, message: str, field: str = "year") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CouncilBenchmark:
    """A benchmark and the name the council goes by on a page."""

    name: str
    benchmark: Benchmark
    # True when this is the configured council (its register may supply its figures).
    ours: bool


def latest_year() -> int:
    return dfe.years()[-1]


@dataclass(frozen=True)
class Register:
    """The council's measures on 30 September of a year, and the day its register begins."""

    measures: Measures
    begins: date


def register_first_day() -> date | None:
    """The day the register begins (analytics' `register_begins`), from four minima rather than
    from frames: the frames for one day hold only that week's caseloads."""
    return register_begins(
        first_snapshot=CaseloadSnapshot.objects.aggregate(first=Min("date"))["first"],
        first_absence=Absence.objects.aggregate(first=Min("start_date"))["first"],
        first_end=Assignment.objects.aggregate(first=Min("end_date"))["first"],
        first_start=Assignment.objects.aggregate(first=Min("start_date"))["first"],
    )


@figures("register-measures")
def register_measures(year: int) -> Register | None:
    """The council's measures from its register on 30 September of `year`, or None when the
    register has no local data for that day: it begins later, or has nobody in post then.
    The published figures, if any, are used instead of rates over a handful of records."""
    day = census_day(year)
    begins = register_first_day()
    if begins is None or begins > day:
        return None
    measures = measures_at(measures_frames([day]), day)
    return Register(measures, begins) if measures.inpost_fte > 0 else None


def _configured_authority(year: int) -> dfe.Authority | None:
    code = settings.COUNCIL_LA_CODE
    if not code:
        return None
    try:
        return dfe.find_authority(code, year=year)
    except dfe.UnknownAuthorityError as error:
        raise BenchmarkError(f"STABILISE_LA_CODE is {code!r}: {error}", "la") from error


def council_benchmark(year: int | None = None, la: str | None = None) -> CouncilBenchmark:
    """The benchmark for `year` (default: the latest published) of the published authority
    `la` (a name or either LA code) from its published figures alone, or without `la`, of this
    council: the authority set in STABILISE_LA_CODE, if any, with its register's measures
    when it has local data that year, else its region STABILISE_REGION."""
    year = latest_year() if year is None else year
    try:
        if la:
            asked_for = dfe.find_authority(la, year=year)
            return CouncilBenchmark(asked_for.la_name, benchmark(year, asked_for), ours=False)
        if year not in dfe.years():
            # Checked before the register is read: no point loading it for a year with no
            # published figures.
            benchmark(year)
        authority = _configured_authority(year)
        region = None if authority else settings.COUNCIL_REGION
        register = register_measures(year)
        result = benchmark(
            year,
            authority,
            register.measures if register else None,
            region,
            register_from=register.begins if register else None,
        )
    except UnknownYearError as error:
        raise BenchmarkError(str(error), "year") from error
    except dfe.UnknownAuthorityError as error:
        raise BenchmarkError(str(error), "la") from error
    except dfe.UnknownRegionError as error:
        region = settings.COUNCIL_REGION
        raise BenchmarkError(f"STABILISE_REGION is {region!r}: {error}", "la") from error
    return CouncilBenchmark(settings.COUNCIL_NAME, result, ours=True)


@dataclass(frozen=True)
class CouncilOverTheYears:
    """The benchmark of every published year and the name the council goes by on a page."""

    name: str
    over_the_years: BenchmarkOverTheYears
    ours: bool


def register_measures_by_year(begins: date | None) -> dict[int, Measures]:
    """The council's register measures at 30 September of each published year it has local
    data for (as `register_measures` decides, year by year), read in one go: only the caseloads
    that can count on those days, and every day's measures in one pass."""
    days = {year: census_day(year) for year in dfe.years()}
    days = {year: day for year, day in days.items() if begins is not None and begins <= day}
    if not days:
        return {}
    frames = measures_frames(list(days.values()))
    measures = zip(days, measures_at_each(frames, list(days.values())), strict=True)
    return {year: m for year, m in measures if m.inpost_fte > 0}


def council_over_the_years(la: str | None = None) -> CouncilOverTheYears:
    """Every published year's benchmark (see `council_benchmark`) of the published authority
    `la` from its published figures alone, or without `la`, of this council with its
    register's measures in the years it has local data, its published figures (if it is a
    published authority) in the others."""
    try:
        if la:
            asked_for = dfe.find_authority(la)
            return CouncilOverTheYears(
                asked_for.la_name, benchmark_over_the_years(asked_for), ours=False
            )
        authority = _configured_authority(latest_year())
        begins = register_first_day()
        result = benchmark_over_the_years(
            authority,
            register_measures_by_year(begins),
            None if authority else settings.COUNCIL_REGION,
            register_from=begins,
        )
    except dfe.UnknownAuthorityError as error:
        raise BenchmarkError(str(error), "la") from error
    except dfe.UnknownRegionError as error:
        region = settings.COUNCIL_REGION
        raise BenchmarkError(f"STABILISE_REGION is {region!r}: {error}", "la") from error
    return CouncilOverTheYears(settings.COUNCIL_NAME, result, ours=True)
