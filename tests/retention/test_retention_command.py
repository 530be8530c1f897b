"""`stabilise retention curves` over the register of test_retention_curves_page.py (histories
worked out by hand there and in tests/analytics/test_survival.py), as at 31 December 2022."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.retention.test_retention_curves_page import register  # noqa: F401  (a fixture)


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> str:
    out = io.StringIO()
    call_command("retention", "curves", "--as-at", "2022-12-31", *args, stdout=out)
    return out.getvalue() + capsys.readouterr().out


def test_the_table_gives_retention_at_12_24_and_36_months_and_the_stability(register, capsys):  # noqa: F811
    text = run(capsys=capsys)
    assert "as at 2022-12-31: 6 employments (records begin 2020-01-01)" in text
    (row,) = [line for line in text.splitlines() if line.startswith("All social workers")]
    # S = 1/3 from 200 days on, bounds 4.6 % and 67.6 %; the median (S first at most 1/2) is
    # 200 days, 6.6 months.
    assert row.count("33.3% (4.6%-67.6%)") == 3
    assert row.endswith("7 months")
    assert "stability: 1 of 1 in post on 2021-12-31 still in post on 2022-12-31: 100.0%" in text


def test_by_team_the_log_rank_test_is_given(register, capsys):  # noqa: F811
    text = run("--by", "team", capsys=capsys)
    assert "Assessment" in text and "In care" in text
    assert "log-rank test: chi-squared" in text


def test_csv_gives_each_curve_every_n_months(register, capsys):  # noqa: F811
    lines = run("--format", "csv", "--every", "12", capsys=capsys).splitlines()
    assert lines[0] == "group,label,months,days,at_risk,left,survival,lower,upper"
    # 0, 12, 24 and 36 months: the longest service seen is 1,096 days, 36.0 months.
    assert [line.split(",")[2:6] for line in lines[1:]] == [
        ["0", "0", "6", "0"],
        ["12", "365", "1", "4"],
        ["24", "730", "1", "0"],
        ["36", "1095", "1", "0"],
    ]


def test_json_has_every_step_the_test_and_the_stability(register, capsys):  # noqa: F811
    data = json.loads(run("--by", "route", "--format", "json", capsys=capsys))
    assert data["records_begin"] == "2020-01-01" and data["by"] == "route"
    assert [g["label"] for g in data["groups"]] == ["Newly qualified", "Experienced"]
    newly = data["groups"][0]
    # ANN (100 days) and DEE (200 days), both leavers: S = 1/2 at 100 and 0 at 200.
    assert [(s["days"], s["survival"]) for s in newly["steps"] if s["left"]] == [
        (100, 0.5),
        (200, 0.0),
    ]
    assert data["logrank"]["degrees_of_freedom"] == 1
    assert data["stability"]["index"] == 100.0


def test_a_date_that_is_not_a_date_is_refused_plainly(register):  # noqa: F811
    with pytest.raises(CommandError, match='"2022-13-01" is not a date'):
        call_command("retention", "curves", "--as-at", "2022-13-01")
