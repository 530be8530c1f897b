"""A worker's caseload history beside their team's average, and a team's caseload distribution.

Both use the weekly caseload report's words (contracts/measures.md): a worker's caseload on D is
their latest snapshot dated in [D-6, D]; they belong to the team of their main assignment active
on D (largest FTE, then earliest start); a case holder has a caseload of 1 or more; a team's
average is its case holders' cases over their number. A team's average on a Friday is therefore
the weekly report's `average` for that week, and both come from the same parts (measure_parts).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from stabilise.analytics import measure_parts as parts
from stabilise.analytics.frames import CouncilFrames

# Caseload bands of the distribution: (lowest, highest), None for no upper end. A case holder
# has at least one case, so the first band starts at 1.
BANDS: tuple[tuple[int, int | None], ...] = (
    (1, 5),
    (6, 10),
    (11, 15),
    (16, 20),
    (21, 25),
    (26, None),
)


@dataclass(frozen=True)
class CaseloadPoint:
    """One date of a worker's history. `team_id` is None when the worker had no assignment
    active that day; `caseload` is None when none is known; `team_average` is None when the
    team had no case holder."""

    on: date
    team_id: str | None
    caseload: int | None
    team_average: float | None


@dataclass(frozen=True)
class Band:
    low: int
    high: int | None
    count: int

    @property
    def label(self) -> str:
        return f"{self.low} or more" if self.high is None else f"{self.low} to {self.high}"


@dataclass(frozen=True)
class CaseloadDistribution:
    """A team's case holders by caseload band on one date, and its other workers that day."""

    on: date
    bands: tuple[Band, ...]
    # Workers of the team that day with no case, or no caseload known.
    without_cases: int

    @property
    def case_holders(self) -> int:
        return sum(band.count for band in self.bands)


def _worker_days(frames: CouncilFrames, dates: Sequence[date]) -> pl.DataFrame:
    """Per (as_at, worker active that day): their main assignment's team (`group`) and their
    caseload that day (null when none is known)."""
    assignments = parts.prepare_assignments(frames.assignments, pl.col("team_id"))
    active = parts.active_on(assignments, parts.as_at_frame(list(dates)))
    return parts.caseloads_on(active, frames.caseloads.select("worker_id", "date", "cases"))


def _team_averages(worker_days: pl.DataFrame) -> pl.DataFrame:
    holders = worker_days.filter(pl.col("caseload") >= 1)
    return holders.group_by(parts.KEYS).agg(
        team_average=pl.col("caseload").mean(),
        team_cases=pl.col("caseload").sum().cast(pl.Int64),
        team_case_holders=pl.len().cast(pl.Int64),
    )


def caseloads_beside_team_average(frames: CouncilFrames, dates: Sequence[date]) -> pl.DataFrame:
    """One row per (as_at, worker with an assignment active that day): `team_id` (their main
    assignment's), `caseload` (null when none is known) and their team's `team_average`,
    `team_cases` and `team_case_holders` that day (null when the team had no case holder)."""
    worker_days = _worker_days(frames, dates)
    return worker_days.join(_team_averages(worker_days), on=parts.KEYS, how="left").select(
        "as_at",
        "worker_id",
        pl.col(parts.GROUP).alias("team_id"),
        "caseload",
        "team_average",
        "team_cases",
        "team_case_holders",
    )


def caseload_history(
    frames: CouncilFrames, worker_id: str, dates: Sequence[date]
) -> list[CaseloadPoint]:
    """The worker's caseload on each of `dates` (oldest first) and the average caseload of the
    case holders of the team they were in that day."""
    own = caseloads_beside_team_average(frames, dates).filter(pl.col("worker_id") == worker_id)
    rows = parts.as_at_frame(list(dates)).join(own, on="as_at", how="left").sort("as_at")
    return [
        CaseloadPoint(row["as_at"], row["team_id"], row["caseload"], row["team_average"])
        for row in rows.iter_rows(named=True)
    ]


def caseload_distribution(frames: CouncilFrames, team_id: str, on: date) -> CaseloadDistribution:
    """How many of the team's case holders on `on` hold a caseload in each of BANDS."""
    team = _worker_days(frames, [on]).filter(pl.col(parts.GROUP) == team_id)
    caseloads = [c for c in team["caseload"].to_list() if c is not None and c >= 1]
    bands = tuple(
        Band(low, high, sum(1 for c in caseloads if c >= low and (high is None or c <= high)))
        for low, high in BANDS
    )
    return CaseloadDistribution(on=on, bands=bands, without_cases=team.height - len(caseloads))
