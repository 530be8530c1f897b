"""The retention section's page lists the retention pages each role may open, and the
navigation has one Retention entry, current on every page under it."""

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from tests.ui.html import text

pytestmark = pytest.mark.django_db

EVERY_PAGE = {
    "/retention/leavers/": "Leavers",
    "/retention/exit-interviews/": "Exit interviews",
    "/retention/themes/": "Why leavers leave",
    "/retention/early-warnings/": "Early warnings",
    "/retention/who-may-be-next/": "Who may be next",
    "/retention/survival/": "How long people stay",
}


def client_as(role: Role) -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username=f"u-{role}", role=role))
    return client


def listed(page: str) -> set[str]:
    return {href for href in EVERY_PAGE if f'href="{href}"' in page}


@pytest.mark.parametrize(
    ("role", "pages"),
    [
        (Role.WORKFORCE_LEAD, set(EVERY_PAGE)),
        (
            Role.SERVICE_MANAGER,
            set(EVERY_PAGE) - {"/retention/exit-interviews/"},
        ),
        (
            Role.TEAM_MANAGER,
            {"/retention/themes/", "/retention/who-may-be-next/", "/retention/survival/"},
        ),
        (Role.COUNCILLOR, {"/retention/themes/", "/retention/survival/"}),
    ],
)
def test_each_role_sees_the_retention_pages_it_may_open_and_no_others(role, pages):
    response = client_as(role).get("/retention/")
    assert response.status_code == 200
    assert listed(response.content.decode()) == pages


def test_a_social_worker_has_no_retention_section():
    client = client_as(Role.SOCIAL_WORKER)
    assert client.get("/retention/").status_code == 403


def test_the_navigation_has_one_retention_entry_active_on_every_page_below_it():
    client = client_as(Role.WORKFORCE_LEAD)
    page = client.get("/retention/themes/").content.decode()
    assert page.count('href="/retention/"') == 1
    navigation = page[page.index('<nav aria-label="Menu"') :]
    retention = navigation[: navigation.index('href="/retention/"')]
    assert "govuk-service-navigation__item--active" in retention[retention.rindex("<li") :]
    # The pages themselves are reached from the section's page, not the navigation.
    assert 'href="/retention/survival/"' not in navigation


def test_the_audit_log_is_in_the_workforce_leads_navigation_only():
    assert "Audit log" in text(client_as(Role.WORKFORCE_LEAD).get("/").content.decode())
    assert "Audit log" not in text(client_as(Role.SERVICE_MANAGER).get("/").content.decode())
