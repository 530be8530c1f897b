"""The ASYE academy's cohort table (contracts/academy.md) and progression after the ASYE.

Framework-free: frames in, dataclasses out. Every figure on the cohort page, in the command's
JSON, table and workbook comes from `cohort_table`.

How each NQSW (a row of the `asye` frame whose programme started on or before D) is counted:

- **completed**: `outcome` passed and `completed_on` on or before D.
- **remain**: an in-post (permanent or fixed-term) assignment active on D.
- Someone not remaining who has *left* on or before D, on or after their programme start: their
  last such exit, which is a leaver in the sense of measures.md (`measure_parts.leavers`, the
  one definition) or the end of an in-post assignment with `end_reason` 7 (a move to a
  non-child-and-family social work role in the council). If they had completed by the day they
  left (`completed_on` on or before the last day in post, since they are gone from the day
  after), they **left after completing**; otherwise a 7 move is **redeployed mid** and any other
  reason (or none recorded) **left mid**.
- Someone who left and came back counts as remaining, so each NQSW is in exactly one of
  remain, left after completing, left mid and redeployed mid (or none, with no in-post record).
- **leaving destinations**: the `end_destination` of the exits of those who left (after
  completing or mid-year); a redeployment is not a leaving. No destination: "Not recorded".
"""

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from stabilise import csww
from stabilise.academy import codes
from stabilise.analytics import measure_parts as parts
from stabilise.analytics.frames import CouncilFrames

REDEPLOYED = 7  # end_reason: moved to a non-child and family social work role within the LA
NOT_RECORDED = "Not recorded"
TOTAL = "Total"
DESTINATIONS = dict(csww.END_DESTINATION)
# Progression after the ASYE, read from later assignments.
MANAGER_ROLES = (1, 2, 3)
SENIOR_PRACTITIONER = 4
ENHANCED_TITLE = "enhanced"  # job titles such as "Enhanced Social Work Practitioner"


@dataclass(frozen=True)
class CohortRow:
    """One line of the cohort table: the keys of contracts/academy.md, in its order."""

    cohort: str
    period: tuple[str, str]  # first and last programme_start, YYYY-MM-DD
    numbers: int
    completed: int
    remain: int
    left_after_completing: int
    left_mid: int
    redeployed_mid: int
    yet_to_complete: int
    retained_of_started_pct: float | None
    retained_of_completed_pct: float | None
    leaving_destinations: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        values = dataclasses.asdict(self)
        values["period"] = list(self.period)
        return values


@dataclass(frozen=True)
class CohortTable:
    as_at: date
    cohorts: list[CohortRow]
    total: CohortRow

    def as_dict(self) -> dict[str, Any]:
        return {
            "as_at": self.as_at.isoformat(),
            "cohorts": [row.as_dict() for row in self.cohorts],
            "total": self.total.as_dict(),
        }


def in_post_on(assignments: pl.DataFrame, as_at: date) -> pl.Series:
    """The worker ids with an in-post assignment active on `as_at`."""
    in_post = parts.spelled_as(assignments, "contract", *csww.IN_POST_CONTRACTS)
    active = (pl.col("start_date") <= as_at) & (
        pl.col("end_date").is_null() | (pl.col("end_date") >= as_at)
    )
    return assignments.filter(in_post & active).get_column("worker_id").unique()


def _exits(assignments: pl.DataFrame) -> pl.DataFrame:
    """Every day a worker left children and family social work here: the leavers of
    measures.md and the in-post assignments that ended with a move to another role (reason 7)."""
    in_post = parts.spelled_as(assignments, "contract", *csww.IN_POST_CONTRACTS)
    moved = assignments.filter(in_post & (pl.col("end_reason") == REDEPLOYED))
    columns = ["worker_id", "end_date", "end_reason", "end_destination"]
    return (
        pl.concat([parts.leavers(assignments).select(columns), moved.select(columns)])
        .unique()
        .rename({"end_date": "left_on"})
    )


def nqsw_status(frames: CouncilFrames, as_at: date) -> pl.DataFrame:
    """One row per NQSW of a cohort that had started by `as_at`, with how they count on it:
    `completed`, `remain`, `left_on` (their exit, if they left), `end_reason`,
    `end_destination`, and `status` (remain, left_after_completing, left_mid, redeployed_mid,
    or null for someone with no in-post record at all)."""
    asye = frames.asye.filter(pl.col("programme_start") <= as_at).with_row_index("_nqsw")
    remaining = in_post_on(frames.assignments, as_at)
    exits = (
        asye.select("_nqsw", "worker_id", "programme_start")
        .join(_exits(frames.assignments), on="worker_id")
        .filter((pl.col("left_on") >= pl.col("programme_start")) & (pl.col("left_on") <= as_at))
        .sort("_nqsw", "left_on", "end_reason", nulls_last=True)
        .group_by("_nqsw", maintain_order=True)
        .last()
        .select("_nqsw", "left_on", "end_reason", "end_destination")
    )
    completed = (pl.col("outcome") == codes.PASSED) & (pl.col("completed_on") <= as_at)
    remain = pl.col("worker_id").is_in(remaining.implode())
    after_completing = pl.col("completed") & (pl.col("completed_on") <= pl.col("left_on"))
    return (
        asye.join(exits, on="_nqsw", how="left")
        .with_columns(completed=completed.fill_null(False), remain=remain)
        .with_columns(
            status=pl.when("remain")
            .then(pl.lit("remain"))
            .when(pl.col("left_on").is_null())
            .then(pl.lit(None, dtype=pl.String))
            .when(after_completing)
            .then(pl.lit("left_after_completing"))
            .when(pl.col("end_reason") == REDEPLOYED)
            .then(pl.lit("redeployed_mid"))
            .otherwise(pl.lit("left_mid"))
        )
        .sort("_nqsw")
        .drop("_nqsw")
    )


def _pct(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100 * part / whole


def _row(label: str, nqsws: pl.DataFrame) -> CohortRow:
    status = nqsws.get_column("status")
    completed = nqsws.get_column("completed")
    remain = nqsws.get_column("remain")
    left = nqsws.filter(pl.col("status").is_in(["left_after_completing", "left_mid"]))
    counted: dict[str, int] = {}
    for code in left.get_column("end_destination").to_list():
        name = NOT_RECORDED if code is None else DESTINATIONS.get(code, str(code))
        counted[name] = counted.get(name, 0) + 1
    order = [*DESTINATIONS.values(), NOT_RECORDED]
    destinations = {
        name: counted[name]
        for name in sorted(counted, key=lambda n: order.index(n) if n in order else len(order))
    }
    numbers = nqsws.height
    n_completed = int(completed.sum())
    n_remain = int(remain.sum())
    starts = nqsws.get_column("programme_start")
    return CohortRow(
        cohort=label,
        period=(starts.min().isoformat(), starts.max().isoformat()),  # type: ignore[union-attr]
        numbers=numbers,
        completed=n_completed,
        remain=n_remain,
        left_after_completing=int((status == "left_after_completing").sum()),
        left_mid=int((status == "left_mid").sum()),
        redeployed_mid=int((status == "redeployed_mid").sum()),
        yet_to_complete=int((remain & ~completed).sum()),
        retained_of_started_pct=_pct(n_remain, numbers),
        retained_of_completed_pct=_pct(int((remain & completed).sum()), n_completed),
        leaving_destinations=destinations,
    )


def cohort_table(frames: CouncilFrames, as_at: date) -> CohortTable:
    """Each cohort's line, oldest first (by its first programme start, then label), and the
    total over all cohorts, whose percentages are worked out from its own counts."""
    nqsws = nqsw_status(frames, as_at)
    order = (
        nqsws.group_by("cohort")
        .agg(pl.col("programme_start").min().alias("_first"))
        .sort("_first", "cohort")
        .get_column("cohort")
        .to_list()
    )
    rows = [_row(label, nqsws.filter(pl.col("cohort") == label)) for label in order]
    if nqsws.is_empty():
        total = CohortRow(TOTAL, ("", ""), 0, 0, 0, 0, 0, 0, 0, None, None, {})
    else:
        total = _row(TOTAL, nqsws)
    return CohortTable(as_at, rows, total)


@dataclass(frozen=True)
class Progression:
    """Who has stepped up since passing their ASYE, by cohort: each count is of people, each
    person counted once in every step they have reached by D."""

    cohort: str
    completed: int
    senior_practitioner: int
    enhanced_practitioner: int
    manager: int


def progression(frames: CouncilFrames, as_at: date) -> list[Progression]:
    """Steps up after the ASYE from in-post assignments that started after `completed_on` and
    by D: to an Enhanced Practitioner post (a job title with "enhanced" in it), to senior
    practitioner (org_role 4, other titles) or to a manager (org_role 1 to 3). The last line is
    the total over all cohorts."""
    done = (
        nqsw_status(frames, as_at)
        .filter("completed")
        .sort("programme_start", "cohort")
        .select("worker_id", "cohort", "completed_on")
    )
    in_post = parts.spelled_as(frames.assignments, "contract", *csww.IN_POST_CONTRACTS)
    later = (
        done.join(frames.assignments.filter(in_post), on="worker_id")
        .filter((pl.col("start_date") > pl.col("completed_on")) & (pl.col("start_date") <= as_at))
        .with_columns(
            enhanced=pl.col("job_title")
            .str.to_lowercase()
            .str.contains(ENHANCED_TITLE)
            .fill_null(False)
        )
        .with_columns(
            senior=(pl.col("org_role") == SENIOR_PRACTITIONER) & ~pl.col("enhanced"),
            manager=pl.col("org_role").is_in(MANAGER_ROLES),
        )
    )

    def reached(rows: pl.DataFrame, step: str) -> int:
        return rows.filter(step).get_column("worker_id").n_unique()

    result = []
    labels = list(dict.fromkeys(done.get_column("cohort").to_list()))
    for label in [*labels, TOTAL]:
        mine = later if label == TOTAL else later.filter(pl.col("cohort") == label)
        cohort_done = done if label == TOTAL else done.filter(pl.col("cohort") == label)
        result.append(
            Progression(
                cohort=label,
                completed=cohort_done.height,
                senior_practitioner=reached(mine, "senior"),
                enhanced_practitioner=reached(mine, "enhanced"),
                manager=reached(mine, "manager"),
            )
        )
    return result
