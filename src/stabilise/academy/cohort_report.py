"""The cohort table for committee: JSON (contracts/academy.md), a plain-text table and a workbook.

Every figure comes from analytics.academy; this module only lays it out. Both retention
percentages always appear, each under its own label: committee reports have used one word,
"retention", for two different things.
"""

import io
import json
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from stabilise.analytics.academy import CohortRow, CohortTable, Progression
from stabilise.reports.cells import append

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RETAINED_OF_STARTED = "Retained of those who started (%)"
RETAINED_OF_COMPLETED = "Retained of those who completed the ASYE (%)"
# (key, heading): the columns of the table, in the contract's order.
COLUMNS = (
    ("cohort", "Cohort"),
    ("period", "Programme starts"),
    ("numbers", "NQSWs"),
    ("completed", "Completed the ASYE"),
    ("remain", "Remain in post"),
    ("left_after_completing", "Left after completing"),
    ("left_mid", "Left before completing"),
    ("redeployed_mid", "Redeployed before completing"),
    ("yet_to_complete", "Yet to complete"),
    ("retained_of_started_pct", RETAINED_OF_STARTED),
    ("retained_of_completed_pct", RETAINED_OF_COMPLETED),
    ("leaving_destinations", "Where leavers went"),
)
DEFINITIONS = (
    f"{RETAINED_OF_STARTED}: those in post on the day, as a percentage of the cohort's NQSWs.",
    f"{RETAINED_OF_COMPLETED}: those who passed and are in post, as a percentage of those who "
    "passed (none when nobody has passed yet).",
    "Left: left the council's children and family social work (a leaver as the DfE counts "
    "them, or a move to another role in the council, counted apart as redeployed when before "
    "completing). Someone who left and came back counts as remaining.",
)


def cohort_json(table: CohortTable) -> str:
    return json.dumps(table.as_dict(), indent=2) + "\n"


def percent(value: float | None) -> str:
    return "none passed yet" if value is None else f"{value:.1f}%"


def period_text(period: tuple[str, str]) -> str:
    first, last = period
    return first if first == last else f"{first} to {last}"


def destinations_text(destinations: dict[str, int]) -> str:
    return "; ".join(f"{count} {name}" for name, count in destinations.items())


def cells(row: CohortRow) -> list[str]:
    """A row's values as written in the text table and on the page."""
    values: list[str] = []
    for key, _ in COLUMNS:
        value: Any = getattr(row, key)
        if key == "period":
            values.append(period_text(value))
        elif key.endswith("_pct"):
            values.append(percent(value))
        elif key == "leaving_destinations":
            values.append(destinations_text(value))
        else:
            values.append(str(value))
    return values


def cohort_text(table: CohortTable) -> str:
    """A fixed-width table for a terminal, then the definitions."""
    rows = [[heading for _, heading in COLUMNS[:-1]]]
    rows += [cells(row)[:-1] for row in [*table.cohorts, table.total]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"ASYE cohorts as at {table.as_at.isoformat()}", ""]
    for row in rows:
        lines.append(
            "  ".join(
                v.ljust(w) if i < 2 else v.rjust(w)
                for i, (v, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    lines.append("")
    lines.append("Where leavers went:")
    for line in [*table.cohorts, table.total]:
        if line.leaving_destinations:
            lines.append(f"  {line.cohort}: {destinations_text(line.leaving_destinations)}")
    lines += ["", *DEFINITIONS]
    return "\n".join(lines) + "\n"


def cohort_workbook(table: CohortTable, steps: Sequence[Progression], council_name: str) -> bytes:
    """Cohorts (the table), Destinations, Progression and Definitions sheets."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cohorts"
    append(sheet, [f"{council_name}: ASYE cohorts as at {table.as_at.isoformat()}"])
    sheet["A1"].font = Font(bold=True, size=14)
    append(sheet, [heading for _, heading in COLUMNS[:-1]])
    for row in [*table.cohorts, table.total]:
        values: list[Any] = [row.cohort, period_text(row.period)]
        values += [getattr(row, key) for key, _ in COLUMNS[2:-1]]
        values[-2:] = [None if v is None else round(v, 1) for v in values[-2:]]
        append(sheet, values)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    names = sorted({n for r in table.cohorts for n in r.leaving_destinations})
    where = book.create_sheet("Destinations")
    append(where, ["Cohort", *names])
    for row in [*table.cohorts, table.total]:
        append(where, [row.cohort, *(row.leaving_destinations.get(n, 0) for n in names)])
    progress = book.create_sheet("Progression")
    append(
        progress, ["Cohort", "Completed", "Senior practitioner", "Enhanced practitioner", "Manager"]
    )
    for step in steps:
        append(
            progress,
            [
                step.cohort,
                step.completed,
                step.senior_practitioner,
                step.enhanced_practitioner,
                step.manager,
            ],
        )
    notes = book.create_sheet("Definitions")
    for line in DEFINITIONS:
        append(notes, [line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
