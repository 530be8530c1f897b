"""The benchmarks page's "Over the years": a chart and a table per main rate, 2017 to 2025.

The register (conftest) begins on 30 June 2023, so the council's own figures are at 30 September
2023, 2024 and 2025 only:

    2023  W1 in P1, W2 in P2, both permanent: in post 2.0, vacancies 0, agency 0
          vacancy 0.0%, agency 0.0%; the register began during the year (from 1 October
          2022), so no turnover; no snapshot in the six days before: no caseload
    2024  as worked out in conftest: vacancy 50.0%, agency 50.0%, turnover 100.0%, caseload 16.0
    2025  W1 in P1, W3 agency in P2: vacancy 50.0%, agency 50.0%; nobody left in the year:
          turnover 0.0%; no snapshot in the six days before: no caseload
"""

import re

import pytest
from django.test import Client, override_settings

from stabilise.analytics import dfe
from tests.ui.html import table, text

pytestmark = pytest.mark.django_db

HEADER = [
    "Year",
    "Wessex County Council",
    "South West",
    "England",
    "Similar councils (median)",
    "Rank",
]
CAPTION = "{} at 30 September, 2017 to 2025: the figures in the chart"


def page(client: Client, url: str = "/benchmarks/?year=2024") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def chart(html: str, id: str) -> str:
    return html[html.index(f'id="{id}-years-chart"') :].split("</svg>")[0]


def test_each_main_rate_has_a_table_of_every_year_with_region_england_similar_and_rank(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client)
    vacancy = table(html, CAPTION.format("Vacancy rate (FTE)"))
    assert vacancy.rows[0] == HEADER
    assert [row[0] for row in vacancy.rows[1:]] == [str(y) for y in range(2017, 2026)]
    # Before the register: no figure of its own, no similar councils (nothing to size them by),
    # no rank; the DfE's South West and England as published.
    assert vacancy.row("2017") == [
        "2017", "Not available", "15.8%", "17.0%", "Not available", "Not ranked",
    ]  # fmt: skip
    assert vacancy.row("2021")[1:4] == ["Not available", "16.4%", "16.7%"]
    assert vacancy.row("2023")[1] == "0.0%"
    assert re.fullmatch(r"Lowest of 15\d", vacancy.row("2023")[5])
    assert vacancy.row("2024")[1:4] == ["50.0%", "19.3%", "17.3%"]
    assert vacancy.row("2025")[1:4] == ["50.0%", "16.1%", "14.2%"]
    for caption in ("Agency worker rate (FTE)", "Turnover rate (FTE)"):
        assert table(html, CAPTION.format(caption)).rows[0] == HEADER
    caseload = table(html, CAPTION.format("Average caseload per case-holding FTE"))
    assert [caseload.row(y)[1] for y in ("2023", "2024", "2025")] == [
        "Not available",
        "16.0",
        "Not available",
    ]
    turnover = table(html, CAPTION.format("Turnover rate (FTE)"))
    assert [turnover.row(y)[1] for y in ("2023", "2024", "2025")] == [
        "Not available",
        "100.0%",
        "0.0%",
    ]
    assert set(vacancy.header_scopes) == {"col", "row"}


def test_the_years_rank_is_the_one_on_that_years_page(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client)
    year = table(html, "Wessex County Council at 30 September 2024").row("Vacancy rate (FTE)")
    years = table(html, CAPTION.format("Vacancy rate (FTE)")).row("2024")
    assert years[1:] == year[1:]


def test_the_page_says_where_the_councils_figures_come_from_each_year(
    signed_in_client: Client, register: None
) -> None:
    words = text(page(signed_in_client))
    assert (
        "Wessex County Council's figures for 2023 to 2025 are worked out from its own register"
        in words
    )
    assert (
        "There are no figures of Wessex County Council's own for 2017 to 2022: the register "
        "begins on 30 June 2023." in words
    )
    assert "The register began during the year to 30 September 2023" in words
    assert "It is never drawn as zero." in words


def test_each_chart_has_the_council_region_and_england_told_apart_and_labelled(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client)
    ids = re.findall(r'<svg class="stabilise-chart" id="([^"]+)-years-chart"', html)
    assert ids == ["vacancy-rate-fte", "agency-rate-fte", "turnover-rate-fte", "caseload-fte"]
    vacancy = chart(html, "vacancy-rate-fte")
    series = re.findall(r'<g class="stabilise-chart__series" data-series="([^"]+)">', vacancy)
    assert series == ["Wessex County Council", "South West", "England"]
    # Each line in the legend: its name beside a sample of its dash and marker.
    legend = re.findall(r'<g class="stabilise-chart__legend">(.*?)</g>', vacancy, re.S)
    assert [re.findall(r">([^<]+)</text>", entry) for entry in legend] == [[s] for s in series]
    dashes = [re.findall(r"<line [^>]*>", entry)[0] for entry in legend]
    assert "stroke-dasharray" not in dashes[0]
    assert 'stroke-dasharray="8 4"' in dashes[1] and 'stroke-dasharray="2 4"' in dashes[2]
    assert "Wessex County Council (solid line, circles), South West (dashed line, squares)" in (
        vacancy
    )
    assert 'role="img"' in vacancy and "the table below gives every figure" in vacancy
    # The council's line: 2023 to 2025 only, one piece with a marker a year.
    ours = vacancy.split('data-series="Wessex County Council">')[1].split("</g>")[0]
    assert len(re.findall(r'fill="none"', ours)) == 1
    assert len(re.findall(r"<path d=", ours)) == 1 + 3


def test_a_symbol_is_a_gap_in_the_line_and_its_symbol_in_the_table(
    signed_in_client: Client,
) -> None:
    # Kensington and Chelsea's agency rate: published 2017 to 2020, then "x" every year.
    code = dfe.find_authority("Kensington and Chelsea").old_la_code
    html = page(signed_in_client, f"/benchmarks/?year=2025&la={code}")
    agency = table(html, CAPTION.format("Agency worker rate (FTE)"))
    assert agency.rows[0][1:3] == ["Kensington and Chelsea", "Inner London"]
    assert [agency.row(str(y))[1] for y in range(2017, 2026)] == [
        "3.4%", "4.0%", "5.7%", "2.5%", "x", "x", "x", "x", "x",
    ]  # fmt: skip
    assert agency.row("2025")[5] == "Not ranked"
    line = chart(html, "agency-rate-fte").split('data-series="Kensington and Chelsea">')[1]
    ours = line.split("</g>")[0]
    assert len(re.findall(r"<path d=", ours)) == 1 + 4
    assert "x not available" in text(html)
    assert "All figures are as the Department for Education (DfE) published them." in text(html)


def test_a_published_authority_over_the_years_is_the_one_chosen_for_the_year(
    signed_in_client: Client,
) -> None:
    # Two Dorsets: the county (835, to 2018) and the unitary (838, since 2019). Asked for by
    # name in 2017, the page is the county's, and so are its years.
    html = page(signed_in_client, "/benchmarks/?year=2017&la=Dorset")
    vacancy = table(html, CAPTION.format("Vacancy rate (FTE)"))
    assert vacancy.rows[0][1] == "Dorset"
    assert vacancy.row("2017")[1] != "Not available"
    assert vacancy.row("2025")[1] == "Not available"
    assert "There are no figures of Dorset's own for 2019 to 2025" in text(html)


@override_settings(COUNCIL_LA_CODE="E08000028")
def test_a_council_configured_as_a_published_authority_has_its_published_years_before_its_register(
    signed_in_client: Client, register: None
) -> None:
    html = page(signed_in_client)
    vacancy = table(html, CAPTION.format("Vacancy rate (FTE)"))
    assert vacancy.rows[0][1:3] == ["Wessex County Council", "West Midlands"]
    # Sandwell's published 2022 figure, then the register's.
    assert vacancy.row("2022")[1] == "27.5%"
    assert vacancy.row("2024")[1] == "50.0%"
    assert "Its figures for 2017 to 2022 are as the DfE published them." in text(html)
