"""Turn a raw table's text cells into typed columns, reporting every bad cell.

Vectorised with Polars: a million caseload rows parse in about a second. A cell that does not
parse becomes null in the typed frame and a Problem naming its row, column and value.
"""

import datetime as dt

import polars as pl

from stabilise.workforce.importing.problems import Problem
from stabilise.workforce.importing.reading import ROW, RawTable
from stabilise.workforce.importing.schema import BOOL_DEFAULTS, FILES, Column

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
TRUE = ("y", "yes", "true", "1")
FALSE = ("n", "no", "false", "0")
DTYPES = {
    "id": pl.String,
    "text": pl.String,
    "swe": pl.String,
    "date": pl.Date,
    "bool": pl.Boolean,
    "fte": pl.Float64,
    "count": pl.Int64,
    "amount": pl.Float64,
}
MAX_SHOWN = 40  # characters of a bad value quoted back


def _blank_to_null(expr: pl.Expr) -> pl.Expr:
    stripped = expr.str.strip_chars()
    return pl.when(stripped == "").then(None).otherwise(stripped)


def _code_dtype(column: Column) -> type[pl.DataType]:
    return pl.Int64 if isinstance(column.codes[0][0], int) else pl.String


def _parse(column: Column, text: pl.Expr) -> tuple[pl.Expr, pl.Expr, str]:
    """(typed value, is-bad condition, message) for a column; `text` is stripped, null if blank."""
    kind = column.kind
    if kind in ("id", "text"):
        return (
            text,
            text.str.len_chars() > column.max_length,
            (f"is longer than {column.max_length} characters"),
        )
    if kind == "swe":
        upper = text.str.to_uppercase()
        return (
            upper,
            ~upper.str.contains(r"^[A-Z]{2}[0-9]{1,8}$"),
            ("is not a Social Work England number (two letters then digits, e.g. SW123456)"),
        )
    if kind == "date":
        value = pl.coalesce(
            text.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
            text.str.strptime(pl.Date, "%d/%m/%Y", strict=False),
        )
        bad = value.is_null() | (value < EARLIEST) | (value > LATEST)
        return value, bad, "is not a date: use YYYY-MM-DD or DD/MM/YYYY"
    if kind == "bool":
        lower = text.str.to_lowercase()
        value = pl.when(lower.is_in(TRUE)).then(True).when(lower.is_in(FALSE)).then(False)
        return value, value.is_null(), "is not yes or no: use Y or N"
    if kind == "fte":
        value = text.cast(pl.Float64, strict=False)
        bad = value.is_null() | value.is_nan() | (value <= 0) | (value > 1)
        return value, bad, "is not an FTE: a decimal above 0 and at most 1, e.g. 0.8"
    if kind == "count":
        value = text.cast(pl.Int64, strict=False)
        return value, value.is_null() | (value < 0), "is not a whole number of 0 or more"
    if kind == "amount":
        value = text.cast(pl.Float64, strict=False)
        bad = value.is_null() | value.is_nan() | value.is_infinite() | (value < 0)
        return value, bad, "is not a number of 0 or more"
    # codes: the number or the label, case-insensitive
    lookup: dict[str, int | str] = {}
    for code, label in column.codes:
        lookup[str(code).lower()] = code
        lookup[label.lower()] = code
    if column.name == "contract":
        lookup.update({"fixed term": "fixed_term", "fixed-term": "fixed_term"})
    value = text.str.to_lowercase().replace_strict(
        lookup, default=None, return_dtype=_code_dtype(column)
    )
    shown = ", ".join(
        f"{code} {label}" if str(code) != label else label for code, label in column.codes
    )
    return value, value.is_null(), f"is not a code of this list: {shown}"


def parse_table(table: RawTable) -> tuple[pl.DataFrame, list[Problem]]:
    """The table typed, with every column of its file (absent ones null) and ROW."""
    spec = FILES[table.name]
    frame = table.frame
    problems: list[Problem] = []
    typed: list[pl.Expr] = [pl.col(ROW)]
    checks: list[pl.Expr] = []
    for column in spec.columns:
        dtype = _code_dtype(column) if column.kind == "code" else DTYPES[column.kind]
        if column.name not in frame.columns:
            default = BOOL_DEFAULTS.get(column.name)
            typed.append(pl.lit(default, dtype=dtype).alias(column.name))
            continue
        text = _blank_to_null(pl.col(column.name))
        value, bad, _ = _parse(column, text)
        if column.name in BOOL_DEFAULTS:
            value = pl.when(text.is_null()).then(BOOL_DEFAULTS[column.name]).otherwise(value)
        typed.append(pl.when(bad).then(None).otherwise(value).cast(dtype).alias(column.name))
        checks.append(text.is_not_null() & bad.fill_null(False))
        if column.required:
            checks.append(text.is_null())
        else:
            checks.append(pl.lit(False))
    flags = frame.select(pl.col(ROW), *[check.alias(f"_flag{i}") for i, check in enumerate(checks)])
    position = 0
    for column in spec.columns:
        if column.name not in frame.columns:
            continue
        bad_rows = flags.filter(pl.col(f"_flag{position}")).get_column(ROW)
        if len(bad_rows):
            _, _, message = _parse(column, pl.col(column.name))
            values = frame.filter(pl.col(ROW).is_in(bad_rows.implode())).select(ROW, column.name)
            for row, raw in values.iter_rows():
                shown = raw.strip()
                shown = shown if len(shown) <= MAX_SHOWN else shown[:MAX_SHOWN] + "…"
                problems.append(Problem(table.label, row, column.name, f'"{shown}" {message}'))
        missing_rows = flags.filter(pl.col(f"_flag{position + 1}")).get_column(ROW)
        problems.extend(
            Problem(table.label, row, column.name, f"{column.name} is required")
            for row in missing_rows
        )
        position += 2
    return frame.select(typed), problems
