"""The audit log page: the workforce lead's only, searchable, paginated, itself audited."""

import datetime as dt

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from stabilise.accounts.audit import record
from stabilise.accounts.models import AuditEvent, Role, User
from stabilise.workforce.models import Worker
from tests.ui.html import table

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(user: User) -> None:
    ann = Worker.objects.create(worker_id="W1", display_name="Ann Smith")
    bo = Worker.objects.create(worker_id="W2", display_name="Bo Li")
    manager = User.objects.create_user(username="tm", role=Role.TEAM_MANAGER)
    for who, worker, special in [(user, ann, True), (manager, ann, False), (manager, bo, False)]:
        request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.5")
        request.user = who
        record(request, "viewed", worker=worker, special=special, detail="worker page")


def rows(client: Client, query: str = "") -> list[list[str]]:
    page = client.get(f"/audit/{query}").content.decode()
    return table(page, "Entries").rows[1:]


def test_the_lead_sees_who_viewed_whose_record_newest_first(
    signed_in_client: Client, events: None
) -> None:
    found = [r for r in rows(signed_in_client) if r[3]]  # the records of people

    assert [(r[1], r[2], r[3], r[4]) for r in found] == [
        ("tm", "Viewed", "Bo Li (W2)", "No"),
        ("tm", "Viewed", "Ann Smith (W1)", "No"),
        ("lead", "Viewed", "Ann Smith (W1)", "Yes"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?worker=W1", {("tm", "Ann Smith (W1)"), ("lead", "Ann Smith (W1)")}),
        ("?user=tm", {("tm", "Ann Smith (W1)"), ("tm", "Bo Li (W2)")}),
        ("?special=on", {("lead", "Ann Smith (W1)")}),
        ("?action=viewed&worker=W2", {("tm", "Bo Li (W2)")}),
    ],
)
def test_the_log_is_searched_by_person_user_action_and_special_category(
    signed_in_client: Client, events: None, query: str, expected: set
) -> None:
    assert {(r[1], r[3]) for r in rows(signed_in_client, query) if r[3]} == expected


def test_the_log_is_searched_by_date(signed_in_client: Client, events: None) -> None:
    today = timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)

    assert len(rows(signed_in_client, f"?start={today}&end={today}")) >= 3
    page = signed_in_client.get(f"/audit/?start={tomorrow}").content.decode()
    assert "No entries match." in page


def test_a_bad_date_is_explained_in_the_error_summary(signed_in_client: Client) -> None:
    response = signed_in_client.get("/audit/?start=31/13/2025&end=2025-01-01")
    page = response.content.decode()

    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#id_start">Enter the date from as a date, like 2025-03-31' in page


def test_the_log_is_paginated_fifty_a_page(signed_in_client: Client, user: User) -> None:
    request = RequestFactory().get("/")
    request.user = user
    for _ in range(60):
        record(request, "exported", detail="workbook")

    first = signed_in_client.get("/audit/?action=exported").content.decode()
    second = signed_in_client.get("/audit/?action=exported&page=2").content.decode()

    assert "Entries 1 to 50 of 60" in first and 'href="?action=exported&amp;page=2"' in first
    assert "Entries 51 to 60 of 60" in second


def test_opening_the_log_is_itself_audited(signed_in_client: Client) -> None:
    signed_in_client.get("/audit/")

    assert AuditEvent.objects.filter(action="viewed", detail="audit log", username="lead").exists()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.WORKFORCE_LEAD])
def test_no_one_but_the_workforce_lead_opens_the_log(role: Role) -> None:
    client = Client()
    client.force_login(User.objects.create_user(username="someone", role=role))

    assert client.get("/audit/").status_code == 403
