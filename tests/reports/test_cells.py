"""Text that looks like a formula stays text in every workbook and CSV export."""

import csv
import io

import polars as pl
import pytest
from openpyxl import Workbook, load_workbook

from stabilise.reports.cells import append, csv_text, put

HOSTILE = ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


def saved_and_opened(book: Workbook):
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return load_workbook(buffer).active


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_put_or_appended_that_starts_like_a_formula_is_saved_as_quoted_text(text):
    book = Workbook()
    sheet = book.active
    put(sheet, 1, 1, text)
    append(sheet, ["ordinary", text, 3])
    opened = saved_and_opened(book)
    for cell in (opened["A1"], opened["B2"]):
        assert cell.value == text
        assert cell.data_type == "s" and cell.quotePrefix


def test_ordinary_text_and_numbers_are_written_as_they_are():
    book = Workbook()
    sheet = book.active
    append(sheet, ["Child Protection 1", -2, 3.5])
    opened = saved_and_opened(book)
    assert [c.value for c in opened[1]] == ["Child Protection 1", -2, 3.5]
    assert not opened["A1"].quotePrefix
    assert opened["B1"].data_type == "n"


def test_csv_text_prefixes_formula_like_text_with_an_apostrophe_and_leaves_the_rest():
    frame = pl.DataFrame({"name": [*HOSTILE, "Ann Smith", None], "cases": [-1, 2, 3, 4, 5, 6, 7]})
    rows = list(csv.DictReader(io.StringIO(csv_text(frame))))
    assert [r["name"] for r in rows] == [*("'" + t for t in HOSTILE), "Ann Smith", ""]
    assert [r["cases"] for r in rows] == ["-1", "2", "3", "4", "5", "6", "7"]
