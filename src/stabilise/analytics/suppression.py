"""Small-number suppression for those who see aggregates only (councillors and directors).

As the DfE publishes: a count from 1 to 4 is shown as `c`, and so is any figure built on such a
count (a rate whose numerator or denominator rests on 1 to 4 people, an FTE of 1 to 4 people, an
average caseload of 1 to 4 case holders). Zero is shown: it identifies nobody.

Where only an FTE is known (case holders), an FTE below 5 is taken as "maybe fewer than five
people" and withheld: nobody works more than full time in one post, so 1 to 4 people never
come to 5 FTE or more. That withholds a little more than the DfE would (five part-timers), never
less.

No Django here: the pages, the workbook and the email all call the same rules.
"""

from collections.abc import Mapping
from typing import Literal, TypeVar

SUPPRESSED: Literal["c"] = "c"
SMALLEST_SHOWN = 5

Kind = Literal["count", "fte"]
T = TypeVar("T")


def small_count(count: float | None) -> bool:
    """1 to 4: a count the DfE would not publish."""
    return count is not None and 0 < count < SMALLEST_SHOWN


def small_fte(fte: float | None) -> bool:
    """An FTE that may be made up of fewer than five people."""
    return fte is not None and 0 < fte < SMALLEST_SHOWN


def count_or_c(count: int | None) -> int | str | None:
    """A count, or `c` for 1 to 4."""
    return SUPPRESSED if small_count(count) else count


def withheld_unless(
    value: T, *counts: float | None, ftes: tuple[float | None, ...] = ()
) -> T | str:
    """`value`, or `c` when any count it is built on is 1 to 4 (or any FTE below 5)."""
    if any(small_count(c) for c in counts) or any(small_fte(f) for f in ftes):
        return SUPPRESSED
    return value


# What each of analytics' Measures rests on: the counts (and people's FTEs) behind it.
# The vacancy FTE is of posts, not people, so stands alone.
RESTS_ON: dict[str, tuple[tuple[str, Kind], ...]] = {
    "inpost_headcount": (("inpost_headcount", "count"),),
    "inpost_fte": (("inpost_headcount", "count"),),
    "agency_headcount": (("agency_headcount", "count"),),
    "agency_fte": (("agency_headcount", "count"),),
    "agency_rate_fte": (("agency_headcount", "count"), ("inpost_headcount", "count")),
    "vacancy_fte": (),
    "vacancy_rate_fte": (("inpost_headcount", "count"),),
    "agency_cover_fte": (("agency_cover_fte", "fte"),),
    "agency_cover_rate_fte": (("agency_cover_fte", "fte"), ("inpost_headcount", "count")),
    "vacancy_agency_cover_rate_fte": (("agency_cover_fte", "fte"),),
    "starters_headcount": (("starters_headcount", "count"),),
    "starters_fte": (("starters_headcount", "count"),),
    "leavers_headcount": (("leavers_headcount", "count"),),
    "leavers_fte": (("leavers_headcount", "count"),),
    "turnover_rate_fte": (("leavers_headcount", "count"), ("inpost_headcount", "count")),
    # The DfE also publishes these two by headcount; the benchmark works them out alike.
    "turnover_rate_headcount": (("leavers_headcount", "count"), ("inpost_headcount", "count")),
    "agency_rate_headcount": (("agency_headcount", "count"), ("inpost_headcount", "count")),
    # A team's cases are the sum of its case holders' caseloads: one case holder's total is theirs.
    "cases": (("cases", "count"), ("case_holders_fte", "fte")),
    "case_holders_fte": (("case_holders_fte", "fte"),),
    "caseload_fte": (("cases", "count"), ("case_holders_fte", "fte")),
    # Sickness is health data: a small team's rate tells of its few people.
    "working_days_lost_fte": (("inpost_headcount", "count"),),
    "absence_rate_fte": (("inpost_headcount", "count"),),
}


def measure_suppressed(measures: Mapping[str, float | int | None], key: str) -> bool:
    """Whether the measure `key` of `measures` (Measures.as_dict()) must be shown as `c`."""
    for name, kind in RESTS_ON[key]:
        value = measures.get(name)
        if (small_count if kind == "count" else small_fte)(value):
            return True
    return False


def measure_or_c(measures: Mapping[str, float | int | None], key: str) -> float | int | str | None:
    """The measure `key`, or `c` where it rests on small numbers."""
    return SUPPRESSED if measure_suppressed(measures, key) else measures.get(key)
