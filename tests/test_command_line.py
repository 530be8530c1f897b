"""What the commands share: a date on the command line, and lines written as they are."""

import datetime as dt

import pytest
from django.core.management.base import CommandError

from stabilise.command_line import iso_date, plain


def test_a_date_on_the_command_line_is_read_as_yyyy_mm_dd() -> None:
    assert iso_date("2025-09-30") == dt.date(2025, 9, 30)
    assert iso_date("2024-02-29", "--as-at") == dt.date(2024, 2, 29)


def test_a_date_that_is_not_one_is_refused_naming_the_option_where_given() -> None:
    with pytest.raises(CommandError) as plain_error:
        iso_date("2025-02-30")
    assert str(plain_error.value) == '"2025-02-30" is not a date: use YYYY-MM-DD'
    with pytest.raises(CommandError) as named:
        iso_date("30/09/2025", "--as-at")
    assert str(named.value) == "--as-at '30/09/2025' is not a date: use YYYY-MM-DD"


def test_plain_leaves_a_line_as_it_is() -> None:
    assert plain("Wrote out.xlsx") == "Wrote out.xlsx"
