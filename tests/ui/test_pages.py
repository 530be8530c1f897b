import re

import pytest
from django.test import Client
from freezegun import freeze_time

from tests.ui.html import table, tables, text
from tests.ui.register import TODAY, build_register

pytestmark = pytest.mark.django_db

NO_DATA = "No data yet — import a council's files with stabilise import PATH"


@pytest.fixture
def register() -> None:
    build_register()


@pytest.mark.parametrize("url", ["/", "/teams/"])
def test_an_empty_database_says_how_to_import(signed_in_client: Client, url: str) -> None:
    response = signed_in_client.get(url)

    assert response.status_code == 200
    assert NO_DATA in text(response.content.decode())


@freeze_time(TODAY)
def test_the_dashboard_shows_the_figures_worked_out_by_hand(
    signed_in_client: Client, register: None
) -> None:
    page = signed_in_client.get("/").content.decode()
    headlines = table(page, "Headline measures")

    assert headlines.rows[0] == ["Measure", "Today, 15 June 2025", "Census day, 30 September 2024"]
    assert headlines.row("Vacancy rate (FTE)")[1:] == ["20.0%", "14.3%"]
    assert headlines.row("Agency worker rate (FTE)")[1:] == ["26.3%", "25.0%"]
    assert headlines.row("Turnover rate in the year (FTE)")[1:] == ["35.7%", "0.0%"]
    assert headlines.row("Average caseload per case-holding FTE")[1:] == ["17.9", "19.0"]
    assert headlines.row("Sickness absence rate (FTE)")[1:] == ["1.3%", "0.4%"]
    assert headlines.row("Social workers in post (FTE)")[1:] == ["2.8", "3.0"]
    assert headlines.row("Agency workers (FTE)")[1:] == ["1.0", "1.0"]
    assert headlines.row("Starters in the year")[1:] == ["1", "0"]
    assert headlines.row("Leavers in the year")[1:] == ["1", "0"]


@freeze_time(TODAY)
def test_every_chart_has_a_table_of_its_36_months(signed_in_client: Client, register: None) -> None:
    page = signed_in_client.get("/").content.decode()
    chart_ids = re.findall(r'<svg class="stabilise-chart" id="([^"]+)-chart"', page)

    assert page.count('class="stabilise-chart"') == len(chart_ids) == 3
    by_caption_id = {t.caption_id: t for t in tables(page)}
    for chart_id in chart_ids:
        data = by_caption_id[f"{chart_id}-caption"]
        assert data.caption.endswith(": figures")
        assert len(data.rows) == 1 + 36
        assert set(data.header_scopes) == {"col", "row"}
    vacancy = by_caption_id["vacancy-rate-fte-caption"]
    assert vacancy.rows[1][0] == "30 Jun 2022"
    assert vacancy.row("30 Sep 2024")[1] == "14.3%"
    assert vacancy.row("31 May 2025")[1] == "20.0%"


@freeze_time(TODAY)
def test_the_teams_page_lists_each_team_with_its_figures(
    signed_in_client: Client, register: None
) -> None:
    page = signed_in_client.get("/teams/").content.decode()
    teams = table(page, "Teams on 15 June 2025")

    assert teams.row("Assessment North") == ["Assessment North", "Assessment", "2", "0.7", "17.9"]
    assert teams.row("Children in Care") == [
        "Children in Care",
        "Looked after",
        "1",
        "0.0",
        "Not available",
    ]
    assert 'href="/teams/T1/"' in page


@freeze_time(TODAY)
def test_a_team_page_lists_the_people_in_the_team_today_and_its_posts(
    signed_in_client: Client, register: None
) -> None:
    page = signed_in_client.get("/teams/T1/").content.decode()
    people = table(page, "People in the team on 15 June 2025")
    posts = table(page, "Posts established on 15 June 2025")

    assert [row[0] for row in people.rows[1:]] == ["Alice Able", "Bob Baker", "Carol Cole"]
    assert people.row("Bob Baker") == [
        "Bob Baker",
        "Case holder",
        "Permanent",
        "0.8",
        "1 Nov 2024",
        "12 on 14 Jun 2025",
    ]
    assert people.row("Alice Able")[-1] == "18 on 13 Jun 2025"
    assert people.row("Carol Cole")[2] == "Agency"
    assert [row[3] for row in posts.rows[1:]] == ["0.0", "0.2", "0.5"]
    assert posts.row("P3")[-1] == "Yes"
    assert 'href="/teams/"' in page


def test_an_unknown_team_is_not_found(signed_in_client: Client) -> None:
    assert signed_in_client.get("/teams/NOPE/").status_code == 404


def test_a_page_not_found_keeps_the_service_layout(signed_in_client: Client) -> None:
    page = signed_in_client.get("/teams/NOPE/").content.decode()

    assert "Page not found" in page and "govuk-generic-header" in page
