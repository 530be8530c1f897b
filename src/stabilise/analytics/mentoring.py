"""Mentoring, protected caseloads and intake planning for the ASYE academy, as at a date.

Framework-free. The rules (README, "The ASYE academy"):

- **Mentor load**: each mentor's NQSWs on the programme on D (analytics/asye_reviews.py). A
  warning when a mentor has fewer than two (an Enhanced Social Work Practitioner mentors at
  least two) or more than the configured maximum, when a mentor is not in post on D, and for
  each NQSW on the programme without a mentor.
- **Protected caseload**: the experienced workers' average is the mean caseload on D
  (measures.md: the latest snapshot in [D-6, D]) of the workers in post on D with a caseload of
  1 or more, other than NQSWs on the programme and their mentors. An NQSW's protected caseload
  is the configured percentage (90 %) of it; an NQSW above it is flagged.
- **Intake planning** for an intake on a date T: NQSWs still on the programme then are those
  on it on D whose 12-month review falls due after T. Places = the smaller of the mentors'
  free places (for every mentor in post on D: the maximum less their NQSWs still on at T) and
  the practice leads' free places (practice leads times their maximum less the NQSWs still on at
  T). Vacancies expected by the intake = the FTE of the leavers of the year to D (measures.md)
  spread over the intakes of a year, plus the vacancies open on D.
"""

import math
from dataclasses import dataclass
from datetime import date

import polars as pl

from stabilise.analytics import measure_parts as parts
from stabilise.analytics.academy import ENHANCED_TITLE, in_post_on
from stabilise.analytics.asye_reviews import due_date, on_programme, pauses_of
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.measures import measures_at


@dataclass(frozen=True)
class MentorLoad:
    mentor_worker_id: str
    nqsws: list[str]  # worker ids of their NQSWs on the programme
    caseload: int | None
    in_post: bool
    warning: str | None


@dataclass(frozen=True)
class ProtectedCaseload:
    worker_id: str
    caseload: int | None
    limit: float | None
    over: bool


@dataclass(frozen=True)
class Mentoring:
    as_at: date
    mentors: list[MentorLoad]
    without_mentor: list[str]  # NQSWs on the programme with no mentor
    experienced_average: float | None
    nqsws: list[ProtectedCaseload]


def caseloads_on(frames: CouncilFrames, as_at: date) -> dict[str, int | None]:
    """Each worker with an assignment active on `as_at`: their caseload that day, or None."""
    days = parts.as_at_frame([as_at])
    active = parts.active_on(parts.prepare_assignments(frames.assignments, pl.lit("")), days)
    rows = parts.caseloads_on(active, frames.caseloads).select("worker_id", "caseload")
    return dict(rows.iter_rows())


def _warning(count: int, in_post: bool, maximum: int) -> str | None:
    if not in_post:
        return "not in post: their NQSWs need another mentor"
    if count < 2:
        return "fewer than two NQSWs"
    if count > maximum:
        return f"more than {maximum} NQSWs"
    return None


def mentoring(
    frames: CouncilFrames, as_at: date, *, mentor_max: int, protected_pct: float
) -> Mentoring:
    nqsws = on_programme(frames, as_at)
    caseloads = caseloads_on(frames, as_at)
    in_post = set(in_post_on(frames.assignments, as_at).to_list())
    mentors: dict[str, list[str]] = {}
    for worker_id, mentor in nqsws.select("worker_id", "mentor_worker_id").iter_rows():
        if mentor is not None:
            mentors.setdefault(mentor, []).append(worker_id)
    loads = [
        MentorLoad(
            mentor,
            sorted(mine),
            caseloads.get(mentor),
            mentor in in_post,
            _warning(len(mine), mentor in in_post, mentor_max),
        )
        for mentor, mine in sorted(mentors.items())
    ]
    nqsw_ids = set(nqsws.get_column("worker_id").to_list())
    experienced = [
        cases
        for worker_id, cases in caseloads.items()
        if worker_id in in_post
        and worker_id not in nqsw_ids
        and worker_id not in mentors
        and cases is not None
        and cases >= 1
    ]
    average = sum(experienced) / len(experienced) if experienced else None
    limit = None if average is None else average * protected_pct / 100
    protected = [
        ProtectedCaseload(
            worker_id,
            caseloads.get(worker_id),
            limit,
            limit is not None and (caseloads.get(worker_id) or 0) > limit,
        )
        for worker_id in sorted(nqsw_ids)
    ]
    without = sorted(nqsws.filter(pl.col("mentor_worker_id").is_null())["worker_id"].to_list())
    return Mentoring(as_at, loads, without, average, protected)


@dataclass(frozen=True)
class IntakePlan:
    as_at: date
    intake_on: date
    on_programme_now: int
    still_on_at_intake: int
    mentors: int
    mentor_places: int
    practice_leads: int
    practice_lead_places: int
    places: int  # the smaller of the two
    leavers_fte_last_12_months: float
    vacancy_fte_now: float
    expected_vacancies_fte: float  # by the intake: a share of a year's leavers + today's vacancies
    suggested_intake: int  # places, but no more than the vacancies expected (rounded up)


def intake_plan(
    frames: CouncilFrames,
    as_at: date,
    intake_on: date,
    *,
    mentor_max: int,
    practice_lead_max: int,
    intakes_per_year: int,
    mentor_pool: list[str] | None = None,
) -> IntakePlan:
    """How many NQSWs the academy can take at the intake on `intake_on` (see the module's rules).

    `mentor_pool` is who else can mentor; the current mentors of NQSWs on the programme and the
    holders of Enhanced Practitioner posts (a job title with "enhanced") on `as_at` always can.
    """
    nqsws = on_programme(frames, as_at)
    absences = frames.absences.select("worker_id", "start_date", "end_date", "reason").drop_nulls()
    still_on: list[tuple[str, str | None, str | None]] = []
    for row in nqsws.iter_rows(named=True):
        own = [
            (s, e, r)
            for w, s, e, r in absences.filter(pl.col("worker_id") == row["worker_id"]).iter_rows()
        ]
        finishes = due_date(row["programme_start"], 12, pauses_of(own, row["programme_start"]))
        if finishes > intake_on:
            still_on.append((row["worker_id"], row["mentor_worker_id"], row["practice_lead"]))
    in_post = set(in_post_on(frames.assignments, as_at).to_list())
    enhanced = frames.assignments.filter(
        pl.col("job_title").str.to_lowercase().str.contains(ENHANCED_TITLE).fill_null(False)
        & (pl.col("start_date") <= as_at)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= as_at))
    )["worker_id"].to_list()
    pool = set(mentor_pool or []) | set(enhanced)
    pool |= {m for m in nqsws["mentor_worker_id"].to_list() if m}
    pool &= in_post
    load = {mentor: 0 for mentor in pool}
    for _, mentor, _ in still_on:
        if mentor in load:
            load[mentor] += 1
    mentor_places = sum(max(0, mentor_max - n) for n in load.values())
    leads = {lead for lead in nqsws["practice_lead"].to_list() if lead}
    lead_places = max(0, len(leads) * practice_lead_max - len(still_on))
    places = min(mentor_places, lead_places)
    measures = measures_at(frames, as_at)
    expected = measures.leavers_fte / max(intakes_per_year, 1) + measures.vacancy_fte
    return IntakePlan(
        as_at=as_at,
        intake_on=intake_on,
        on_programme_now=nqsws.height,
        still_on_at_intake=len(still_on),
        mentors=len(pool),
        mentor_places=mentor_places,
        practice_leads=len(leads),
        practice_lead_places=lead_places,
        places=places,
        leavers_fte_last_12_months=measures.leavers_fte,
        vacancy_fte_now=measures.vacancy_fte,
        expected_vacancies_fte=expected,
        suggested_intake=min(places, math.ceil(expected - 1e-9)),
    )
