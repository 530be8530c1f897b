"""Caseload snapshots for every working day, built a whole assignment at a time with NumPy.

A worker's caseload follows their team's target, scaled by their FTE and role, pushed up when
the team is short of staff and when demand is high, with a slow random wander of their own:
- senior practitioners hold fewer, harder cases; newly qualified workers in the ASYE academy
  hold a protected caseload (85% of the team's);
- a starter builds up over about eight weeks; someone leaving or moving hands cases on over
  their last four;
- in a heavy spell (heavy_caseloads.py) a worker carries 30-55% more for a few months;
- nobody holds cases on maternity or paternity leave (no snapshot those days);
- team managers hold none.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import polars as pl

from stabilise.demo.absences import Absence
from stabilise.demo.establishment import ACADEMY, CASE_HOLDER, SENIOR_PRACTITIONER, TeamPlan
from stabilise.demo.heavy_caseloads import heavy_shape
from stabilise.demo.register import Assignment, Post
from stabilise.demo.story import DEMAND

ROLE_SHARE = {SENIOR_PRACTITIONER: 0.8, CASE_HOLDER: 1.0}
ASYE_PROTECTION = 0.85
PRESSURE_PER_GAP = 1.0  # a team 10% short carries 10% more cases each
SMOOTHING_DAYS = 20  # managers reallocate work over about a month, not overnight
WANDER = 1.3  # cases: how far a full-timer's caseload strays from the target
WANDER_MEMORY = 0.97  # day-to-day persistence of that wander
WANDER_REACH = 120  # working days of memory kept when filtering the wander
RAMP_UP_DAYS, HAND_OVER_DAYS = 56, 28  # calendar days
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class WorkingDays:
    """The working days of the simulation and a way to find an interval's slice of them."""

    days: np.ndarray  # datetime64[D]

    def index(self, first: date, last: date | None) -> tuple[int, int]:
        i0 = int(np.searchsorted(self.days, np.datetime64(first, "D"), "left"))
        if last is None:
            return i0, len(self.days)
        return i0, int(np.searchsorted(self.days, np.datetime64(last, "D"), "right"))


def team_pressure(days: WorkingDays, teams: dict[str, TeamPlan], posts: list[Post],
                  assignments: list[Assignment]) -> dict[str, np.ndarray]:
    """Per team and working day, how much each case holder's load is raised by vacancies."""
    n = len(days.days)
    establishment = {team: np.zeros(n + 1) for team in teams}
    staffed = {team: np.zeros(n + 1) for team in teams}
    for post in posts:
        i0, i1 = days.index(post.established_from, post.established_to)
        establishment[post.team_id][i0] += post.fte
        establishment[post.team_id][i1] -= post.fte
    for assignment in assignments:
        i0, i1 = days.index(assignment.start_date, assignment.end_date)
        staffed[assignment.team_id][i0] += assignment.fte
        staffed[assignment.team_id][i1] -= assignment.fte
    kernel = np.ones(SMOOTHING_DAYS) / SMOOTHING_DAYS
    pressure = {}
    for team in teams:
        posts_fte = np.cumsum(establishment[team])[:n]
        gap = (posts_fte - np.cumsum(staffed[team])[:n]) / np.maximum(posts_fte, 1.0)
        # Surge capacity above the establishment eases the load a little, never below 90%.
        raw = 1 + PRESSURE_PER_GAP * np.clip(gap, -0.12, 1.0)
        padded = np.concatenate([np.full(SMOOTHING_DAYS - 1, raw[0]), raw])
        pressure[team] = np.convolve(padded, kernel, mode="valid")
    return pressure


def simulate_caseloads(rng: np.random.Generator, days: np.ndarray,
                       teams: dict[str, TeamPlan], posts: list[Post],
                       assignments: list[Assignment], absences: list[Absence]) -> pl.DataFrame:
    """One row per case-holding worker per working day of an active assignment."""
    calendar = WorkingDays(days)
    pressure = team_pressure(calendar, teams, posts, assignments)
    demand = DEMAND.over(days)
    on_leave: dict[str, list[tuple[np.datetime64, np.datetime64]]] = {}
    for absence in absences:
        if absence.reason == "MAT":
            on_leave.setdefault(absence.worker_id, []).append(
                (np.datetime64(absence.start_date, "D"), np.datetime64(absence.end_date, "D"))
            )
    # A worker carrying on in the same team (a renewed contract, an agency worker made
    # permanent) keeps their cases: they neither build up again nor get handed over.
    # Both sets are only asked about membership, never iterated.
    started = {(a.worker_id, a.team_id, a.start_date) for a in assignments}
    ended = {(a.worker_id, a.team_id, a.end_date) for a in assignments if a.end_date}
    kernel = WANDER_MEMORY ** np.arange(WANDER_REACH)
    worker_ids, day_index, cases_out, points_out = [], [], [], []
    for a in assignments:
        if a.org_role not in ROLE_SHARE:
            continue
        i0, i1 = calendar.index(a.start_date, a.end_date)
        if i1 <= i0:
            continue
        team, span, n = teams[a.team_id], days[i0:i1], i1 - i0
        level = team.target_cases * a.fte * ROLE_SHARE[a.org_role] * rng.lognormal(0, 0.08)
        level *= ASYE_PROTECTION if a.team_id == ACADEMY else 1.0
        shape = np.ones(n)
        if (a.worker_id, a.team_id, a.start_date - ONE_DAY) not in ended:
            since = (span - np.datetime64(a.start_date, "D")).astype(np.int64)
            shape *= np.clip(0.25 + 0.75 * since / RAMP_UP_DAYS, 0.25, 1.0)
        if a.end_date and (a.worker_id, a.team_id, a.end_date + ONE_DAY) not in started:
            left = (np.datetime64(a.end_date, "D") - span).astype(np.int64)
            shape *= np.clip(0.5 + 0.5 * left / HAND_OVER_DAYS, 0.5, 1.0)
        if a.heavy:
            shape *= heavy_shape(span, a.heavy)
        step = WANDER * np.sqrt(a.fte * (1 - WANDER_MEMORY**2))
        wander = np.convolve(rng.normal(0, step, n + WANDER_REACH - 1), kernel, mode="valid")
        wanted = level * shape * pressure[a.team_id][i0:i1] * demand[i0:i1] + wander
        cases = np.maximum(np.rint(wanted), 0).astype(np.int64)
        keep = np.ones(n, dtype=bool)
        for leave_from, leave_to in on_leave.get(a.worker_id, []):
            keep &= (span < leave_from) | (span > leave_to)
        weight = team.case_weight * rng.uniform(0.9, 1.15)  # some carry harder cases
        worker_ids.append(np.full(int(keep.sum()), a.worker_id, dtype=object))
        day_index.append(np.flatnonzero(keep) + i0)
        cases_out.append(cases[keep])
        points_out.append(np.round(cases[keep] * weight, 1))
    if not cases_out:
        return pl.DataFrame()
    return pl.DataFrame(
        {
            "worker_id": pl.Series(np.concatenate(worker_ids), dtype=pl.String),
            "date": days[np.concatenate(day_index)],
            "cases": np.concatenate(cases_out),
            "weighted_points": np.concatenate(points_out),
        }
    ).sort("worker_id", "date")
