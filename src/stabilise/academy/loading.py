"""Write the checked `asye` import file: cohorts, NQSWs' records, reviews held and passes.

Called by the import pipeline inside its one transaction (registered in apps.py), after the
register's files, so every worker it names is already stored. Rows are matched on worker and
cohort and updated in place with history, so importing the same file twice changes nothing.

- A cohort label not seen before creates the cohort.
- A review date in the file records that review as held (or moves its date); an empty review
  cell leaves a review recorded in the application alone, as a row missing from a later
  import is never deleted.
- A passed ASYE (`outcome` passed, `completed_on` the panel date) records the panel's decision
  on that date if none is recorded, and the completion increment if none is recorded yet.
"""

from collections.abc import Callable, Iterable
from typing import Any

import polars as pl

from stabilise.academy import codes
from stabilise.academy.models import AsyeRecord, Cohort, PanelDecision, Review
from stabilise.academy.services import completion_increment
from stabilise.workforce.importing.loading import Counts, upsert
from stabilise.workforce.models import Worker

Progress = Callable[[str, int], None]
FILE = "asye"


def _cohorts(labels: Iterable[str], reason: str, counts: Counts) -> dict[str, int]:
    existing = {c.label: c for c in Cohort.objects.all()}
    rows = [{"label": label} for label in sorted(set(labels))]
    upsert(Cohort, rows, lambda v: v["label"], existing, reason, "asye cohorts", counts)
    return dict(Cohort.objects.values_list("label", "pk"))


def _record_values(
    row: dict[str, Any], worker_pk: dict[str, int], cohort_pk: dict[str, int]
) -> dict[str, Any]:
    mentor = row["mentor_worker_id"]
    return {
        "worker_id": worker_pk[row["worker_id"]],
        "cohort_id": cohort_pk[row["cohort"]],
        "programme_start": row["programme_start"],
        "route": row["route"] or "",
        "practice_lead": row["practice_lead"] or "",
        "mentor_id": worker_pk[mentor] if mentor else None,
        "outcome": row["outcome"] or codes.IN_PROGRESS,
        "completed_on": row["completed_on"],
    }


def _with_increments(
    rows: list[dict[str, Any]], existing: dict[tuple[int, int], AsyeRecord]
) -> list[dict[str, Any]]:
    """A newly passed ASYE gets the completion increment; one recorded before is kept."""
    for values in rows:
        current = existing.get((values["worker_id"], values["cohort_id"]))
        if current is not None and current.increment_from is not None:
            continue
        if values["outcome"] == codes.PASSED and values["completed_on"] is not None:
            values.update(completion_increment(values["completed_on"]))
    return rows


def write_asye(table: pl.DataFrame, reason: str, counts: Counts, progress: Progress) -> None:
    worker_pk = dict(Worker.objects.values_list("worker_id", "pk"))
    cohort_pk = _cohorts(table.get_column("cohort").to_list(), reason, counts)
    existing = {(r.worker_id, r.cohort_id): r for r in AsyeRecord.objects.all()}
    file_rows = list(table.iter_rows(named=True))
    rows = _with_increments([_record_values(r, worker_pk, cohort_pk) for r in file_rows], existing)
    upsert(
        AsyeRecord,
        rows,
        lambda v: (v["worker_id"], v["cohort_id"]),
        existing,
        reason,
        FILE,
        counts,
    )
    record_pk = {
        (r.worker_id, r.cohort_id): r.pk for r in AsyeRecord.objects.only("worker", "cohort")
    }
    keys = [record_pk[(v["worker_id"], v["cohort_id"])] for v in rows]
    reviews = [
        {"record_id": pk, "month": month, "held_on": row[f"review_{month}m"]}
        for pk, row in zip(keys, file_rows, strict=True)
        for month in codes.REVIEW_MONTHS
        if row[f"review_{month}m"] is not None
    ]
    held = {(r.record_id, r.month): r for r in Review.objects.all()}
    upsert(
        Review,
        reviews,
        lambda v: (v["record_id"], v["month"]),
        held,
        reason,
        "asye reviews",
        counts,
    )
    passes = [
        {
            "record_id": pk,
            "panel_date": values["completed_on"],
            "recommendation": codes.PASS,
            "decision": codes.PASS,
        }
        for pk, values in zip(keys, rows, strict=True)
        if values["outcome"] == codes.PASSED
    ]
    decided = {(p.record_id, p.panel_date): p for p in PanelDecision.objects.all()}
    new_passes = [p for p in passes if (p["record_id"], p["panel_date"]) not in decided]
    upsert(
        PanelDecision,
        new_passes,
        lambda v: (v["record_id"], v["panel_date"]),
        decided,
        reason,
        "asye panels",
        counts,
    )
    progress(FILE, len(rows))
