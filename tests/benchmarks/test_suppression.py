"""The benchmarks page for those who see aggregates only: the council's own register figures that
rest on 1 to 4 people are `c`, with their ranks; the DfE's published figures stay as published.
The registers are conftest's, worked out there: `build_council` (ten in post and 3 or 5 leavers
in the year to 30 September 2024) and `build_register` (one in post).
"""

import re

import pytest
from django.test import Client

from stabilise.accounts.models import Role
from tests.benchmarks.conftest import build_council, build_register, signed_in_as
from tests.ui.html import table, text

pytestmark = pytest.mark.django_db

ALL_MEASURES = "Wessex County Council at 30 September 2024"
YEARS = "{} at 30 September, 2017 to 2025: the figures in the chart"
SEE_NUMBERS = [Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER, Role.TEAM_MANAGER]
SEE_AGGREGATES = [Role.COUNCILLOR, Role.ACADEMY_LEAD]
LEAVERS = ["Leavers in the year (headcount)", "Leavers in the year (FTE)"]
TURNOVER = ["Turnover rate (FTE)", "Turnover rate (headcount)"]
RANK = re.compile(r"(\d+(st|nd|rd|th) (lowest|largest)|(Lowest|Largest)) of 1\d\d")


def page(client: Client, url: str = "/benchmarks/?year=2024") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def council_line(html: str, chart_id: str) -> str:
    chart = html[html.index(f'id="{chart_id}-years-chart"') :].split("</svg>")[0]
    return chart.split('data-series="Wessex County Council">')[1].split("</g>")[0]


def markers(line: str) -> int:
    return len(re.findall(r'<path d="[^"]*" fill="#', line))


@pytest.mark.parametrize("role", SEE_AGGREGATES)
def test_three_leavers_are_c_to_a_councillor_with_the_turnover_and_no_rank(
    client: Client, role: Role
) -> None:
    build_council(leavers=3)
    html = page(signed_in_as(client, role))
    measures = table(html, ALL_MEASURES)
    for label in LEAVERS + TURNOVER:
        row = measures.row(label)
        assert (row[1], row[5]) == ("c", "c"), label
    # Ten in post, none agency: enough people to show, and zero is shown.
    assert measures.row("Social workers in post (headcount)")[1] == "10"
    assert measures.row("Vacancy rate (FTE)")[1] == "23.1%"
    assert RANK.fullmatch(measures.row("Vacancy rate (FTE)")[5])
    assert measures.row("Agency worker rate (FTE)")[1] == "0.0%"
    assert measures.row("Average caseload per case-holding FTE")[1] == "15.0"
    assert table(html, "Main rates: the figures in the charts").row("Turnover rate (FTE)")[1] == "c"
    assert "30.0%" not in html
    assert 'id="suppression-note"' in html
    assert "so is its rank" in text(html)


@pytest.mark.parametrize("role", SEE_NUMBERS)
def test_the_workforce_lead_and_managers_see_the_three_leavers_and_their_turnover(
    client: Client, role: Role
) -> None:
    build_council(leavers=3)
    html = page(signed_in_as(client, role))
    measures = table(html, ALL_MEASURES)
    assert measures.row("Leavers in the year (headcount)")[1] == "3"
    assert measures.row("Leavers in the year (FTE)")[1] == "3.0"
    for label in TURNOVER:
        assert measures.row(label)[1] == "30.0%"
        assert RANK.fullmatch(measures.row(label)[5]), label
    assert 'id="suppression-note"' not in html


def test_a_withheld_turnover_has_no_bar_of_the_councils_own_in_its_chart(
    councillor_client: Client,
) -> None:
    build_council(leavers=3)
    html = page(councillor_client)
    turnover = html[html.index('id="turnover-rate-fte-chart"') :].split("</svg>")[0]
    # Region, England and the similar councils' median: three bars, the council's written `c`.
    assert len(re.findall(r"<rect ", turnover)) == 3
    assert re.search(r">Wessex County Council</text>\s*<text [^>]*>c</text>", turnover)
    vacancy = html[html.index('id="vacancy-rate-fte-chart"') :].split("</svg>")[0]
    assert len(re.findall(r"<rect ", vacancy)) == 4


def test_five_leavers_are_shown_to_a_councillor(councillor_client: Client) -> None:
    build_council(leavers=5)
    html = page(councillor_client)
    measures = table(html, ALL_MEASURES)
    assert measures.row("Leavers in the year (headcount)")[1] == "5"
    assert measures.row("Turnover rate (FTE)")[1] == "50.0%"
    assert RANK.fullmatch(measures.row("Turnover rate (FTE)")[5])
    assert measures.row("Vacancy rate (FTE)")[1] == "33.3%"
    assert "c" not in [row[1] for row in measures.rows]
    assert 'id="suppression-note"' not in html
    turnover = table(html, YEARS.format("Turnover rate (FTE)"))
    assert [turnover.row(y)[1] for y in ("2023", "2024", "2025")] == [
        "Not available",
        "50.0%",
        "0.0%",
    ]
    assert markers(council_line(html, "turnover-rate-fte")) == 2


def test_over_the_years_the_year_of_three_leavers_is_c_to_a_councillor_and_a_gap(
    councillor_client: Client,
) -> None:
    build_council(leavers=3)
    html = page(councillor_client)
    turnover = table(html, YEARS.format("Turnover rate (FTE)"))
    assert [turnover.row(y)[1] for y in ("2023", "2024", "2025")] == [
        "Not available",
        "c",
        "0.0%",
    ]
    assert turnover.row("2024")[5] == "c"
    assert RANK.fullmatch(turnover.row("2025")[5])
    # The year of the table above is the year's page: the same `c` and the same rank.
    assert turnover.row("2024")[1:] == table(html, ALL_MEASURES).row("Turnover rate (FTE)")[1:]
    # The council's line has 2025 only: 2023 counts part of a year, 2024 is withheld.
    assert markers(council_line(html, "turnover-rate-fte")) == 1
    vacancy = table(html, YEARS.format("Vacancy rate (FTE)"))
    assert [vacancy.row(y)[1] for y in ("2023", "2024", "2025")] == ["0.0%", "23.1%", "23.1%"]
    assert "the register has none, or Wessex County Council's figure is withheld (c)" in text(html)


def test_over_the_years_a_manager_sees_the_year_of_three_leavers(signed_in_client: Client) -> None:
    build_council(leavers=3)
    html = page(signed_in_client)
    turnover = table(html, YEARS.format("Turnover rate (FTE)"))
    assert turnover.row("2024")[1] == "30.0%"
    assert RANK.fullmatch(turnover.row("2024")[5])
    assert markers(council_line(html, "turnover-rate-fte")) == 2
    assert "figure is withheld" not in text(html)


def test_a_council_of_one_person_shows_a_councillor_no_similar_councils_chosen_by_its_size(
    councillor_client: Client,
) -> None:
    build_register()  # conftest: one in post, one agency worker, one leaver
    html = page(councillor_client)
    measures = table(html, ALL_MEASURES)
    assert measures.row("Social workers in post (FTE)")[1] == "c"
    assert measures.row("Vacancy rate (FTE)")[1] == "c"
    # Vacant posts are not people: they stand.
    assert measures.row("Vacancies (FTE)")[1] == "1.0"
    # The similar councils are the smallest in England: they would tell its size.
    assert {row[4] for row in measures.rows[1:]} == {"c"}
    assert 'id="similar-councils"' not in html
    assert "City of London" not in html.split("Show benchmarks")[1]  # only in the list to choose
    assert "they are chosen by size" in text(html)


def test_a_published_authority_is_shown_to_a_councillor_as_the_dfe_published_it(
    councillor_client: Client,
) -> None:
    build_council(leavers=3)
    # Sandwell 2025, as the service manager sees it in test_page.py.
    html = page(councillor_client, "/benchmarks/?year=2025&la=333")
    measures = table(html, "Sandwell at 30 September 2025")
    assert measures.row("Vacancy rate (FTE)")[1:4] == ["8.7%", "14.0%", "14.2%"]
    assert measures.row("Vacancy rate (FTE)")[5] == "42nd lowest of 149"
    assert len(table(html, "The ten councils").rows) == 11
    assert 'id="suppression-note"' not in html
