"""The demo's people: who a new social worker is, drawn from the fixed lists in `names`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

import numpy as np

from stabilise.demo import names

T = TypeVar("T")
YEAR = 365.25


@dataclass(frozen=True)
class Worker:
    """A row of the workers file."""

    worker_id: str
    display_name: str
    swe_number: str
    date_of_birth: date
    gender: int
    ethnicity: str
    qual_level: int
    qual_institution: str
    qualified_on: date
    step_up_grad: bool
    frontline_grad: bool


def pick(rng: np.random.Generator, shares: Sequence[tuple[T, float]]) -> T:
    """One option drawn with the given (unnormalised) shares."""
    point = rng.random() * sum(share for _, share in shares)
    for option, share in shares:
        point -= share
        if point < 0:
            return option
    return shares[-1][0]


def one_of(rng: np.random.Generator, options: Sequence[T]) -> T:
    return options[int(rng.integers(len(options)))]


class People:
    """Makes workers with unique local ids and Social Work England numbers."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._next_staff = 10001
        self._next_agency = 2001
        self._swe_taken: set[int] = set()  # only asked "is it taken?", never iterated

    def newly_qualified(self, starts: date) -> Worker:
        """A social worker who qualified in the weeks before an ASYE intake."""
        qualified_on = starts - timedelta(days=int(self._rng.integers(25, 95)))
        return self._person(qualified_on, staff=True, overseas=False, max_age_now=(starts, 60))

    def experienced(self, on: date, years_qualified: float, *, agency: bool = False,
                    overseas: bool = False) -> Worker:
        """A social worker qualified about `years_qualified` years before `on`."""
        years = min(max(years_qualified, 0.2), 38.0)
        qualified_on = on - timedelta(days=int(years * YEAR))
        if not overseas:
            # UK courses finish in the summer.
            qualified_on = date(qualified_on.year, int(self._rng.integers(6, 8)),
                                int(self._rng.integers(1, 29)))
            if qualified_on > on:
                qualified_on = date(qualified_on.year - 1, qualified_on.month, qualified_on.day)
        return self._person(qualified_on, staff=not agency, overseas=overseas,
                            max_age_now=(on, 64))

    def _person(self, qualified_on: date, *, staff: bool, overseas: bool,
                max_age_now: tuple[date, int]) -> Worker:
        rng = self._rng
        gender = pick(rng, names.GENDER_SHARES)
        ethnicity = pick(rng, names.OVERSEAS_ETHNICITY_SHARES if overseas
                         else names.ETHNICITY_SHARES)
        women, men, surnames = names.NAMES_BY_GROUP[names.GROUP_BY_ETHNICITY.get(ethnicity,
                                                                              "british")]
        first = one_of(rng, men if gender == 1 else women if gender == 2 else women + men)
        qual_level = pick(rng, ((1, 0.55), (2, 0.42), (3, 0.03)))
        # Social work is often a second career: many undergraduates are mature students and
        # postgraduates typically qualify in their thirties.
        age_at_qualifying = (21 + rng.gamma(1.5, 5.0)) if qual_level == 1 else (
            23 + rng.gamma(2.0, 4.5))
        on, oldest = max_age_now
        years_since = (on - qualified_on).days / YEAR
        age_at_qualifying = max(21.0, min(age_at_qualifying, oldest - years_since))
        born = qualified_on - timedelta(days=int(age_at_qualifying * YEAR))
        step_up = qual_level == 2 and qualified_on.year >= 2012 and rng.random() < 0.08
        frontline = (qual_level == 2 and not step_up and qualified_on.year >= 2015
                     and rng.random() < 0.06)
        return Worker(
            worker_id=self._next_id(staff),
            display_name=f"{first} {one_of(rng, surnames)}",
            swe_number=self._swe_number(),
            date_of_birth=born,
            gender=gender,
            ethnicity=ethnicity,
            qual_level=qual_level,
            qual_institution=one_of(rng, names.OVERSEAS_UNIVERSITIES if overseas
                                    else names.UK_UNIVERSITIES),
            qualified_on=qualified_on,
            step_up_grad=bool(step_up),
            frontline_grad=bool(frontline),
        )

    def _next_id(self, staff: bool) -> str:
        # Payroll numbers for staff, the agency's booking reference for agency workers.
        if staff:
            self._next_staff += 1
            return f"WCC{self._next_staff - 1:05d}"
        self._next_agency += 1
        return f"AGY{self._next_agency - 1:04d}"

    def _swe_number(self) -> str:
        while True:
            number = int(self._rng.integers(10000, 1000000))
            if number not in self._swe_taken:
                self._swe_taken.add(number)
                return f"SW{number}"
