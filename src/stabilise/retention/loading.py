"""Write the checked `exit_interviews` import file (README, "Importing past exit interviews").

Called by the import pipeline inside its one transaction (registered in apps.py), after the
register's files, so every worker it names is stored. Rows are matched on worker and leaving day
and updated in place with history, so importing the same file twice changes nothing. A theme
not yet on the council's list is added to it; an imported interview's themes are the file's.
"""

from typing import Any

import polars as pl
from simple_history.utils import bulk_create_with_history

from stabilise.retention.models import ExitInterview, InterviewTheme, Theme
from stabilise.workforce.importing.exit_interview_checks import parse_themes
from stabilise.workforce.importing.loading import Counts, Progress, upsert
from stabilise.workforce.models import Worker

FILE = "exit_interviews"


def _themes(names: set[str], reason: str) -> dict[str, Theme]:
    """The council's themes by case-folded name, with any new ones added at the end."""
    known = {t.name.casefold(): t for t in Theme.objects.all()}
    missing = sorted({n for n in names if n.casefold() not in known})
    last = max((t.position for t in known.values()), default=0)
    new = [Theme(name=n, position=last + i) for i, n in enumerate(missing, start=1)]
    if new:
        bulk_create_with_history(new, Theme, default_change_reason=reason)
        known = {t.name.casefold(): t for t in Theme.objects.all()}
    return known


def write_exit_interviews(
    table: pl.DataFrame, reason: str, counts: Counts, progress: Progress
) -> None:
    worker_pk = dict(Worker.objects.values_list("worker_id", "pk"))
    file_rows = list(table.iter_rows(named=True))
    rows: list[dict[str, Any]] = [
        {
            "worker_id": worker_pk[r["worker_id"]],
            "left_on": r["left_on"],
            "status": r["status"],
            "source": ExitInterview.Source.IMPORT,
            "held_on": r["held_on"],
            "held_by": r["held_by"] or "",
            "regretted": r["regretted"],
            "would_return": r["would_return"] or "",
            "comments": r["comments"] or "",
            "new_employer": r["new_employer"] or "",
        }
        for r in file_rows
    ]
    existing = {(i.worker_id, i.left_on): i for i in ExitInterview.objects.all()}
    key = lambda v: (v["worker_id"], v["left_on"])  # noqa: E731
    upsert(ExitInterview, rows, key, existing, reason, FILE, counts)
    interview_pk = {
        (i.worker_id, i.left_on): i.pk for i in ExitInterview.objects.only("worker", "left_on")
    }
    cited = [parse_themes(r["themes"])[0] for r in file_rows]
    themes = _themes({name for c in cited for name in c}, reason)
    wanted = [
        {
            "interview_id": interview_pk[key(values)],
            "theme_id": themes[name.casefold()].pk,
            "weight": weight,
        }
        for values, given in zip(rows, cited, strict=True)
        for name, weight in given.items()
    ]
    imported = {interview_pk[key(v)] for v in rows}
    held = {
        (c.interview_id, c.theme_id): c
        for c in InterviewTheme.objects.filter(interview_id__in=imported)
    }
    keep = {(v["interview_id"], v["theme_id"]) for v in wanted}
    dropped = [c.pk for k, c in held.items() if k not in keep]
    if dropped:
        InterviewTheme.objects.filter(pk__in=dropped).delete()
    upsert(
        InterviewTheme,
        wanted,
        lambda v: (v["interview_id"], v["theme_id"]),
        held,
        reason,
        "exit interview themes",
        counts,
    )
    progress(FILE, len(rows))
