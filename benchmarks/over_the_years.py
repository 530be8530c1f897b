"""Benchmark: the benchmarks page's "Over the years", against the one year it showed before.

1. The published side: `benchmark_over_the_years` for Sandwell (nine `benchmark()` calls over
   the shipped 150-council file), against one year's `benchmark()`.
2. The register side, the large council of councils.py in memory (1,170 workers in post, ten
   years of daily caseloads, 2.7 million rows): its measures at the nine census days in one
   pass (`measures_at_each`, as the page reads them), against `measures_at` for one day and
   against nine separate `measures_at` calls. The script stops unless the one pass gives the
   same measures as the nine calls.

    .venv/bin/python benchmarks/over_the_years.py [--repeat 7]
"""

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import councils

from stabilise.analytics import dfe
from stabilise.analytics.benchmark import benchmark, census_day
from stabilise.analytics.benchmark_years import benchmark_over_the_years
from stabilise.analytics.measures import measures_at, measures_at_each

YEARS = range(2017, 2026)


def median_ms(run: Callable[[], Any], repeat: int) -> float:
    run()  # warm up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def line(label: str, ours: float, baseline: float, baseline_label: str) -> str:
    return (
        f"  {label:<46} {ours:7.1f} ms  {baseline_label} {baseline:7.1f} ms  "
        f"ratio {ours / baseline:4.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat

    sandwell = dfe.find_authority("Sandwell")
    dfe.published()
    years = median_ms(lambda: benchmark_over_the_years(sandwell), repeat)
    one = median_ms(lambda: benchmark(2025, sandwell), repeat)
    print(f"published figures (median of {repeat}):")
    print(line("benchmark_over_the_years, 2017-2025", years, one, "one year"))

    frames = councils.large_council()
    days = [census_day(year) for year in YEARS]
    together = measures_at_each(frames, days)
    apart = [measures_at(frames, day) for day in days]
    for a, b in zip(together, apart, strict=True):
        for key, value in a.as_dict().items():
            other = b.as_dict()[key]
            same = (
                value == other
                if not isinstance(value, float) or not isinstance(other, float)
                else math.isclose(value, other, rel_tol=1e-12)
            )
            if not same:
                sys.exit(f"measures_at_each differs from measures_at on {a.as_at}: {key}")
    print("large council:", councils.describe(frames, days[-1]))
    print(f"register measures at nine census days (median of {repeat}; the same numbers):")
    each = median_ms(lambda: measures_at_each(frames, days), repeat)
    single = median_ms(lambda: measures_at(frames, days[-1]), repeat)
    nine = median_ms(lambda: [measures_at(frames, day) for day in days], repeat)
    print(line("measures_at_each, nine days in one pass", each, single, "one day"))
    print(line("measures_at nine times", nine, single, "one day"))


if __name__ == "__main__":
    main()
