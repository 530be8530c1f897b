"""The benchmarks page, read as a person or a screen reader would: its tables and its charts."""

import datetime as dt
import re

import pytest
from django.test import Client, override_settings

from stabilise.analytics import dfe
from tests.benchmarks.conftest import build_register
from tests.ui.html import table, text

pytestmark = pytest.mark.django_db

ALL_MEASURES = "Wessex County Council at 30 September 2024"


def page(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_the_page_needs_a_signed_in_user(client: Client) -> None:
    response = client.get("/benchmarks/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_the_council_is_shown_with_its_register_figures_beside_the_published_ones(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client, "/benchmarks/?year=2024")
    measures = table(html, ALL_MEASURES)
    assert measures.rows[0] == [
        "Measure",
        "Wessex County Council",
        "South West",
        "England",
        "Similar councils (median)",
        "Rank",
    ]
    # The register's figures (see conftest), one decimal place; the DfE's South West and
    # England figures for 2024 as published.
    vacancy = measures.row("Vacancy rate (FTE)")
    assert vacancy[1:4] == ["50.0%", "19.3%", "17.3%"]
    assert re.fullmatch(r"1[45]\dth lowest of 15\d", vacancy[5])
    assert measures.row("Agency worker rate (FTE)")[1] == "50.0%"
    assert measures.row("Turnover rate (FTE)")[1] == "100.0%"
    assert measures.row("Average caseload per case-holding FTE")[1] == "16.0"
    assert measures.row("Sickness absence rate (FTE)")[1] == "1.0%"
    assert measures.row("Social workers in post (headcount)")[1:4] == ["1", "3,173", "36,402"]
    assert "own register" in text(html)


def test_the_ten_similar_councils_are_listed_with_their_figures(
    signed_in_client: Client, register: None
) -> None:
    similar = table(page(signed_in_client, "/benchmarks/?year=2024"), "The ten councils")
    header, *councils = similar.rows
    assert header[:3] == ["Council", "Region", "Social workers in post (FTE)"]
    assert "Vacancy rate (FTE)" in header
    assert len(councils) == 10
    # Nearest in size to 1 FTE in the South West: the smallest councils; the Isles of Scilly
    # (0 FTE in post) cannot be compared by size.
    assert "Isles of Scilly" not in [row[0] for row in councils]
    assert "City of London" in [row[0] for row in councils]
    assert set(similar.header_scopes) == {"col", "row"}


def test_the_charts_have_bars_for_the_council_region_england_and_similar_and_a_table(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client, "/benchmarks/?year=2024")
    year_charts = html.split('id="over-the-years"')[0]  # the year's, not the years' lines
    charts = re.findall(r'<svg class="stabilise-chart" id="([^"]+)-chart"', year_charts)
    assert charts == ["vacancy-rate-fte", "agency-rate-fte", "turnover-rate-fte", "caseload-fte"]
    vacancy_chart = html[html.index('id="vacancy-rate-fte-chart"') :].split("</svg>")[0]
    assert len(re.findall(r"<rect ", vacancy_chart)) == 4
    assert all(
        label in vacancy_chart
        for label in ("Wessex County Council", "South West", "England", "Similar councils")
    )
    rates = table(html, "Main rates: the figures in the charts")
    assert rates.row("Vacancy rate (FTE)")[1:4] == ["50.0%", "19.3%", "17.3%"]
    assert len(rates.rows) == 5


def test_any_published_authority_is_shown_from_its_published_figures(
    signed_in_client: Client,
) -> None:
    html = page(signed_in_client, "/benchmarks/?year=2025&la=333")
    measures = table(html, "Sandwell at 30 September 2025")
    assert measures.row("Vacancy rate (FTE)")[1:4] == ["8.7%", "14.0%", "14.2%"]
    assert measures.rows[0][2] == "West Midlands"
    similar = table(html, "The ten councils")
    assert "Sandwell" not in [row[0] for row in similar.rows]
    assert "as the Department for Education (DfE) published them" in text(html)


def test_suppressed_figures_are_shown_as_their_symbol(signed_in_client: Client) -> None:
    # Kensington and Chelsea made no 2025 return: every figure is "x", and it has no rank.
    code = dfe.find_authority("Kensington and Chelsea").old_la_code
    html = page(signed_in_client, f"/benchmarks/?year=2025&la={code}")
    vacancy = table(html, "Kensington and Chelsea at 30").row("Vacancy rate (FTE)")
    assert vacancy[1] == "x"
    assert vacancy[5] == "Not ranked"
    assert "x: not available" in text(html)
    assert "None can be chosen" in text(html)


def test_the_year_selector_lists_every_published_year_and_keeps_the_choice(
    signed_in_client: Client,
) -> None:
    html = page(signed_in_client, "/benchmarks/?year=2019&la=333")
    assert '<form method="get" action="/benchmarks/"' in html
    years = re.findall(r'<option value="(\d{4})"', html)
    assert years == [str(y) for y in range(2025, 2016, -1)]
    assert '<option value="2019" selected>' in html
    assert '<option value="333" selected>Sandwell (333)</option>' in html


def test_the_latest_year_is_the_default(signed_in_client: Client) -> None:
    html = page(signed_in_client, "/benchmarks/")
    assert "Benchmarks at 30 September 2025" in text(html)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/benchmarks/?year=2016", "The DfE has published no figures for 2016"),
        ("/benchmarks/?year=twenty", "'twenty' is not a year"),
        ("/benchmarks/?la=Sandwel", "Did you mean: Sandwell (333, E08000028)?"),
    ],
)
def test_an_unknown_year_or_council_is_explained_not_a_crash(
    signed_in_client: Client, url: str, message: str
) -> None:
    html = page(signed_in_client, url, status=400)
    assert "There is a problem" in text(html)
    assert message in text(html)


@override_settings(COUNCIL_LA_CODE="E08000028")
def test_a_council_configured_as_a_published_authority_uses_its_register_and_region(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client, "/benchmarks/?year=2024")
    measures = table(html, ALL_MEASURES)
    assert measures.rows[0][2] == "West Midlands"
    assert measures.row("Vacancy rate (FTE)")[1] == "50.0%"
    assert "Sandwell" not in [row[0] for row in table(html, "The ten councils").rows]


def test_a_register_begun_during_the_year_leaves_out_the_years_flows(
    signed_in_client: Client, db: None
) -> None:
    build_register(begins=dt.date(2024, 1, 15))
    html = page(signed_in_client, "/benchmarks/?year=2024")
    measures = table(html, ALL_MEASURES)
    assert measures.row("Vacancy rate (FTE)")[1] == "50.0%"
    assert measures.row("Turnover rate (FTE)")[1] == "Not available"
    assert measures.row("Sickness absence rate (FTE)")[1] == "Not available"
    assert "The register began during the year" in text(html)


def test_a_year_before_the_register_began_has_no_figures_of_the_councils_own(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client, "/benchmarks/?year=2021")
    measures = table(html, "Wessex County Council at 30 September 2021")
    assert measures.row("Vacancy rate (FTE)")[1:4] == ["Not available", "16.4%", "16.7%"]
    assert "no figures of Wessex County Council's own" in text(html)


def test_ranks_say_which_way_they_run(signed_in_client: Client) -> None:
    measures = table(page(signed_in_client, "/benchmarks/?year=2025&la=333"), "Sandwell at 30")
    # Sandwell 2025: 42nd lowest vacancy rate of 149 councils with one; 41st largest workforce.
    assert measures.row("Vacancy rate (FTE)")[5] == "42nd lowest of 149"
    assert measures.row("Social workers in post (FTE)")[5] == "41st largest of 149"
