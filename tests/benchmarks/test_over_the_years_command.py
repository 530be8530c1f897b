"""`stabilise benchmark --over-years`: the page's "Over the years" figures as a table, JSON or
CSV. The register (conftest) gives the council's own figures for 2023 to 2025 only (see
test_over_the_years_page.py)."""

import csv
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

MAIN = ["vacancy_rate_fte", "agency_rate_fte", "turnover_rate_fte", "caseload_fte"]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("benchmark", "--over-years", *args, stdout=out)
    return out.getvalue()


def test_json_has_each_main_rate_year_by_year_from_the_register_where_it_has_figures(
    register: None,
) -> None:
    result = json.loads(run("--format", "json"))
    assert (result["name"], result["region"], result["authority"]) == (
        "Wessex County Council",
        "South West",
        None,
    )
    assert result["years"] == list(range(2017, 2026))
    assert [m["key"] for m in result["measures"]] == MAIN
    vacancy = {y["year"]: y for y in result["measures"][0]["years"]}
    assert vacancy[2017]["own_source"] is None
    assert vacancy[2017]["own"] == {"value": None, "symbol": None}
    assert (vacancy[2017]["rank"], vacancy[2017]["similar_median"]) == (None, None)
    assert vacancy[2017]["region"] == {"value": 15.8, "symbol": None}
    assert vacancy[2024]["own_source"] == "register"
    assert vacancy[2024]["own"]["value"] == 50.0
    assert vacancy[2024]["england"]["value"] == 17.3
    turnover = {y["year"]: y for y in result["measures"][2]["years"]}
    assert (turnover[2023]["part_year"], turnover[2023]["own"]["value"]) == (True, None)
    assert turnover[2025]["own"]["value"] == 0.0


def test_json_for_a_published_authority_is_its_published_figures() -> None:
    result = json.loads(run("--la", "Sandwell", "--format", "json"))
    assert result["authority"]["old_la_code"] == "333"
    latest = result["measures"][0]["years"][-1]
    assert (latest["year"], latest["own_source"], latest["own"]["value"]) == (
        2025,
        "published",
        8.7,
    )
    assert (latest["rank"], latest["ranked"]) == (42, 149)


def test_csv_has_a_row_per_main_rate_and_year_with_symbols_in_their_own_columns() -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("--la", "Kensington and Chelsea", "--format", "csv")))
    )
    assert len(rows) == 4 * 9
    assert [(r["key"], r["year"]) for r in rows[:2]] == [
        ("vacancy_rate_fte", "2017"),
        ("vacancy_rate_fte", "2018"),
    ]
    latest = next(r for r in rows if (r["key"], r["year"]) == ("vacancy_rate_fte", "2025"))
    assert (latest["own"], latest["own_symbol"], latest["rank"]) == ("", "x", "")
    assert (latest["england"], latest["region_name"]) == ("14.2", "Inner London")
    first = rows[0]
    assert (first["own"], first["own_source"], first["rank_order"]) == (
        "6.6",
        "published",
        "1 = lowest",
    )


def test_the_table_has_a_block_per_main_rate_with_a_row_a_year(register: None) -> None:
    lines = run().splitlines()
    assert lines[0] == "Wessex County Council: main rates at 30 September, 2017 to 2025"
    assert any(
        "no figures of Wessex County Council's own for 2017 to 2022" in line for line in lines
    )
    start = lines.index("Vacancy rate (FTE)")
    assert lines[start + 1].split()[:2] == ["Year", "Wessex"]
    assert lines[start + 2].split() == ["2017", "-", "15.8%", "17.0%", "-", "-"]
    assert lines[start + 9].split()[:4] == ["2024", "50.0%", "19.3%", "17.3%"]
    assert re.search(r"\d+(st|nd|rd|th) lowest of 15\d$", lines[start + 9])
    assert {"Agency worker rate (FTE)", "Turnover rate (FTE)"} <= set(lines)
    assert "Average caseload per case-holding FTE" in lines


def test_over_years_with_a_year_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="--over-years gives every year: leave out --year"):
        run("--year", "2024")


def test_an_unknown_authority_is_a_command_error() -> None:
    with pytest.raises(CommandError, match=re.escape("Did you mean: Sandwell (333, E08000028)?")):
        run("--la", "Sandwel")
