"""Timing shared by the benchmark scripts: Stabilise and its floors in turn, every round, so
load from other processes falls on both alike."""

import time
from collections.abc import Callable
from typing import Any


def median_times(runs: dict[str, Callable[[], Any]], repeat: int) -> dict[str, list[float]]:
    """Each run once to warm up, then `repeat` rounds of all of them in turn."""
    for run in runs.values():
        run()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - started)
    return times
