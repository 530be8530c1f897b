"""Councillors (and others who see aggregates only) read 1 to 4 as `c` on every page and file.

Big team: six permanent case holders, 1.0 FTE each, caseloads 10 to 15 on Friday 13 June 2025.
Small team: two permanent case holders (caseloads 20 and 22), and two leavers in the year.
"""

import datetime as dt
import io

import openpyxl
import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Assignment, Team, Worker
from tests.ui.html import table, text

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 15)
FRIDAY = dt.date(2025, 6, 13)


@pytest.fixture
def register(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not freezegun: a frozen clock hands Polars fake dates that later tests cannot read.
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    big = Team.objects.create(team_id="BIG", name="Big team")
    small = Team.objects.create(team_id="SML", name="Small team")
    people = [(big, 10 + n, None) for n in range(6)]
    people += [(small, 20, None), (small, 22, None)]
    people += [(small, None, dt.date(2025, 1, 31)), (small, None, dt.date(2025, 2, 28))]
    for n, (team, cases, ended) in enumerate(people, start=1):
        worker = Worker.objects.create(worker_id=f"W{n}", display_name=f"Person {n}")
        Assignment.objects.create(
            assignment_id=f"A{n}",
            worker=worker,
            team=team,
            org_role=5,
            contract="permanent",
            fte=1,
            start_date=dt.date(2020, 1, 1),
            end_date=ended,
            end_reason=1 if ended else None,
        )
        if cases is not None:
            CaseloadSnapshot.objects.create(worker=worker, date=FRIDAY, cases=cases)


def signed_in(role: Role) -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username=str(role), role=role))
    return client


def test_the_dashboard_shows_councillors_c_for_figures_on_1_to_4_people(register: None) -> None:
    councillor = table(signed_in(Role.COUNCILLOR).get("/").content.decode(), "Headline")
    lead = table(signed_in(Role.WORKFORCE_LEAD).get("/").content.decode(), "Headline")

    assert lead.row("Leavers in the year")[1] == "2"
    assert councillor.row("Leavers in the year")[1] == "c"
    assert councillor.row("Turnover rate in the year (FTE)")[1] == "c"
    assert lead.row("Turnover rate in the year (FTE)")[1] == "25.0%"
    # Eight people in post: shown to everyone, as are rates built on them.
    assert councillor.row("Social workers in post (FTE)")[1] == "8.0"
    assert councillor.row("Average caseload per case-holding FTE")[1] == "14.6"
    assert councillor.row("Starters in the year")[1] == "0"


def test_the_dashboard_explains_c_to_councillors_only(register: None) -> None:
    assert "as the Department for Education publishes" in text(
        signed_in(Role.COUNCILLOR).get("/").content.decode()
    )
    assert "Department for Education publishes" not in text(
        signed_in(Role.WORKFORCE_LEAD).get("/").content.decode()
    )


def test_the_teams_list_suppresses_small_teams_and_has_no_team_links_for_councillors(
    register: None,
) -> None:
    councillor_page = signed_in(Role.COUNCILLOR).get("/teams/").content.decode()
    lead_page = signed_in(Role.WORKFORCE_LEAD).get("/teams/").content.decode()
    councillor = table(councillor_page, "Teams on")
    lead = table(lead_page, "Teams on")

    assert councillor.row("Big team")[2:] == ["6", "0.0", "12.5"]
    assert councillor.row("Small team")[2:] == ["c", "0.0", "c"]
    assert lead.row("Small team")[2:] == ["2", "0.0", "21.0"]
    assert 'href="/teams/BIG/"' not in councillor_page
    assert 'href="/teams/BIG/"' in lead_page


WEEKLY = f"/reports/weekly-caseload/?week_ending={FRIDAY}"


def test_the_weekly_report_withholds_small_teams_and_every_highest_and_lowest(
    register: None,
) -> None:
    page = signed_in(Role.COUNCILLOR).get(WEEKLY).content.decode()
    summary = table(page, "Caseloads in the week ending 13 June 2025")

    # Team, headcount, change, case holders, cases, average, per FTE, highest, lowest, ...
    assert summary.row("Big team")[1:9] == ["6", "0", "6", "75", "12.5", "12.5", "c", "c"]
    assert summary.row("Small team")[1:9] == ["c"] * 8
    assert summary.row("All teams")[1:9] == ["8", "0", "8", "117", "14.6", "14.6", "c", "c"]
    assert table(page, "Headcount, week by week").row("Small team")[-1] == "c"


def test_managers_see_the_weekly_report_whole(register: None) -> None:
    page = signed_in(Role.SERVICE_MANAGER).get(WEEKLY).content.decode()
    summary = table(page, "Caseloads in the week ending 13 June 2025")

    assert summary.row("Big team")[1:9] == ["6", "0", "6", "75", "12.5", "12.5", "15", "10"]
    assert summary.row("Small team")[1:9] == ["2", "0", "2", "42", "21.0", "21.0", "22", "20"]


def test_the_councillors_workbook_is_suppressed_as_their_page_is(register: None) -> None:
    response = signed_in(Role.COUNCILLOR).get(f"/reports/weekly-caseload.xlsx?week_ending={FRIDAY}")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = {row[0]: list(row[1:]) for row in book["Summary"].iter_rows(min_row=5, values_only=True)}

    assert rows["Big team"][:8] == [6, 0, 6, 75, 12.5, 12.5, "c", "c"]
    assert rows["Small team"][:8] == ["c"] * 8
    assert "c: withheld" in book["Summary"]["A2"].value
