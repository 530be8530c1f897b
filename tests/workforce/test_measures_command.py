"""`stabilise measures`: the register's DfE measures, from the database, in three formats."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from stabilise.workforce.importing import import_council
from stabilise.workforce.management.commands.measures import month_ends
from stabilise.workforce.models import Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(council_dir):
    assert import_council(council_dir, imported_by="test").ok


def run(capsys, *args: str) -> str:
    call_command("measures", *args)
    return capsys.readouterr().out


def test_the_json_gives_each_measure_unrounded_at_each_date(loaded, capsys):
    rows = json.loads(
        run(capsys, "--as-at", "2021-01-04", "--as-at", "2021-09-30", "--format", "json")
    )
    january, september = rows
    # 4 January 2021: W1 permanent 1.0 in P1; W2 agency 0.5 covering P2 (0.5 FTE, otherwise empty).
    assert january["as_at"] == "2021-01-04"
    assert (january["inpost_fte"], january["inpost_headcount"]) == (1.0, 1)
    assert (january["agency_fte"], january["agency_headcount"]) == (0.5, 1)
    assert january["agency_rate_fte"] == pytest.approx(100 * 0.5 / 1.5)
    assert january["vacancy_fte"] == 0.5
    assert january["vacancy_rate_fte"] == pytest.approx(100 * 0.5 / 1.5)
    assert january["vacancy_agency_cover_rate_fte"] == pytest.approx(100.0)
    assert (january["cases"], january["case_holders_fte"], january["caseload_fte"]) == (
        24,
        1.5,
        16.0,
    )
    assert january["leavers_headcount"] == 0 and january["working_days_lost_fte"] == 0
    # 30 September 2021: W1 left on 30 June; their 5 sick days from 1 February count; nobody is
    # in post, so every rate over in-post FTE has no value.
    assert (september["leavers_fte"], september["leavers_headcount"]) == (1.0, 1)
    assert september["working_days_lost_fte"] == 5.0
    assert september["inpost_fte"] == 0 and september["turnover_rate_fte"] is None
    assert september["absence_rate_fte"] is None


def test_the_table_rounds_to_one_decimal_place_as_the_dfe_does(loaded, capsys):
    lines = run(capsys, "--as-at", "2021-01-04").splitlines()
    assert lines[0].split() == ["2021-01-04"]
    cells = {line.split()[0]: line.split()[1] for line in lines[1:]}
    assert cells["agency_rate_fte"] == "33.3"
    assert cells["caseload_fte"] == "16.0"
    assert cells["cases"] == "24"
    assert cells["turnover_rate_fte"] == "0.0"


def test_the_csv_breaks_down_by_team(loaded, capsys):
    lines = run(capsys, "--as-at", "2021-01-04", "--by", "team", "--format", "csv").splitlines()
    assert lines[0].startswith("as_at,team_id,inpost_fte,")
    assert lines[1].startswith("2021-01-04,CP1,1.0,1,0.5,1,")
    assert len(lines) == 2, "the parent team holds nobody"


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match='"2021-31-09" is not a date: use YYYY-MM-DD'):
        call_command("measures", "--as-at", "2021-31-09")


def test_month_ends_run_to_the_last_day_of_each_month_and_stop_at_the_end_date():
    assert month_ends(dt.date(2024, 1, 15), dt.date(2024, 4, 10)) == [
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
        dt.date(2024, 4, 10),
    ]
    assert month_ends(dt.date(2023, 12, 1), dt.date(2023, 12, 31)) == [dt.date(2023, 12, 31)]


def test_a_team_id_that_looks_like_a_formula_is_quoted_in_the_csv(loaded, capsys):
    Team.objects.filter(team_id="CP1").update(team_id="=CP1")
    lines = run(capsys, "--as-at", "2021-01-04", "--by", "team", "--format", "csv").splitlines()
    assert lines[1].startswith("2021-01-04,'=CP1,1.0,")
