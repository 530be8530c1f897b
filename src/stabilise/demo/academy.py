"""Wessex County Council's ASYE academy, derived from the simulated register.

The simulation already takes newly qualified social workers (start_origin 1) into its academy
team at two intakes a year. This module adds what the academy records about them, as the `asye`
import file: cohort, route, practice lead (a holder of an academy Practice Lead post), a mentor
(an experienced senior practitioner, two or three NQSWs each), the reviews held (most on time,
some recent ones overdue), and the panel's outcome. Nothing here imports Django, and nothing in
the simulation changes: the same seed and day always give the same academy.
"""

from datetime import date, timedelta

import numpy as np
import polars as pl

from stabilise.academy import codes
from stabilise.analytics import measure_parts as parts
from stabilise.analytics.asye_reviews import due_date, pauses_of
from stabilise.analytics.frames import CouncilFrames, conform
from stabilise.demo.establishment import ACADEMY, SENIOR_PRACTITIONER

NEWLY_QUALIFIED = 1
MENTOR_MOST = 3
OVERDUE_WINDOW = timedelta(days=90)  # recent reviews some practice leads have not held yet
ONE_DAY = timedelta(days=1)


def cohort_label(start: date) -> str:
    return f"{start.year} {'spring' if start.month <= 6 else 'autumn'}"


def panel_on_or_after(day: date) -> date:
    """The academy's panel sits on the third Thursday of each month."""
    first = day.replace(day=1)
    third = first + timedelta(days=(3 - first.weekday()) % 7 + 14)
    if third >= day:
        return third
    following = (first + timedelta(days=32)).replace(day=1)
    return following + timedelta(days=(3 - following.weekday()) % 7 + 14)


def _active(frame: pl.DataFrame, day: date) -> pl.DataFrame:
    return frame.filter(
        (pl.col("start_date") <= day) & (pl.col("end_date").is_null() | (pl.col("end_date") >= day))
    )


def _route(rng: np.random.Generator, worker: dict) -> str:
    if worker["frontline_grad"]:
        return "frontline"
    if worker["step_up_grad"]:
        return "step_up"
    draw = rng.random()
    return "university" if draw < 0.9 else "apprenticeship" if draw < 0.97 else "other"


def simulate_academy(frames: CouncilFrames, seed: int, today: date) -> pl.DataFrame:
    """The `asye` frame of the demo council's NQSWs who started on or before `today`."""
    rng = np.random.default_rng([seed, 2016])
    a = frames.assignments
    in_post = a.filter(pl.col("contract").is_in(["permanent", "fixed_term"]))
    starters = (
        in_post.filter(
            (pl.col("start_origin") == NEWLY_QUALIFIED)
            & (pl.col("team_id") == ACADEMY)
            & (pl.col("start_date") <= today)
        )
        .sort("start_date", "worker_id")
        .unique("worker_id", keep="first", maintain_order=True)
    )
    workers = {w["worker_id"]: w for w in frames.workers.iter_rows(named=True)}
    names = {w: row["display_name"] for w, row in workers.items()}
    left = dict(parts.leavers(a).group_by("worker_id").agg(pl.col("end_date").max()).iter_rows())
    seniors = in_post.filter(pl.col("org_role") == SENIOR_PRACTITIONER)
    absences: dict[str, list[tuple[date, date, str]]] = {}
    for w, s, e, r in frames.absences.select(
        "worker_id", "start_date", "end_date", "reason"
    ).iter_rows():
        absences.setdefault(w, []).append((s, e, r))
    mentees: dict[str, list[date]] = {}  # mentor → programme starts of their NQSWs
    rows: list[dict[str, object]] = []
    for starter in starters.iter_rows(named=True):
        worker, start = starter["worker_id"], starter["start_date"]
        leaving = left.get(worker)
        leads = sorted(
            names[w]
            for w in _active(seniors.filter(pl.col("team_id") == ACADEMY), start)["worker_id"]
        )
        lead = leads[len(rows) % len(leads)] if leads else None
        mentor = None
        if rng.random() >= 0.05:  # a few NQSWs wait for a mentor
            candidates = sorted(
                set(_active(seniors.filter(pl.col("team_id") != ACADEMY), start)["worker_id"])
            )
            loads = {
                c: sum(1 for s in mentees.get(c, []) if s > start - timedelta(days=365))
                for c in candidates
            }
            open_ = [c for c in candidates if loads[c] < MENTOR_MOST]
            if open_:
                # Fill mentors up to two or three before asking another.
                mentor = max(
                    open_, key=lambda c: (loads[c] > 0, loads[c] < 2, -candidates.index(c))
                )
                mentees.setdefault(mentor, []).append(start)
        pauses = pauses_of(absences.get(worker, []), start)
        held: dict[int, date | None] = {}
        for month in codes.REVIEW_MONTHS:
            due = due_date(start, month, pauses)
            happens = month != codes.OPTIONAL_REVIEW or rng.random() < 0.15
            on = min(due + timedelta(days=int(rng.integers(-5, 10))), today, leaving or today)
            recent = due > today - OVERDUE_WINDOW
            gone = leaving is not None and leaving < due
            skipped = recent and rng.random() < 0.4
            held[month] = on if happens and due <= today and not gone and not skipped else None
        outcome, completed = codes.IN_PROGRESS, None
        if leaving is not None and (held[12] is None or leaving < held[12]):
            outcome = codes.WITHDRAWN
        elif held[12] is not None:
            panel = panel_on_or_after(held[12] + timedelta(days=7))
            if rng.random() < 0.06:  # extended: a second panel three months on
                panel = panel_on_or_after(panel + timedelta(days=90))
                outcome = codes.EXTENDED
            if panel <= today and (leaving is None or leaving >= panel):
                outcome, completed = codes.PASSED, panel
            elif leaving is not None and leaving < panel:
                outcome = codes.WITHDRAWN
        rows.append(
            {
                "worker_id": worker,
                "cohort": cohort_label(start),
                "programme_start": start,
                "route": _route(rng, workers[worker]),
                "practice_lead": lead,
                "mentor_worker_id": mentor,
                **{f"review_{m}m": held[m] for m in codes.REVIEW_MONTHS},
                "outcome": outcome,
                "completed_on": completed,
            }
        )
    if not rows:
        return conform("asye", pl.DataFrame())
    return conform("asye", pl.DataFrame(rows, infer_schema_length=None))


def with_academy(frames: CouncilFrames, seed: int, today: date) -> CouncilFrames:
    return CouncilFrames(**{**vars(frames), "asye": simulate_academy(frames, seed, today)})
