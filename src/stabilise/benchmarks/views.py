"""The benchmarks page: this council, or any published authority, against its region, England
and its ten most similar councils, for any published year, and its main rates over the years.

Those who see aggregates only (access.suppresses_small_numbers) read the council's own register
figures that rest on 1 to 4 people as `c` (analytics.benchmark_suppression); `stabilise
benchmark`, run by staff, shows them as they are."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stabilise.accounts.access import suppresses_small_numbers
from stabilise.analytics import dfe
from stabilise.analytics.benchmark import MEASURES, Benchmark, census_day
from stabilise.analytics.benchmark_suppression import (
    any_withheld,
    suppressed,
    suppressed_over_the_years,
)
from stabilise.analytics.benchmark_years import BenchmarkOverTheYears
from stabilise.analytics.similar_councils import SIMILAR_RULE
from stabilise.benchmarks import display
from stabilise.benchmarks.selectors import (
    BenchmarkError,
    council_benchmark,
    council_over_the_years,
    latest_year,
)
from stabilise.figures.cache import figures
from stabilise.ui.charts.horizontal_bars import HorizontalBarChart, horizontal_bar_chart
from stabilise.ui.charts.lines import MultiLineChart, multi_line_chart

# The measures the similar councils' table shows, beside each council's size.
SIMILAR_COLUMNS = [m for m in MEASURES if m.main or m.key == "absence_rate_fte"]
SIZE = next(m for m in MEASURES if m.key == "inpost_fte")


def _charts(name: str, result: Benchmark) -> list[HorizontalBarChart]:
    region = result.region or "Region"
    charts = []
    for measure in (m for m in MEASURES if m.main):
        c = result.comparison(measure.key)
        bars = [
            (name, c.own.value, display.own(c), True),
            (region, c.region.value, display.figure(c.region, measure), False),
            ("England", c.england.value, display.figure(c.england, measure), False),
            (
                "Similar councils (median)",
                c.similar_median,
                display.similar_median(c),
                False,
            ),
        ]
        key = measure.key.replace("_", "-")
        charts.append(horizontal_bar_chart(key, measure.label, measure.unit, bars))
    return charts


@dataclass(frozen=True)
class YearTrend:
    """One main measure over the years: a chart of the council, its region and England, and
    the table of the same figures beside it."""

    chart: MultiLineChart
    rows: list[display.YearRow]


def _year_trends(name: str, result: BenchmarkOverTheYears) -> list[YearTrend]:
    region = result.region or "Region"
    trends = []
    for trend in result.trends:
        figures = [y.comparison for y in trend.years]
        chart = multi_line_chart(
            f"{trend.measure.key.replace('_', '-')}-years",
            trend.measure.label,
            trend.measure.unit,
            [census_day(y.year) for y in trend.years],
            [
                (name, [c.own.value for c in figures]),
                (region, [c.region.value for c in figures]),
                ("England", [c.england.value for c in figures]),
            ],
        )
        trends.append(YearTrend(chart, display.year_rows(trend)))
    return trends


def _year(text: str | None) -> int | None:
    """The year asked for; None for none. Text that is not a year raises BenchmarkError."""
    if not text:
        return None
    if not text.strip().isdigit():
        raise BenchmarkError(f"{text!r} is not a year: choose one from the list.")
    return int(text)


@login_required
def benchmark_page(request: HttpRequest) -> HttpResponse:
    la = request.GET.get("la", "").strip()
    context: dict[str, object] = {
        "years": list(reversed(dfe.years())),
        "authorities": dfe.authorities(),
        "chosen_la": la,
        "chosen_year": request.GET.get("year", ""),
        "similar_rule": SIMILAR_RULE,
    }
    suppress = suppresses_small_numbers(request.user)  # type: ignore[arg-type]
    try:
        context.update(comparison_shown(_year(request.GET.get("year")), la or None, suppress))
    except BenchmarkError as error:
        context["error"] = str(error)
        context["error_field"] = error.field
        return render(request, "benchmarks/benchmark.html", context, status=400)
    return render(request, "benchmarks/benchmark.html", context)


@figures("benchmark-page", setting_names=("COUNCIL_LA_CODE", "COUNCIL_REGION", "COUNCIL_NAME"))
def comparison_shown(year: int | None, la: str | None, suppress: bool) -> dict[str, object]:
    """The page's comparisons, tables and charts, the year's and over the years: the same for
    everyone who asks for the same and sees small numbers the same way."""
    subject = council_benchmark(year, la)
    # The same authority over the years as in the year chosen (a name such as Dorset can
    # mean two authorities: the year decides which).
    authority = subject.benchmark.authority
    over = council_over_the_years(authority.old_la_code if la and authority else None)
    result, years_result = subject.benchmark, over.over_the_years
    if suppress:
        result, years_result = suppressed(result), suppressed_over_the_years(years_result)
    trends = years_result.trends
    return {
        "name": subject.name,
        "ours": subject.ours,
        "result": result,
        "chosen_year": str(result.year),
        "rows": display.rows(result),
        "charts": _charts(subject.name, result),
        "main_rows": [r for r in display.rows(result) if r.key in _MAIN_KEYS],
        "similar_columns": SIMILAR_COLUMNS,
        "similar": [
            {
                "name": s.la_name,
                "region": s.region,
                "size": display.figure(s.figures[SIZE.key], SIZE),
                "figures": [display.figure(s.figures[m.key], m) for m in SIMILAR_COLUMNS],
            }
            for s in result.similar
        ],
        "symbols": display.symbols_used(result),
        "latest_year": latest_year(),
        "years_result": years_result,
        "year_trends": _year_trends(subject.name, years_result),
        "year_sources": display.sources(subject.name, years_result, over.ours),
        "year_symbols": display.symbols_over_the_years(years_result),
        "suppressed": any_withheld(
            [*result.comparisons, *(y.comparison for t in trends for y in t.years)]
        ),
    }


_MAIN_KEYS = {m.key for m in MEASURES if m.main}
