"""Write checked tables to the database, matching rows on their ids and keeping history.

Runs inside the import's one transaction. The register files are small and go through the ORM with
django-simple-history; caseloads (millions of rows) are staged in a temporary table and merged
with three set-based statements, so an unchanged re-import writes nothing.
"""

import io
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import polars as pl
from django.db import connection
from django.db.models import Model
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from stabilise.caseloads.models import CaseloadChange, CaseloadSnapshot
from stabilise.workforce.importing.reading import ROW
from stabilise.workforce.models import Absence, Assignment, ImportRun, Post, Team, Worker

FOUR_PLACES = Decimal("0.0001")
TWO_PLACES = Decimal("0.01")
STAGE_ROWS = 50_000

Progress = Callable[[str, int], None]  # (what is being written, rows just written)


def _decimal(value: float | None, places: Decimal) -> Decimal | None:
    return None if value is None else Decimal(repr(value)).quantize(places)


def _ids(model: type[Model], field: str) -> dict[str, int]:
    return dict(model._default_manager.values_list(field, "pk"))


class Counts:
    def __init__(self) -> None:
        self.created: dict[str, int] = {}
        self.updated: dict[str, int] = {}


def _upsert(
    model: type[Model],
    rows: Iterable[dict[str, Any]],
    key: Callable[[dict[str, Any]], Any],
    existing: Mapping[Any, Model],
    reason: str,
    file: str,
    counts: Counts,
) -> None:
    """Create new rows and update changed ones; unchanged rows are not touched."""
    new: list[Model] = []
    changed: list[Model] = []
    changed_fields: set[str] = set()
    for values in rows:
        current = existing.get(key(values))
        if current is None:
            new.append(model(**values))
            continue
        differs = [f for f, v in values.items() if getattr(current, f) != v]
        if differs:
            for f in differs:
                setattr(current, f, values[f])
            changed.append(current)
            changed_fields.update(differs)
    if new:
        bulk_create_with_history(new, model, batch_size=500, default_change_reason=reason)
    if changed:
        bulk_update_with_history(
            changed, model, sorted(changed_fields), batch_size=500, default_change_reason=reason
        )
    counts.created[file] = len(new)
    counts.updated[file] = len(changed)


def _team_depths(
    teams: pl.DataFrame, known_parents: dict[str, str | None]
) -> list[list[dict[str, Any]]]:
    """Teams in waves, parents before children, so each is created with its parent in place."""
    parents = dict(known_parents)
    parents.update(dict(teams.select("team_id", "parent_team_id").iter_rows()))

    def depth(team_id: str) -> int:
        steps, parent = 0, parents.get(team_id)
        while parent is not None:
            steps, parent = steps + 1, parents.get(parent)
        return steps

    waves: dict[int, list[dict[str, Any]]] = {}
    for row in teams.iter_rows(named=True):
        waves.setdefault(depth(row["team_id"]), []).append(row)
    return [waves[d] for d in sorted(waves)]


# Writers of the files that belong to other apps (the academy's `asye`), registered by their
# AppConfig.ready(): (the checked table, the history's change reason, counts, progress). Each runs
# after the register's own files, inside the same transaction.
Writer = Callable[[pl.DataFrame, str, Counts, Progress], None]
FILE_WRITERS: dict[str, Writer] = {}


def write_register(tables: dict[str, pl.DataFrame], run: ImportRun, progress: Progress) -> Counts:
    counts = Counts()
    reason = f"import {run.pk}: {run.source}"[:100]
    if "teams" in tables:
        existing = {t.team_id: t for t in Team.objects.all()}
        known = {t.team_id: (t.parent.team_id if t.parent else None) for t in existing.values()}
        created = updated = 0
        for wave in _team_depths(tables["teams"], known):
            team_pk = _ids(Team, "team_id")
            rows = [
                {
                    "team_id": r["team_id"],
                    "name": r["team_name"],
                    "service": r["service"] or "",
                    "parent_id": team_pk.get(r["parent_team_id"]) if r["parent_team_id"] else None,
                }
                for r in wave
            ]
            _upsert(Team, rows, lambda v: v["team_id"], existing, reason, "teams", counts)
            created, updated = created + counts.created["teams"], updated + counts.updated["teams"]
        counts.created["teams"], counts.updated["teams"] = created, updated
        progress("teams", len(tables["teams"]))
    team_pk = _ids(Team, "team_id")
    if "posts" in tables:
        rows = [
            {
                "post_id": r["post_id"],
                "team_id": team_pk[r["team_id"]],
                "org_role": r["org_role"],
                "job_title": r["job_title"] or "",
                "grade": r["grade"] or "",
                "fte": _decimal(r["fte"], FOUR_PLACES),
                "hard_to_fill": r["hard_to_fill"],
                "established_from": r["established_from"],
                "established_to": r["established_to"],
            }
            for r in tables["posts"].iter_rows(named=True)
        ]
        existing_posts = {p.post_id: p for p in Post.objects.all()}
        _upsert(Post, rows, lambda v: v["post_id"], existing_posts, reason, "posts", counts)
        progress("posts", len(rows))
    if "workers" in tables:
        rows = [
            {
                "worker_id": r["worker_id"],
                "display_name": r["display_name"],
                "swe_number": r["swe_number"] or "",
                "date_of_birth": r["date_of_birth"],
                "gender": r["gender"],
                "ethnicity": r["ethnicity"] or "",
                "qual_level": r["qual_level"],
                "qual_institution": r["qual_institution"] or "",
                "qualified_on": r["qualified_on"],
                "step_up_grad": r["step_up_grad"],
                "frontline_grad": r["frontline_grad"],
            }
            for r in tables["workers"].iter_rows(named=True)
        ]
        existing_workers = {w.worker_id: w for w in Worker.objects.all()}
        _upsert(Worker, rows, lambda v: v["worker_id"], existing_workers, reason, "workers", counts)
        progress("workers", len(rows))
    worker_pk = _ids(Worker, "worker_id")
    if "assignments" in tables:
        post_pk = _ids(Post, "post_id")
        rows = [
            {
                "assignment_id": r["assignment_id"],
                "worker_id": worker_pk[r["worker_id"]],
                "team_id": team_pk[r["team_id"]],
                "post_id": post_pk[r["post_id"]] if r["post_id"] else None,
                "org_role": r["org_role"],
                "job_title": r["job_title"] or "",
                "contract": r["contract"],
                "fte": _decimal(r["fte"], FOUR_PLACES),
                "start_date": r["start_date"],
                "end_date": r["end_date"],
                "start_origin": r["start_origin"],
                "end_reason": r["end_reason"],
                "end_destination": r["end_destination"],
                "agency_name": r["agency_name"] or "",
                "hourly_rate": _decimal(r["hourly_rate"], TWO_PLACES),
                "covers_vacancy": r["covers_vacancy"],
            }
            for r in tables["assignments"].iter_rows(named=True)
        ]
        existing_assignments = {a.assignment_id: a for a in Assignment.objects.all()}
        _upsert(
            Assignment,
            rows,
            lambda v: v["assignment_id"],
            existing_assignments,
            reason,
            "assignments",
            counts,
        )
        progress("assignments", len(rows))
    if "absences" in tables:
        rows = [
            {
                "worker_id": worker_pk[r["worker_id"]],
                "start_date": r["start_date"],
                "end_date": r["end_date"],
                "reason": r["reason"],
                "working_days_lost": _decimal(r["working_days_lost"], TWO_PLACES),
            }
            for r in tables["absences"].iter_rows(named=True)
        ]
        existing_absences = {
            (a.worker_id, a.start_date, a.reason): a for a in Absence.objects.all()
        }
        _upsert(
            Absence,
            rows,
            lambda v: (v["worker_id"], v["start_date"], v["reason"]),
            existing_absences,
            reason,
            "absences",
            counts,
        )
        progress("absences", len(rows))
    if "caseloads" in tables:
        created, updated = _merge_caseloads(tables["caseloads"], worker_pk, run, progress)
        counts.created["caseloads"], counts.updated["caseloads"] = created, updated
    for name, writer in FILE_WRITERS.items():
        if name in tables:
            writer(tables[name], reason, counts, progress)
    return counts


def _merge_caseloads(
    table: pl.DataFrame, worker_pk: dict[str, int], run: ImportRun, progress: Progress
) -> tuple[int, int]:
    staged = table.select(
        pl.col("worker_id").replace_strict(worker_pk, return_dtype=pl.Int64),
        pl.col("date"),
        pl.col("cases"),
        pl.col("weighted_points").round(2),
    )
    snapshots = CaseloadSnapshot._meta.db_table
    changes = CaseloadChange._meta.db_table
    postgres = connection.vendor == "postgresql"
    differs = "IS DISTINCT FROM" if postgres else "IS NOT"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS incoming_caseload")
        cursor.execute(
            "CREATE TEMPORARY TABLE incoming_caseload "
            "(worker_id bigint NOT NULL, date date NOT NULL, cases integer NOT NULL, weighted_points numeric)"
        )
        if postgres:
            _stage_postgres(cursor, staged, progress)
        else:
            # A larger page cache keeps the indexes' hot pages in memory while a million rows go in.
            cursor.execute("PRAGMA cache_size = -262144")
            _stage_sqlite(cursor, staged, progress)
        cursor.execute("CREATE INDEX incoming_caseload_key ON incoming_caseload (worker_id, date)")
        cursor.execute(
            f"INSERT INTO {changes} (worker_id, date, old_cases, old_weighted_points, new_cases, "
            "new_weighted_points, import_run_id) "
            "SELECT s.worker_id, s.date, s.cases, s.weighted_points, i.cases, i.weighted_points, %s "
            f"FROM incoming_caseload i JOIN {snapshots} s ON s.worker_id = i.worker_id AND s.date = i.date "
            f"WHERE s.cases <> i.cases OR s.weighted_points {differs} i.weighted_points",
            [run.pk],
        )
        updated = cursor.rowcount
        if updated:
            cursor.execute(
                f"UPDATE {snapshots} SET cases = i.cases, weighted_points = i.weighted_points "
                f"FROM incoming_caseload i WHERE {snapshots}.worker_id = i.worker_id "
                f"AND {snapshots}.date = i.date AND ({snapshots}.cases <> i.cases "
                f"OR {snapshots}.weighted_points {differs} i.weighted_points)"
            )
        cursor.execute(
            f"INSERT INTO {snapshots} (worker_id, date, cases, weighted_points) "
            "SELECT i.worker_id, i.date, i.cases, i.weighted_points FROM incoming_caseload i "
            f"WHERE NOT EXISTS (SELECT 1 FROM {snapshots} s WHERE s.worker_id = i.worker_id AND s.date = i.date) "
            # In key order, so the primary-key index grows at its end rather than everywhere.
            "ORDER BY i.worker_id, i.date"
        )
        created = cursor.rowcount
        cursor.execute("DROP TABLE incoming_caseload")
    return created, updated


def _stage_postgres(cursor: Any, staged: pl.DataFrame, progress: Progress) -> None:
    # COPY is PostgreSQL's bulk path: about ten times faster than batched INSERTs.
    with cursor.cursor.copy(
        "COPY incoming_caseload (worker_id, date, cases, weighted_points) FROM STDIN WITH (FORMAT csv)"
    ) as copy:
        for chunk in staged.iter_slices(STAGE_ROWS):
            buffer = io.BytesIO()
            chunk.write_csv(buffer, include_header=False)
            copy.write(buffer.getvalue())
            progress("caseloads", len(chunk))


def _stage_sqlite(cursor: Any, staged: pl.DataFrame, progress: Progress) -> None:
    staged = staged.with_columns(pl.col("date").cast(pl.String))
    for chunk in staged.iter_slices(STAGE_ROWS):
        cursor.executemany(
            "INSERT INTO incoming_caseload (worker_id, date, cases, weighted_points) VALUES (%s, %s, %s, %s)",
            chunk.rows(),
        )
        progress("caseloads", len(chunk))


# For other apps' writers: the same create-or-update with history as the register's files.
upsert = _upsert

__all__ = ["FILE_WRITERS", "ROW", "Counts", "Writer", "upsert", "write_register"]
