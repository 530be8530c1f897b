"""Absences of staff in post: sickness (some long-term), maternity/paternity leave, training.

Sickness is tuned to the DfE's absence rate, about 3% of working days (a median council's
figure), higher in 2022. Agency workers' absences are the agency's business and not recorded.
Working days lost are the working days in the absence times the worker's FTE, so a part-timer
off for a week loses less than a full week.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from stabilise.demo.establishment import ACADEMY
from stabilise.demo.people import YEAR, Worker
from stabilise.demo.register import Assignment
from stabilise.demo.story import SICKNESS
from stabilise.demo.workdays import add_working_days, count_working_days

SICK_SPELLS_A_YEAR = 1.1  # per worker in an ordinary year
LONG_TERM_SHARE = 0.12  # of sickness spells: 20 working days or more
SHORT_SPELL_DAYS = ((1, 0.3), (2, 0.25), (3, 0.2), (4, 0.1), (5, 0.15))
TRAINING_A_YEAR = 0.8
MATERNITY_A_YEAR = 0.035  # women aged 24 to 42
PATERNITY_A_YEAR = 0.02


@dataclass(frozen=True)
class Absence:
    worker_id: str
    start_date: date
    end_date: date
    reason: str
    working_days_lost: float


def simulate_absences(rng: np.random.Generator, assignments: list[Assignment],
                      workers: dict[str, Worker], start: date, today: date,
                      calendar: np.busdaycalendar) -> list[Absence]:
    absences: list[Absence] = []
    for assignment in assignments:
        if assignment.is_agency:
            continue
        first = max(assignment.start_date, start)
        last = min(assignment.end_date or today, today)
        if last < first:
            continue
        wanted = _spells(rng, assignment, workers[assignment.worker_id], first, last)
        taken_until = first - timedelta(days=1)
        for begins, working_days, reason in sorted(wanted):
            if begins <= taken_until:
                continue  # people are not off for two reasons at once
            ends = min(add_working_days(begins, working_days, calendar), last)
            lost = count_working_days(begins, ends, calendar)
            if lost == 0:
                continue
            absences.append(Absence(assignment.worker_id, begins, ends, reason,
                                    round(lost * assignment.fte, 2)))
            taken_until = ends
    return absences


def _spells(rng: np.random.Generator, assignment: Assignment, worker: Worker, first: date,
            last: date) -> list[tuple[date, int, str]]:
    """(first day, working days, reason) of each absence wanted in [first, last]."""
    span = (last - first).days + 1
    years = span / YEAR
    spells: list[tuple[date, int, str]] = []

    def some_day() -> date:
        return first + timedelta(days=int(rng.integers(span)))

    # Sickness varies by year: draw at the year's peak and keep each spell in proportion.
    peak = 1.3
    for _ in range(int(rng.poisson(SICK_SPELLS_A_YEAR * peak * years))):
        begins = some_day()
        if rng.random() >= SICKNESS.at(begins) / peak:
            continue
        if rng.random() < LONG_TERM_SHARE:
            days = min(100, 20 + int(rng.exponential(20)))
        else:
            days = int(rng.choice([d for d, _ in SHORT_SPELL_DAYS],
                                  p=[s for _, s in SHORT_SPELL_DAYS]))
        spells.append((begins, days, "SIC"))
    training = TRAINING_A_YEAR * years
    if assignment.team_id == ACADEMY:
        training += 3  # the ASYE programme's study days
    for _ in range(int(rng.poisson(training))):
        spells.append((some_day(), int(rng.integers(1, 4)), "TRN"))
    age = (first - worker.date_of_birth).days / YEAR
    if worker.gender == 2 and 24 <= age <= 42 and rng.random() < MATERNITY_A_YEAR * years:
        spells.append((some_day(), int(rng.integers(26, 53)) * 5, "MAT"))
    elif worker.gender == 1 and rng.random() < PATERNITY_A_YEAR * years:
        spells.append((some_day(), 10, "MAT"))
    return spells
