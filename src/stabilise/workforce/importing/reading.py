"""Read a council's files (a CSV folder, a .zip of CSVs or one .xlsx workbook) into raw tables.

Every cell stays text here, with the row number a person sees in Excel, so the parser can report
any bad value as `file:row:column`. Nothing in this module knows about Django.
"""

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from stabilise.workforce.importing.problems import Problem
from stabilise.workforce.importing.schema import FILES

ROW = "_row"  # the spreadsheet row number of each record: the header is row 1
CHUNK_ROWS = 200_000  # rows held as Python strings before they are packed into a frame


@dataclass(frozen=True)
class RawTable:
    name: str  # which import file: "teams", "caseloads", ...
    label: str  # how the person knows it: "teams.csv" or "council.xlsx[teams]"
    frame: pl.DataFrame  # one String column per known column given, plus ROW


@dataclass
class Source:
    tables: list[RawTable]
    problems: list[Problem]


def read_source(path: Path, max_bytes: int) -> Source:
    """Read every import file at `path`; unreadable input becomes problems, never exceptions."""
    source = Source([], [])
    if not path.exists():
        source.problems.append(
            Problem(path.name or str(path), None, None, "no such file or folder")
        )
        return source
    if path.is_dir():
        csvs = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
        if not csvs:
            source.problems.append(
                Problem(path.name, None, None, "the folder has no .csv files to import")
            )
        for csv_path in csvs:
            if _too_big(csv_path.name, csv_path.stat().st_size, max_bytes, source):
                continue
            _read_csv(csv_path.name, csv_path.read_bytes(), source)
    elif path.suffix.lower() == ".zip":
        _read_zip(path, max_bytes, source)
    elif path.suffix.lower() in {".xlsx", ".xlsm"}:
        if not _too_big(path.name, path.stat().st_size, max_bytes, source):
            _read_workbook(path, source)
    elif path.suffix.lower() == ".csv":
        if not _too_big(path.name, path.stat().st_size, max_bytes, source):
            _read_csv(path.name, path.read_bytes(), source)
    else:
        source.problems.append(
            Problem(path.name, None, None, "expected a folder of .csv files, a .zip or a .xlsx")
        )
    _check_one_table_per_file(source)
    return source


def _too_big(label: str, size: int, max_bytes: int, source: Source) -> bool:
    if size <= max_bytes:
        return False
    source.problems.append(
        Problem(
            label,
            None,
            None,
            f"the file is {size / 1e6:.0f} MB, larger than the {max_bytes / 1e6:.0f} MB allowed",
        )
    )
    return True


def _check_one_table_per_file(source: Source) -> None:
    seen: dict[str, str] = {}
    for table in source.tables:
        if table.name in seen:
            source.problems.append(
                Problem(
                    table.label,
                    None,
                    None,
                    f"{table.name} is given twice (also {seen[table.name]})",
                )
            )
        seen.setdefault(table.name, table.label)


def _file_name(label: str, stem: str, source: Source) -> str | None:
    name = stem.strip().lower()
    if name in FILES:
        return name
    source.problems.append(
        Problem(label, None, None, f"not an import file: expected one of {', '.join(FILES)}")
    )
    return None


def _read_zip(path: Path, max_bytes: int, source: Source) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
            members = [m for m in members if not Path(m.filename).name.startswith(("._", "~$"))]
            if not members:
                source.problems.append(Problem(path.name, None, None, "the .zip has no .csv files"))
            for member in members:
                label = Path(member.filename).name
                if not _too_big(label, member.file_size, max_bytes, source):
                    _read_csv(label, archive.read(member), source)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as error:
        source.problems.append(
            Problem(path.name, None, None, f"not a readable .zip file ({error})")
        )


def _decode(label: str, data: bytes, source: Source) -> str | None:
    if b"\x00" in data:
        source.problems.append(
            Problem(label, None, None, "this is not a text CSV file (is it a workbook renamed?)")
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV" (not "CSV UTF-8") export on Windows.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        source.problems.append(
            Problem(label, None, None, "the file is neither UTF-8 nor Windows-1252 text")
        )
        return None


def _read_csv(label: str, data: bytes, source: Source) -> None:
    name = _file_name(label, Path(label).stem, source)
    if name is None:
        return
    text = _decode(label, data, source)
    if text is None:
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        _collect(name, label, reader, source)
    except csv.Error as error:
        source.problems.append(
            Problem(label, reader.line_num or None, None, f"cannot be read as CSV: {error}")
        )


def _read_workbook(path: Path, source: Source) -> None:
    from openpyxl import load_workbook  # only needed for workbooks; keeps CSV imports lean

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        source.problems.append(
            Problem(
                path.name, None, None, f"not a readable .xlsx workbook ({type(error).__name__})"
            )
        )
        return
    try:
        for sheet in workbook.worksheets:
            label = f"{path.name}[{sheet.title}]"
            name = _file_name(label, sheet.title, source)
            if name is not None:
                rows = ([_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True))
                _collect(name, label, rows, source)
    except Exception as error:  # a damaged sheet part surfaces only while reading rows
        source.problems.append(
            Problem(
                path.name, None, None, f"the workbook could not be read ({type(error).__name__})"
            )
        )
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    """A workbook cell as the text a person would have typed into a CSV."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _normalise(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").split())


def _collect(name: str, label: str, rows: Iterable[list[str]], source: Source) -> None:
    """Turn rows of text into a RawTable, reporting header problems and ragged rows."""
    spec = FILES[name]
    iterator: Iterator[list[str]] = iter(rows)
    header = next(iterator, None)
    if header is None or not any(cell.strip() for cell in header):
        source.problems.append(Problem(label, 1, None, "the first row must name the columns"))
        return
    names = [_normalise(cell) for cell in header]
    known = set(spec.column_names)
    keep: list[tuple[int, str]] = []  # (position in the row, column name)
    header_ok = True
    unnamed: list[int] = []
    for position, column in enumerate(names):
        if not column:
            unnamed.append(position)
        elif column not in known:
            header_ok = False
            hint = (
                " (columns must be separated by commas)" if ";" in column or "\t" in column else ""
            )
            source.problems.append(
                Problem(
                    label,
                    1,
                    header[position].strip(),
                    f"unknown column{hint}; expected some of " + ", ".join(spec.column_names),
                )
            )
        elif column in (c for _, c in keep):
            header_ok = False
            source.problems.append(Problem(label, 1, column, "the column is given twice"))
        else:
            keep.append((position, column))
    given = {c for _, c in keep}
    for spec_column in spec.columns:
        if spec_column.required and spec_column.name not in given:
            header_ok = False
            source.problems.append(
                Problem(label, 1, spec_column.name, "required column is missing")
            )
    width = len(names)
    chunks: list[pl.DataFrame] = []
    columns: dict[str, list[str]] = {c: [] for _, c in keep}
    row_numbers: list[int] = []
    for number, row in enumerate(iterator, start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines and Excel's trailing empty rows
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            source.problems.append(
                Problem(label, number, None, f"the row has {len(row)} cells but the header {width}")
            )
            continue
        if any(row[p].strip() for p in unnamed if p < len(row)):
            source.problems.append(
                Problem(label, number, None, "a value sits under a column with no name")
            )
        for position, column in keep:
            columns[column].append(row[position] if position < len(row) else "")
        row_numbers.append(number)
        if len(row_numbers) >= CHUNK_ROWS:
            chunks.append(_chunk(columns, row_numbers))
            columns = {c: [] for _, c in keep}
            row_numbers = []
    chunks.append(_chunk(columns, row_numbers))
    if header_ok:
        source.tables.append(RawTable(name, label, pl.concat(chunks)))


def _chunk(columns: dict[str, list[str]], row_numbers: list[int]) -> pl.DataFrame:
    return pl.DataFrame(
        [pl.Series(ROW, row_numbers, dtype=pl.Int64)]
        + [pl.Series(c, values, dtype=pl.String) for c, values in columns.items()]
    )
