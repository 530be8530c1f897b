"""Text from the register stays text in every spreadsheet Stabilise writes.

A team or person's name typed into an HR system as `=HYPERLINK("http://…", "Open")` would run as a
formula when a committee officer opens an export in Excel or LibreOffice (CSV or formula
injection). Every workbook and CSV export writes its cells through here, so no export can forget.
"""

import io
from typing import Any

import polars as pl
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# What Excel and LibreOffice take as the start of a formula, with the tab and carriage return
# OWASP lists.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _keep_as_text(cell: Cell) -> None:
    # openpyxl takes a string starting with "=" for a formula; this stores it as text, and the
    # quote prefix keeps it text when someone edits the cell in Excel.
    cell.data_type = "s"
    cell.quotePrefix = True


def put(sheet: Worksheet, row: int, column: int, value: Any, number_format: str = "") -> Cell:
    """Write one cell (with its number format, if any)."""
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell)  # Stabilise's sheets merge no cells
    cell.value = value
    if looks_like_formula(value):
        _keep_as_text(cell)
    if number_format:
        cell.number_format = number_format
    return cell


def append(sheet: Worksheet, values: list[Any]) -> None:
    """Add a row below the last, as `Worksheet.append`, with text kept as text."""
    sheet.append(values)
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        if isinstance(cell, Cell) and looks_like_formula(value):
            cell.value = value
            _keep_as_text(cell)


def csv_text(frame: pl.DataFrame) -> str:
    """The frame as CSV, a text cell that would start a formula prefixed with an apostrophe
    (which Excel shows as the plain text, and which a reader can strip)."""
    text_columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    pattern = "^[" + "".join("\\" + c if c in "-+" else c for c in FORMULA_STARTS) + "]"
    defused = frame.with_columns(
        pl.when(pl.col(name).str.contains(pattern))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text_columns
    )
    buffer = io.StringIO()
    defused.write_csv(buffer)
    return buffer.getvalue()
