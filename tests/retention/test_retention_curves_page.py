"""The retention curves page over a register built by hand (the histories of
tests/analytics/test_survival.py, whose curves are worked out by hand there).

Records begin on 1 January 2020 (the first caseload snapshot); today is 31 December 2022.
    T1 Assessment: ANN 100 days from 1 Jan 2020, BEN 200 days, CAT in post since 1 Jan 2020
    T2 In care:    DEE 200 days from 1 Jan 2020, EVE in post since 1 Jun 2022, FAY 100 days
                   from 1 Jan 2021
Council: 6 at risk at 0 months; by 6 months (182 days) ANN and FAY have left (S = 2/3) and
4 are followed; by 12 months BEN and DEE have left too (S = 1/3), only CAT is followed.
At 2/3 the Greenwood variance is 2 / (6 x 4) = 1/12, so z sqrt(1/12) / -ln(2/3) =
1.96 x 0.2887 / 0.4055 = 1.3955 and e^1.3955 = 4.037: the bounds are (2/3) ** 4.037 = 19.5 %
and (2/3) ** (1 / 4.037) = 90.4 %. At 1/3 they are 4.6 % and 67.6 % (test_survival.py).
Stability: in post on 31 December 2021 only CAT, still in post: 1 of 1, 100 %.
"""

import datetime as dt
from decimal import Decimal

# Imported before any test freezes the clock: pandas (through lifelines) cannot be imported
# while freezegun's date class stands in for the real one.
import lifelines  # noqa: F401
import pytest
from django.test import Client
from freezegun import freeze_time

from stabilise.accounts.models import Role, User
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Assignment, Team, Worker
from tests.ui.html import tables

URL = "/retention/survival/"
HISTORIES = [
    ("ANN", "T1", dt.date(2020, 1, 1), 100),
    ("BEN", "T1", dt.date(2020, 1, 1), 200),
    ("CAT", "T1", dt.date(2020, 1, 1), None),
    ("DEE", "T2", dt.date(2020, 1, 1), 200),
    ("EVE", "T2", dt.date(2022, 6, 1), None),
    ("FAY", "T2", dt.date(2021, 1, 1), 100),
]


@pytest.fixture
def register(db: None) -> dict[str, Team]:
    teams = {
        "T1": Team.objects.create(team_id="T1", name="Assessment", service="Assessment"),
        "T2": Team.objects.create(team_id="T2", name="In care", service="Looked after"),
    }
    for worker_id, team, start, days in HISTORIES:
        worker = Worker.objects.create(worker_id=worker_id, display_name=worker_id.title())
        Assignment.objects.create(
            assignment_id=f"A-{worker_id}",
            worker=worker,
            team=teams[team],
            org_role=5,
            contract="permanent",
            fte=Decimal("1"),
            start_date=start,
            end_date=None if days is None else start + dt.timedelta(days=days - 1),
            start_origin=1 if worker_id in ("ANN", "DEE") else 2,
        )
    CaseloadSnapshot.objects.create(
        worker=Worker.objects.get(worker_id="CAT"), date=dt.date(2020, 1, 1), cases=3
    )
    return teams


def page_for(
    role: Role, query: str = "", teams: list[Team] | None = None, status: int = 200
) -> str:
    user, _ = User.objects.get_or_create(username=f"u-{role}", defaults={"role": role})
    user.teams.set(teams or [])
    client = Client()
    client.force_login(user)
    with freeze_time("2022-12-31 12:00"):
        response = client.get(URL + query)
    assert response.status_code == status
    return response.content.decode()


def curve_table(page: str, label: str) -> list[list[str]]:
    (table,) = [t for t in tables(page) if t.caption == f"{label}: every 6 months"]
    return table.rows[1:3]


def test_the_council_curve_is_drawn_beside_its_table_with_the_figures_worked_out_by_hand(
    register,
):
    page = page_for(Role.WORKFORCE_LEAD)
    assert curve_table(page, "All social workers in post") == [
        ["0", "6", "0", "100.0%", "100.0%", "100.0%"],
        ["6", "4", "2", "66.7%", "19.5%", "90.4%"],
    ]
    assert "33.3% still in post (95% confidence interval 4.6% to 67.6%; 1 still followed)" in page
    assert 'class="stabilise-chart__band"' in page and 'class="stabilise-chart__line"' in page
    assert "Stability: 100.0%" in page
    assert "Ann" not in page  # aggregates only: nobody is named


def test_a_team_manager_sees_only_their_own_teams_curves(register):
    page = page_for(Role.TEAM_MANAGER, "?by=team", teams=[register["T1"]])
    assert "Assessment: every 6 months" in page
    assert "In care" not in page
    lead = page_for(Role.WORKFORCE_LEAD, "?by=team")
    assert "Assessment: every 6 months" in lead and "In care: every 6 months" in lead
    assert "log-rank test" in lead


def test_councillors_see_groups_of_fewer_than_five_withheld_and_small_counts_as_c(register):
    by_team = page_for(Role.COUNCILLOR, "?by=team")
    assert "every 6 months" not in by_team
    assert "Assessment: fewer than 5 people" in by_team
    assert "In care: fewer than 5 people" in by_team
    council = page_for(Role.COUNCILLOR)
    # 6 at risk at the start: shown; at 6 months 4 followed and 2 left: c, and so the share.
    assert curve_table(council, "All social workers in post") == [
        ["0", "6", "0", "100.0%", "100.0%", "100.0%"],
        ["6", "c", "c", "c", "c", "c"],
    ]
    assert "After 12 months" in council and "c (fewer than 5 people still followed)" in council
    assert "Stability: c" in council


def test_an_unknown_breakdown_is_explained_and_the_council_curve_shown(register):
    page = page_for(Role.SERVICE_MANAGER, "?by=shoe-size", status=400)
    assert "Choose what to compare from the list" in page
    assert "All social workers in post: every 6 months" in page


def test_the_route_breakdown_compares_newly_qualified_with_experienced(register):
    page = page_for(Role.SERVICE_MANAGER, "?by=route")
    assert "Newly qualified: every 6 months" in page and "Experienced: every 6 months" in page
    assert "log-rank test: chi-squared" in page
    assert "Stability by route into the council" in page


def test_the_page_is_on_the_retention_page_of_those_who_see_aggregates(register):
    # The navigation's Retention opens the section's page, which lists this one (test_home).
    assert 'href="/retention/"' in page_for(Role.ACADEMY_LEAD)


def test_an_academy_lead_sees_no_team_curves_for_they_see_no_team(register):
    page = page_for(Role.ACADEMY_LEAD, "?by=team")
    assert "No curves to show for the teams you can see." in page
    assert "every 6 months" not in page


def test_an_empty_register_says_there_is_no_data_yet(db):
    assert "No data yet" in page_for(Role.WORKFORCE_LEAD)
