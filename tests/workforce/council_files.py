"""A small, valid council to import, and ways to write it as CSV files or a workbook."""

import csv
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Rows = list[dict[str, Any]]


def small_council() -> dict[str, Rows]:
    return {
        "teams": [
            {
                "team_id": "CS",
                "team_name": "Children's services",
                "service": "",
                "parent_team_id": "",
            },
            {
                "team_id": "CP1",
                "team_name": "Child Protection 1",
                "service": "Child Protection",
                "parent_team_id": "CS",
            },
        ],
        "posts": [
            {
                "post_id": "P1",
                "team_id": "CP1",
                "org_role": "5",
                "fte": "1",
                "established_from": "2020-01-01",
            },
            {
                "post_id": "P2",
                "team_id": "CP1",
                "org_role": "Case holder",
                "fte": "0.5",
                "established_from": "01/01/2020",
            },
        ],
        "workers": [
            {
                "worker_id": "W1",
                "display_name": "Ann Smith",
                "swe_number": "SW12345",
                "ethnicity": "WBRI",
            },
            {"worker_id": "W2", "display_name": "Bob Jones", "swe_number": "", "ethnicity": ""},
        ],
        "assignments": [
            {
                "assignment_id": "A1",
                "worker_id": "W1",
                "team_id": "CP1",
                "post_id": "P1",
                "org_role": "5",
                "contract": "permanent",
                "fte": "1",
                "start_date": "2020-01-01",
                "end_date": "2021-06-30",
                "end_reason": "1",
                "end_destination": "3",
                "agency_name": "",
                "hourly_rate": "",
            },
            {
                "assignment_id": "A2",
                "worker_id": "W2",
                "team_id": "CP1",
                "post_id": "P2",
                "org_role": "5",
                "contract": "agency",
                "fte": "0.5",
                "start_date": "2020-03-01",
                "end_date": "",
                "end_reason": "",
                "end_destination": "",
                "agency_name": "Acme Social Care",
                "hourly_rate": "42.50",
            },
        ],
        "caseloads": [
            {"worker_id": "W1", "date": "2021-01-04", "cases": "15"},
            {"worker_id": "W2", "date": "2021-01-04", "cases": "9"},
            {"worker_id": "W2", "date": "05/01/2021", "cases": "10"},
        ],
        "absences": [
            {
                "worker_id": "W1",
                "start_date": "2021-02-01",
                "end_date": "2021-02-05",
                "reason": "SIC",
                "working_days_lost": "5",
            },
        ],
    }


def write_folder(
    folder: Path,
    tables: Mapping[str, Rows],
    encoding: str = "utf-8",
    names: Mapping[str, str] | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
        file_name = (names or {}).get(name, f"{name}.csv")
        (folder / file_name).write_bytes(buffer.getvalue().encode(encoding))
    return folder


def _cell(column: str, value: str) -> Any:
    """Dates as real date cells and numbers as numbers, as a person's workbook would hold them."""
    if value and ("date" in column or column in {"established_from", "established_to"}):
        if "/" in value:
            day, month, year = (int(p) for p in value.split("/"))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value)
    if value and column in {"fte", "cases", "hourly_rate", "working_days_lost"}:
        return float(value) if "." in value else int(value)
    return value or None


def write_workbook(path: Path, tables: Mapping[str, Rows]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(name)
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        sheet.append(columns)
        for row in rows:
            sheet.append([_cell(c, row.get(c, "")) for c in columns])
    workbook.save(path)
    return path
