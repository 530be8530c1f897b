"""Themes and destinations by quarter: counts for all who see aggregates, with 1 to 4 as `c` for
everyone but the workforce lead. Over tests/ui/register.py, where Dan Dale (W4) left on
15 October 2024 (2024 Q4) and his exit interview cites Caseload."""

import datetime as dt

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from stabilise.retention.models import Theme
from stabilise.retention.services import record_interview
from stabilise.workforce.models import Worker
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
    client.force_login(User.objects.create_user(username=f"u-{role}", role=role))
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
