"""Themes and destinations by quarter: counts for all who see aggregates, with 1 to 4 as `c` for
everyone but the workforce lead. Over tests/ui/register.py, where Dan Dale (W4) left on
15 October 2024 (2024 Q4) and his exit interview cites Caseload."""

import datetime as dt

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from stabilise.retention.models import Theme
from stabilise.retention.services import record_interview
from stabilise.workforce.models import Assignment, Team, Worker
from tests.ui.html import table
from tests.ui.register import build_register

URL = "/retention/themes/?from=2024-01-01&to=2024-12-31"


@pytest.fixture
def interviewed(db: None) -> None:
    build_register()
    record_interview(
        worker=Worker.objects.get(worker_id="W4"),
        left_on=dt.date(2024, 10, 15),
        status="held",
        themes={Theme.objects.get(name="Caseload"): 3},
    )


def page_for(role: Role) -> str:
    client = Client()
    user = User.objects.filter(username=f"u-{role}").first()
    client.force_login(user or User.objects.create_user(username=f"u-{role}", role=role))
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def cell(text: str) -> str:
    return f'govuk-table__cell--numeric">{text}</td>'


def test_the_workforce_lead_sees_every_count(interviewed):
    page = page_for(Role.WORKFORCE_LEAD)
    assert "Caseload" in page and "2024 Q4" in page and cell("1") in page
    assert "Dan Dale" not in page


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.COUNCILLOR])
def test_everyone_else_sees_small_counts_as_c(interviewed, role):
    page = page_for(role)
    assert "Caseload" in page and cell("c") in page and cell("1") not in page
    assert "Dan Dale" not in page


@pytest.fixture
def two_left_in_the_summer(interviewed: None) -> None:
    """Two more leavers, on 1 August 2024 (Q3), citing Caseload; so Caseload runs Q3 2, Q4 1
    (Dan): down. Both went to another council; Dan's destination is not recorded."""
    for n in (8, 9):
        worker = Worker.objects.create(worker_id=f"W{n}", display_name=f"Leaver {n}")
        Assignment.objects.create(
            assignment_id=f"A{n}",
            worker=worker,
            team=Team.objects.get(team_id="T2"),
            org_role=5,
            contract="permanent",
            fte=1,
            start_date=dt.date(2020, 1, 1),
            end_date=dt.date(2024, 8, 1),
            end_reason=1,
            end_destination=1,
        )
        record_interview(
            worker=worker,
            left_on=dt.date(2024, 8, 1),
            status="held",
            themes={Theme.objects.get(name="Caseload"): 2},
        )


def test_a_theme_reads_along_its_row_quarter_by_quarter_with_the_fall_marked(
    two_left_in_the_summer,
):
    themes = table(page_for(Role.WORKFORCE_LEAD), "Themes leavers gave, by quarter")
    assert themes.rows[0] == ["Theme", "2024 Q3", "2024 Q4", "All"]
    assert themes.row("Caseload") == ["Caseload", "2", "1 ↓, down on the quarter before", "3"]
    went = table(page_for(Role.WORKFORCE_LEAD), "Where leavers went, by quarter")
    assert went.row("Social worker role in a different LA in England")[1:] == [
        "2",
        "0 ↓, down on the quarter before",
        "2",
    ]


def test_a_councillor_sees_neither_small_counts_nor_the_direction_between_them(
    two_left_in_the_summer,
):
    themes = table(page_for(Role.COUNCILLOR), "Themes leavers gave, by quarter")
    assert themes.row("Caseload") == ["Caseload", "c", "c", "c"]
    went = table(page_for(Role.COUNCILLOR), "Where leavers went, by quarter")
    # 0 identifies nobody, but a fall from c to 0 would tell that c was the whole count.
    assert went.row("Social worker role in a different LA in England")[1:] == ["c", "0", "c"]


def test_each_teams_main_themes_are_listed_with_their_counts(two_left_in_the_summer):
    teams = table(page_for(Role.WORKFORCE_LEAD), "Main themes by team")
    assert teams.row("Children in Care") == ["Children in Care", "Caseload (2)"]
    assert teams.row("Assessment North") == ["Assessment North", "Caseload (1)"]
