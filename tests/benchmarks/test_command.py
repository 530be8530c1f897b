"""`stabilise benchmark`: the same figures as the page, as a table, JSON or CSV."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from stabilise.analytics.benchmark import MEASURE_KEYS
from tests.benchmarks.conftest import build_council

pytestmark = pytest.mark.django_db

STABILISE = Path(sys.executable).parent / "stabilise"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("benchmark", *args, stdout=out)
    return out.getvalue()


def test_json_for_a_published_authority_has_its_published_figures() -> None:
    result = json.loads(run("--la", "Sandwell", "--year", "2021", "--format", "json"))
    assert (result["name"], result["year"], result["own_source"]) == ("Sandwell", 2021, "published")
    assert result["authority"] == {
        "la_name": "Sandwell",
        "old_la_code": "333",
        "new_la_code": "E08000028",
    }
    vacancy = result["measures"][0]
    assert vacancy["key"] == "vacancy_rate_fte"
    assert vacancy["england"] == {"value": 16.7, "symbol": None}
    assert len(result["similar"]) == 10


def test_json_for_the_council_has_its_register_figures_unrounded(register: None) -> None:
    result = json.loads(run("--year", "2024", "--format", "json"))
    figures = {m["key"]: m["own"]["value"] for m in result["measures"]}
    assert result["name"] == "Wessex County Council"
    assert result["own_source"] == "register"
    assert result["region"] == "South West"
    assert figures["vacancy_rate_fte"] == 50.0
    assert figures["caseload_fte"] == 16.0
    assert figures["absence_rate_fte"] == pytest.approx(1.0)


def test_the_table_has_each_measure_with_own_region_england_similar_and_rank(
    register: None,
) -> None:
    lines = run("--year", "2024").splitlines()
    assert lines[0] == (
        "Wessex County Council: benchmarks at 30 September 2024 (own figures from the register)"
    )
    assert lines[1].split() == [
        "Measure",
        "Wessex",
        "County",
        "Council",
        "South",
        "West",
        "England",
        "Similar",
        "(median)",
        "Rank",
    ]
    vacancy = next(line for line in lines if line.startswith("Vacancy rate (FTE)"))
    assert vacancy.split()[3:6] == ["50.0%", "19.3%", "17.3%"]
    assert re.search(r"\d+th lowest of 15\d$", vacancy)
    assert any(line.startswith("Similar councils, nearest first: ") for line in lines)


def test_the_command_is_for_staff_so_figures_resting_on_few_people_are_not_withheld() -> None:
    # Three leavers of ten (conftest): `c` on a councillor's page (test_suppression.py).
    build_council(leavers=3)
    lines = run("--year", "2024").splitlines()
    leavers = next(line for line in lines if line.startswith("Leavers in the year (headcount)"))
    assert leavers.split()[5] == "3"
    turnover = next(line for line in lines if line.startswith("Turnover rate (FTE)"))
    assert turnover.split()[3] == "30.0%"
    assert re.search(r"\d+(st|nd|rd|th) lowest of 15\d$", turnover)
    years = run("--over-years").splitlines()
    start = years.index("Turnover rate (FTE)")
    assert years[start + 9].split()[:2] == ["2024", "30.0%"]


def test_csv_has_a_row_per_measure_with_symbols_in_their_own_columns() -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("--la", "Kensington and Chelsea", "--format", "csv")))
    )
    assert [row["key"] for row in rows] == list(MEASURE_KEYS)
    assert (rows[0]["own"], rows[0]["own_symbol"], rows[0]["rank"]) == ("", "x", "")
    assert rows[0]["england"] == "14.2"


def test_the_default_year_is_the_latest_and_an_empty_register_has_no_own_figures() -> None:
    assert run().splitlines()[0] == (
        "Wessex County Council: benchmarks at 30 September 2025 "
        "(no figures of its own for this year)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--la", "Sandwel"], "Did you mean: Sandwell (333, E08000028)?"),
        (["--year", "2030"], "The DfE has published no figures for 2030"),
    ],
)
def test_an_unknown_authority_or_year_is_a_command_error(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args)


def test_the_command_line_error_is_one_line_with_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "STABILISE_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)  # no database is touched for a published authority
    done = subprocess.run(
        [str(STABILISE), "benchmark", "--la", "Nowhere"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr == "CommandError: No published local authority matches 'Nowhere'.\n"


@override_settings(COUNCIL_LA_CODE="999")
def test_a_wrong_configured_la_code_names_the_setting() -> None:
    with pytest.raises(CommandError, match=r"^STABILISE_LA_CODE is '999': No published local"):
        run()


@override_settings(COUNCIL_REGION="Wessex")
def test_a_wrong_configured_region_names_the_setting_and_the_regions() -> None:
    with pytest.raises(CommandError, match=r"^STABILISE_REGION is 'Wessex': .* East Midlands, "):
        run()
