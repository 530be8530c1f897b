import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.conf import settings
from django.db import DatabaseError, transaction

from stabilise.accounts.audit import record_event
from stabilise.accounts.models import AuditAction
from stabilise.workforce.importing.checks import Existing, check_register, with_defaults
from stabilise.workforce.importing.loading import write_register
from stabilise.workforce.importing.parsing import parse_table
from stabilise.workforce.importing.problems import FILE_ORDER, ImportFailed, Problem
from stabilise.workforce.importing.reading import read_source
from stabilise.workforce.models import Assignment, ImportRun, Post, Team, Worker

logger = logging.getLogger(__name__)

Progress = Callable[[str, int], None]


@dataclass
class ImportResult:
    source: str
    dry_run: bool
    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _no_progress(stage: str, rows: int) -> None:
    pass


def existing_register() -> Existing:
    """What the database holds, in the shape the checks need."""
    assignments = pl.DataFrame(
        list(
            Assignment.objects.values_list(
                "assignment_id", "worker__worker_id", "contract", "fte", "start_date", "end_date"
            )
        ),
        schema={
            "assignment_id": pl.String,
            "worker_id": pl.String,
            "contract": pl.String,
            "fte": pl.Float64,
            "start_date": pl.Date,
            "end_date": pl.Date,
        },
        orient="row",
    )
    return Existing(
        team_ids=pl.Series(
            "team_id", list(Team.objects.values_list("team_id", flat=True)), pl.String
        ),
        post_ids=pl.Series(
            "post_id", list(Post.objects.values_list("post_id", flat=True)), pl.String
        ),
        worker_ids=pl.Series(
            "worker_id", list(Worker.objects.values_list("worker_id", flat=True)), pl.String
        ),
        team_parents=pl.DataFrame(
            list(Team.objects.values_list("team_id", "parent__team_id")),
            schema={"team_id": pl.String, "parent_team_id": pl.String},
            orient="row",
        ),
        assignments=assignments,
    )


def _audit(run: ImportRun) -> None:
    """The audit log's record of the import (who, and what it changed), in its transaction."""
    changes = "; ".join(
        f"{name} {run.created.get(name, 0)} new, {run.updated.get(name, 0)} changed"
        for name in FILE_ORDER
        if name in run.created or name in run.updated
    )
    record_event(
        AuditAction.IMPORTED, username=run.imported_by, detail=f"{run.source}: {changes}"
    )


def _sorted(problems: list[Problem], order: dict[str, int]) -> list[Problem]:
    return sorted(
        problems,
        key=lambda p: (order.get(p.file, -1), p.file, p.row or 0, p.column or "", p.message),
    )


def import_council(
    path: Path,
    *,
    imported_by: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    label: str | None = None,
) -> ImportResult:
    """Check the files at `path` and, if every row is good and this is no dry run, store them all."""
    report = progress or _no_progress
    result = ImportResult(source=label or path.name or str(path), dry_run=dry_run)
    source = read_source(path, settings.IMPORT_MAX_MB * 1_000_000)
    problems = list(source.problems)
    tables: dict[str, pl.DataFrame] = {}
    labels: dict[str, str] = {}
    for raw in source.tables:
        typed, bad = parse_table(raw)
        tables[raw.name], labels[raw.name] = typed, raw.label
        problems += bad
        result.rows[raw.name] = len(typed)
        report("checking", len(typed))
    problems += check_register(tables, labels, existing_register())
    order = {labels.get(name, name): i for i, name in enumerate(FILE_ORDER)}
    result.problems = _sorted(problems, order)
    if problems or dry_run:
        return result
    tables = {name: with_defaults(name, table) for name, table in tables.items()}
    ordered = {name: tables[name] for name in FILE_ORDER if name in tables}
    try:
        with transaction.atomic():
            run = ImportRun.objects.create(
                source=result.source[:500], imported_by=imported_by[:150]
            )
            counts = write_register(ordered, run, report)
            run.created, run.updated = counts.created, counts.updated
            run.save(update_fields=["created", "updated"])
            _audit(run)
    except ImportFailed as failure:
        result.problems = failure.problems
        return result
    except DatabaseError as error:
        # The checks should make this impossible; if the database still refuses, nothing is kept.
        logger.error("import rolled back: %s", type(error).__name__)
        result.problems = [
            Problem(
                result.source,
                None,
                None,
                f"the database refused the import, so nothing was saved ({type(error).__name__})",
            )
        ]
        return result
    result.created, result.updated, result.run_id = counts.created, counts.updated, run.pk
    return result
