"""The ASYE's reviews: when each falls due, which are done, due soon or overdue as at a date.

Framework-free. The rules (README, "The ASYE academy"):

- A review's **nominal date** is `programme_start` plus 3, 6, 9 or 12 calendar months. A day that
  the month does not have becomes its last day: 31 August + 6 months is 28 February (29 in a
  leap year), 29 February + 12 months is 28 February.
- **Pauses**: the ASYE stops for a long absence, as the programme allows (e.g. parental leave).
  Every `MAT` absence pauses it, and any other absence of 28 calendar days or more except
  training (`TRN`) and public duties (`PUB`). Overlapping pauses merge; only the days on or after
  `programme_start` count. Each pause that begins on or before a review's due date (as already
  moved by earlier pauses) moves that date later by the pause's length in days.
- A review is **done** when it was held on or before D; otherwise it is **overdue** if its due
  date is before D, **due** if it falls in the next four weeks (D to D + 28 days), else **later**.
  The 9-month review is **optional** (never due or overdue) unless the practice lead asked for it.
- Only NQSWs **on the programme** on D have reviews listed: started by D, in post on D, and not
  passed by D, failed or withdrawn (in progress or extended).
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from stabilise.academy import codes
from stabilise.analytics.academy import in_post_on
from stabilise.analytics.frames import CouncilFrames

LONG_ABSENCE_DAYS = 28
ALWAYS_PAUSES = ("MAT",)
NEVER_PAUSES = ("TRN", "PUB")
DUE_WINDOW_DAYS = 28
DONE, OVERDUE, DUE, LATER, OPTIONAL = "done", "overdue", "due", "later", "optional"

Pause = tuple[date, date]  # first and last day, inclusive


def add_months(day: date, months: int) -> date:
    """`day` plus calendar months; past the end of a shorter month, its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def pauses_of(absences: list[tuple[date, date, str]], programme_start: date) -> list[Pause]:
    """The pauses of one NQSW's ASYE from their absences (start, end, reason): merged, sorted,
    and clipped to begin no earlier than the programme."""
    spans = sorted(
        (max(start, programme_start), end)
        for start, end, reason in absences
        if end >= programme_start
        and reason.strip().upper() not in NEVER_PAUSES
        and (reason.strip().upper() in ALWAYS_PAUSES or (end - start).days + 1 >= LONG_ABSENCE_DAYS)
    )
    merged: list[Pause] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def due_date(programme_start: date, months: int, pauses: list[Pause]) -> date:
    """When the review after `months` falls due, moved on by the pauses before it."""
    due = add_months(programme_start, months)
    for start, end in pauses:
        if start <= due:
            due += timedelta(days=(end - start).days + 1)
    return due


@dataclass(frozen=True)
class ReviewLine:
    worker_id: str
    cohort: str
    month: int
    due_on: date
    held_on: date | None
    status: str
    paused_days: int
    practice_lead: str | None
    mentor_worker_id: str | None


def status_of(held_on: date | None, due_on: date, as_at: date, *, optional: bool = False) -> str:
    if held_on is not None and held_on <= as_at:
        return DONE
    if optional:
        return OPTIONAL
    if due_on < as_at:
        return OVERDUE
    return DUE if due_on <= as_at + timedelta(days=DUE_WINDOW_DAYS) else LATER


def on_programme(frames: CouncilFrames, as_at: date) -> pl.DataFrame:
    """The `asye` rows of the NQSWs on the programme on `as_at`."""
    in_post = in_post_on(frames.assignments, as_at)
    passed = (pl.col("outcome") == codes.PASSED) & (pl.col("completed_on") <= as_at)
    still = (
        pl.col("outcome").fill_null(codes.IN_PROGRESS).is_in([*codes.ON_PROGRAMME, codes.PASSED])
    )
    return frames.asye.filter(
        (pl.col("programme_start") <= as_at)
        & pl.col("worker_id").is_in(in_post.implode())
        & still
        & ~passed.fill_null(False)
    )


def review_lines(frames: CouncilFrames, as_at: date) -> list[ReviewLine]:
    """Every review of every NQSW on the programme on `as_at`, by due date."""
    nqsws = on_programme(frames, as_at)
    absences: dict[str, list[tuple[date, date, str]]] = {}
    for worker_id, start, end, reason in (
        frames.absences.filter(pl.col("worker_id").is_in(nqsws["worker_id"].implode()))
        .select("worker_id", "start_date", "end_date", "reason")
        .drop_nulls()
        .iter_rows()
    ):
        absences.setdefault(worker_id, []).append((start, end, reason))
    lines = []
    for row in nqsws.iter_rows(named=True):
        pauses = pauses_of(absences.get(row["worker_id"], []), row["programme_start"])
        for month in codes.REVIEW_MONTHS:
            due = due_date(row["programme_start"], month, pauses)
            optional = month == codes.OPTIONAL_REVIEW and not row["review_9m_required"]
            held = row[f"review_{month}m"]
            lines.append(
                ReviewLine(
                    worker_id=row["worker_id"],
                    cohort=row["cohort"],
                    month=month,
                    due_on=due,
                    held_on=held,
                    status=status_of(held, due, as_at, optional=optional),
                    paused_days=(due - add_months(row["programme_start"], month)).days,
                    practice_lead=row["practice_lead"],
                    mentor_worker_id=row["mentor_worker_id"],
                )
            )
    return sorted(lines, key=lambda line: (line.due_on, line.worker_id, line.month))


@dataclass(frozen=True)
class ReviewsDue:
    as_at: date
    overdue: list[ReviewLine]
    due: list[ReviewLine]  # in the next four weeks
    on_programme: int

    def for_practice_lead(self, name: str | None) -> "ReviewsDue":
        """The same lists for the NQSWs of one practice lead (None: those without one)."""

        def mine(line: ReviewLine) -> bool:
            return (line.practice_lead or None) == name

        return ReviewsDue(
            self.as_at,
            [line for line in self.overdue if mine(line)],
            [line for line in self.due if mine(line)],
            self.on_programme,
        )


def reviews_due(frames: CouncilFrames, as_at: date) -> ReviewsDue:
    lines = review_lines(frames, as_at)
    return ReviewsDue(
        as_at=as_at,
        overdue=[line for line in lines if line.status == OVERDUE],
        due=[line for line in lines if line.status == DUE],
        on_programme=len({(line.worker_id, line.cohort) for line in lines}),
    )
