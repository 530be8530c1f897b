"""Reads of the register that cross models: the database as the analytics' frames.

The frames carry the council's own ids (team_id, post_id, worker_id), never database keys, so
the analytics see exactly what an import file said. Rows go from the database straight into
Polars (reading.py): no model instances, no Python object per value.

Ten years of daily caseloads are millions of rows and a computation needs a few weeks of them,
so every reader says what it needs: which frames, which of their columns, which caseload
snapshots and which absences. `measures_frames` and `weekly_caseload_frames` are those needs
for the measures and the weekly caseload report; `council_frames()` with no arguments is the
whole register.
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl
from django.db import connections, models
from django.db.models import OuterRef, Q, QuerySet, Subquery

from stabilise.analytics.frames import SCHEMAS, CouncilFrames
from stabilise.analytics.measure_parts import SNAPSHOT_STAYS_DAYS
from stabilise.analytics.weekly_caseload import first_snapshot_needed
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Absence, Assignment, Post, Team, Worker
from stabilise.workforce.reading import read_frame, wire_value

# Optional text is stored as "" (Django's convention); in the frames, as in an import file, a
# missing value is null.
OPTIONAL_TEXT = {
    "teams": ["service"],
    "posts": ["job_title", "grade"],
    "workers": ["swe_number", "ethnicity", "qual_institution"],
    "assignments": ["job_title", "agency_name"],
    "absences": [],
}


@dataclass(frozen=True)
class Source:
    """Where a frame's columns are stored: the model, and the field each column is read from
    (by default the column's own name). A council id held by another table is read through
    the foreign key (`worker__worker_id`), so the database joins, not Python."""

    model: type[models.Model]
    fields: Mapping[str, str]

    def field(self, column: str) -> str:
        return self.fields.get(column, column)


WORKER_ID = {"worker_id": "worker__worker_id"}
SOURCES: Mapping[str, Source] = {
    "teams": Source(Team, {"team_name": "name", "parent_team_id": "parent__team_id"}),
    "posts": Source(Post, {"team_id": "team__team_id"}),
    "workers": Source(Worker, {}),
    "assignments": Source(
        Assignment, {**WORKER_ID, "team_id": "team__team_id", "post_id": "post__post_id"}
    ),
    "caseloads": Source(CaseloadSnapshot, WORKER_ID),
    "absences": Source(Absence, WORKER_ID),
}
# Which frames, and which of their columns, a reader needs; frames not named stay empty and
# columns not named are null.
Columns = Mapping[str, Collection[str]]

# The measures (analytics/measures.py) at any dates, broken down by team, role or any
# expression over the columns assignments and posts share; and the teams, by which the
# dashboard tells an empty register.
MEASURES_COLUMNS: Columns = {
    "teams": ["team_id", "team_name"],
    "posts": [
        "post_id",
        "team_id",
        "org_role",
        "job_title",
        "fte",
        "established_from",
        "established_to",
    ],
    "assignments": [
        "worker_id",
        "team_id",
        "post_id",
        "org_role",
        "job_title",
        "contract",
        "fte",
        "start_date",
        "end_date",
        "covers_vacancy",
    ],
    "caseloads": ["worker_id", "date", "cases"],
    "absences": ["worker_id", "start_date", "reason", "working_days_lost"],
}
# The weekly caseload report and the workers above the threshold (analytics/weekly_caseload.py).
WEEKLY_CASELOAD_COLUMNS: Columns = {
    "teams": ["team_id", "team_name"],
    "workers": ["worker_id", "display_name"],
    "assignments": ["worker_id", "team_id", "contract", "fte", "start_date", "end_date"],
    "caseloads": ["worker_id", "date", "cases"],
}


def _caseload_days(days: Iterable[date]) -> Q:
    """Snapshots that can be a worker's caseload on one of `days`: those dated on the day or
    the six before it (contracts/measures.md).

    Days in one unbroken run (a single date's week) are a range: one lookup per worker in the
    (worker, date) key rather than one per day. Past a thousand days (more parameters than
    some databases take) one range covers them all too.
    """
    wanted = {day - timedelta(days=back) for day in days for back in range(SNAPSHOT_STAYS_DAYS + 1)}
    if wanted and (len(wanted) > 1000 or (max(wanted) - min(wanted)).days == len(wanted) - 1):
        return Q(date__range=(min(wanted), max(wanted)))
    return Q(date__in=sorted(wanted))


def _caseload_rows(
    since: date | None, until: date | None, days: Iterable[date] | None, of: Iterable[str] | None
) -> Q:
    rows = Q()
    if since is not None:
        rows &= Q(date__gte=since)
    if until is not None:
        rows &= Q(date__lte=until)
    if days is not None:
        rows &= _caseload_days(days)
    if rows and connections[CaseloadSnapshot.objects.db].vendor == "sqlite":
        # SQLite has no date index (caseloads/models.py): naming every worker makes it read
        # each one's dates through the (worker, date) key rather than scan the whole table.
        rows &= Q(worker__in=Worker.objects.values("pk"))
    if of is not None:
        rows &= Q(worker__worker_id__in=list(of))
    return rows


def _absence_rows(since: date | None, until: date | None) -> Q:
    rows = Q()
    if since is not None:
        rows &= Q(start_date__gte=since)
    if until is not None:
        rows &= Q(start_date__lte=until)
    return rows


def _read(name: str, columns: Collection[str], rows: Q) -> pl.DataFrame:
    """The rows of frame `name`, only `columns` (the others null), typed as the schema says."""
    source, schema = SOURCES[name], SCHEMAS[name]
    unknown = set(columns) - set(schema)
    if unknown:
        raise ValueError(f"the {name} frame has no column {', '.join(sorted(unknown))}")
    types = {c: schema[c] for c in schema if c in columns}
    values = [wire_value(source.field(c), dtype) for c, dtype in types.items()]
    frame = read_frame(source.model._default_manager.filter(rows).values_list(*values), types)
    blanks = OPTIONAL_TEXT.get(name, [])
    # One pass for the frame's final shape: a small frame's cost is the number of passes.
    return frame.select(
        (pl.when(pl.col(c) != "").then(c) if c in blanks else pl.col(c))
        if c in types
        else pl.lit(None, dtype=dtype).alias(c)
        for c, dtype in schema.items()
    )


def council_frames(
    *,
    columns: Columns | None = None,
    caseloads_from: date | None = None,
    caseloads_to: date | None = None,
    caseloads_on: Iterable[date] | None = None,
    caseloads_of: Iterable[str] | None = None,
    absences_from: date | None = None,
    absences_to: date | None = None,
) -> CouncilFrames:
    """The register as frames: by default all of it.

    `columns` names the frames to read and, for each, its columns (the others are null; the
    frames not named are empty). Of the caseload snapshots, `caseloads_from` and `caseloads_to`
    keep those dated in that range, `caseloads_on` those that can be the caseload on the given
    days (a monthly series needs a week a month), and `caseloads_of` those of the given workers
    (by worker id). Of the absences, `absences_from` and `absences_to` keep those starting in
    that range. The caseloads are in worker and date order.
    """
    wanted: Columns = columns if columns is not None else SCHEMAS
    unknown = set(wanted) - set(SCHEMAS)
    if unknown:
        raise ValueError(f"the register has no frame {', '.join(sorted(unknown))}")
    rows = {
        "caseloads": _caseload_rows(caseloads_from, caseloads_to, caseloads_on, caseloads_of),
        "absences": _absence_rows(absences_from, absences_to),
    }
    frames = {name: _read(name, wanted[name], rows.get(name, Q())) for name in wanted}
    if "caseloads" in frames:
        frames["caseloads"] = frames["caseloads"].sort("worker_id", "date")
    return CouncilFrames(**frames)


def measures_frames(dates: Collection[date]) -> CouncilFrames:
    """What the measures at `dates` read (measures_at, measures_by, measures_series): the
    caseload snapshots of the seven days up to each date and the absences starting in the year
    to one of them, not ten years of either."""
    if not dates:  # nothing to measure: no snapshot or absence is needed
        return council_frames(columns=MEASURES_COLUMNS, caseloads_on=[], absences_to=date.min)
    # A day more than a year: the year to D begins after D minus a calendar year.
    return council_frames(
        columns=MEASURES_COLUMNS,
        caseloads_on=dates,
        absences_from=min(dates) - timedelta(days=366),
        absences_to=max(dates),
    )


def weekly_caseload_frames(week_ending: date) -> CouncilFrames:
    """What the weekly caseload report for the week ending `week_ending` reads: its teams, the
    assignments, the workers' names and the snapshots of its thirteen weeks' windows."""
    return council_frames(
        columns=WEEKLY_CASELOAD_COLUMNS,
        caseloads_from=first_snapshot_needed(week_ending),
        caseloads_to=week_ending,
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
