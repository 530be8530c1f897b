"""Reads of the register that cross models: the database as the analytics' frames.

The frames carry the council's own ids (team_id, post_id, worker_id), never database keys, so
the analytics see exactly what an import file said. Rows go from `values_list` straight into
Polars: no model instances, and only the columns the frames have.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import polars as pl
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import FloatField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast

from stabilise.analytics.frames import SCHEMAS, CouncilFrames, conform
from stabilise.analytics.measure_parts import SNAPSHOT_STAYS_DAYS
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Absence, Assignment, Post, Team, Worker

# Optional text is stored as "" (Django's convention); in the frames, as in an import file, a
# missing value is null.
OPTIONAL_TEXT = {
    "teams": ["service"],
    "posts": ["job_title", "grade"],
    "workers": ["swe_number", "ethnicity", "qual_institution"],
    "assignments": ["job_title", "agency_name"],
    "absences": [],
}


def _as_float(field: str) -> Cast:
    # Decimal → float in the database: no Decimal object per row on PostgreSQL.
    return Cast(field, output_field=FloatField())


def _frame(name: str, rows: QuerySet[Any, Any], columns: list[str]) -> pl.DataFrame:
    """`rows` is a values_list over `columns`: each is the frame's own column, typed as the
    schema says, or a database key (`pk`, `*_pk`) still to be mapped to a council id.

    The query runs on the driver's cursor: the ORM's per-row work doubles the time of a million
    caseload rows, and the driver's own types (dates, numbers, booleans) are what Polars takes.
    Types are given, not inferred, so a column that happens to be all null keeps its type.
    Database ordering is dropped: sorting millions of caseload rows is work nobody needs.
    """
    data: list[tuple[Any, ...]] = []
    try:
        sql, params = rows.order_by().query.get_compiler(using=rows.db).as_sql()
    except EmptyResultSet:  # a query that can match nothing never reaches the database
        pass
    else:
        with connections[rows.db].cursor() as cursor:
            cursor.execute(sql, params)
            data = cursor.fetchall()
    schema = {c: pl.Int64 if c.endswith("pk") else SCHEMAS[name][c] for c in columns}
    return pl.DataFrame(data, schema=schema, orient="row")


def _council_ids(frame: pl.DataFrame, pk: str, key: str) -> dict[int, str]:
    return dict(zip(frame[pk].to_list(), frame[key].to_list(), strict=True))


def _map_pks(
    frame: pl.DataFrame, columns: Mapping[str, tuple[str, dict[int, str]]]
) -> pl.DataFrame:
    """Replace each database-key column by the council's id it stands for."""
    return frame.with_columns(
        pl.col(pk_col).replace_strict(ids, default=None, return_dtype=pl.String).alias(id_col)
        for pk_col, (id_col, ids) in columns.items()
    )


def _finish(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    blanks = [c for c in OPTIONAL_TEXT.get(name, []) if c in frame.columns]
    if blanks:
        frame = frame.with_columns(
            pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in blanks
        )
    return conform(name, frame)


def _caseload_days(days: Iterable[date]) -> Q:
    """Snapshots that can be a worker's caseload on one of `days`: those dated on the day or
    the six before it (contracts/measures.md).

    Snapshots have no date index (it slowed imports), so every read by date scans: a list of
    days is one hash lookup a row, where as many date ranges cost a comparison each. Past a
    thousand days (more parameters than some databases take) one range covers them all.
    """
    wanted = {day - timedelta(days=back) for day in days for back in range(SNAPSHOT_STAYS_DAYS + 1)}
    if len(wanted) > 1000:
        return Q(date__range=(min(wanted), max(wanted)))
    return Q(date__in=sorted(wanted))


def council_frames(
    *,
    caseloads_from: date | None = None,
    caseloads_on: Iterable[date] | None = None,
    caseloads_of: Iterable[str] | None = None,
) -> CouncilFrames:
    """The whole register as frames.

    Ten years of daily caseloads are millions of rows, and most pages need few of them:
    `caseloads_from` keeps only snapshots on or after that day, `caseloads_on` only those
    that can be the caseload on the given days (a monthly series needs a week a month), and
    `caseloads_of` only those of the given workers (by worker id).
    """
    teams = _frame(
        "teams",
        Team.objects.values_list("pk", "team_id", "name", "service", "parent_id"),
        ["pk", "team_id", "team_name", "service", "parent_pk"],
    )
    team_ids = _council_ids(teams, "pk", "team_id")
    teams = _map_pks(teams, {"parent_pk": ("parent_team_id", team_ids)})

    posts = _frame(
        "posts",
        Post.objects.values_list(
            "pk",
            "post_id",
            "team_id",
            "org_role",
            "job_title",
            "grade",
            _as_float("fte"),
            "hard_to_fill",
            "established_from",
            "established_to",
        ),
        [
            "pk",
            "post_id",
            "team_pk",
            "org_role",
            "job_title",
            "grade",
            "fte",
            "hard_to_fill",
            "established_from",
            "established_to",
        ],
    )
    post_ids = _council_ids(posts, "pk", "post_id")
    posts = _map_pks(posts, {"team_pk": ("team_id", team_ids)})

    worker_columns = [c for c in SCHEMAS["workers"] if c != "worker_id"]
    workers = _frame(
        "workers",
        Worker.objects.values_list("pk", "worker_id", *worker_columns),
        ["pk", "worker_id", *worker_columns],
    )
    worker_ids = _council_ids(workers, "pk", "worker_id")

    assignments = _frame(
        "assignments",
        Assignment.objects.values_list(
            "assignment_id",
            "worker_id",
            "team_id",
            "post_id",
            "org_role",
            "job_title",
            "contract",
            _as_float("fte"),
            "start_date",
            "end_date",
            "start_origin",
            "end_reason",
            "end_destination",
            "agency_name",
            _as_float("hourly_rate"),
            "covers_vacancy",
        ),
        [
            "assignment_id",
            "worker_pk",
            "team_pk",
            "post_pk",
            "org_role",
            "job_title",
            "contract",
            "fte",
            "start_date",
            "end_date",
            "start_origin",
            "end_reason",
            "end_destination",
            "agency_name",
            "hourly_rate",
            "covers_vacancy",
        ],
    )
    assignments = _map_pks(
        assignments,
        {
            "worker_pk": ("worker_id", worker_ids),
            "team_pk": ("team_id", team_ids),
            "post_pk": ("post_id", post_ids),
        },
    )

    snapshots = CaseloadSnapshot.objects.all()
    if caseloads_from is not None:
        snapshots = snapshots.filter(date__gte=caseloads_from)
    if caseloads_on is not None:
        snapshots = snapshots.filter(_caseload_days(caseloads_on))
    if caseloads_of is not None:
        snapshots = snapshots.filter(worker__worker_id__in=list(caseloads_of))
    caseloads = _frame(
        "caseloads",
        snapshots.values_list("worker_id", "date", "cases", _as_float("weighted_points")),
        ["worker_pk", "date", "cases", "weighted_points"],
    )
    caseloads = _map_pks(caseloads, {"worker_pk": ("worker_id", worker_ids)})

    absences = _frame(
        "absences",
        Absence.objects.values_list(
            "worker_id", "start_date", "end_date", "reason", _as_float("working_days_lost")
        ),
        ["worker_pk", "start_date", "end_date", "reason", "working_days_lost"],
    )
    absences = _map_pks(absences, {"worker_pk": ("worker_id", worker_ids)})

    return CouncilFrames(
        teams=_finish("teams", teams),
        posts=_finish("posts", posts),
        workers=_finish("workers", workers),
        assignments=_finish("assignments", assignments),
        caseloads=_finish("caseloads", caseloads).sort("worker_id", "date"),
        absences=_finish("absences", absences),
    )


def _active_on(on: date, start: str, end: str) -> Q:
    return Q(**{f"{start}__lte": on}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": on}))


def team_assignments_on(team: Team, on: date) -> QuerySet[Assignment]:
    """The team's assignments active on `on`, with the worker and their latest caseload up to
    that day (`latest_cases`, `latest_caseload_on`; None when there is none)."""
    latest = CaseloadSnapshot.objects.filter(worker=OuterRef("worker"), date__lte=on).order_by(
        "-date"
    )
    return (
        Assignment.objects.filter(_active_on(on, "start_date", "end_date"), team=team)
        .select_related("worker", "post")
        .annotate(
            latest_cases=Subquery(latest.values("cases")[:1]),
            latest_caseload_on=Subquery(latest.values("date")[:1]),
        )
        .order_by("worker__display_name", "start_date")
    )


def team_posts_on(team: Team, on: date) -> QuerySet[Post]:
    """The team's posts established on `on`."""
    return Post.objects.filter(
        _active_on(on, "established_from", "established_to"), team=team
    ).order_by("post_id")


def colleague_ids(worker: Worker, first: date, last: date) -> list[str]:
    """The worker ids of everyone with an assignment between `first` and `last` in a team the
    worker had an assignment in over those days (the worker included): whose caseloads make
    their teams' averages."""
    overlapping = Q(start_date__lte=last) & (Q(end_date__isnull=True) | Q(end_date__gte=first))
    teams = Assignment.objects.filter(overlapping, worker=worker).values("team")
    return sorted(
        set(
            Assignment.objects.filter(overlapping, team__in=teams).values_list(
                "worker__worker_id", flat=True
            )
        )
    )
