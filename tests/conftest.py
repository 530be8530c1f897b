"""Fixtures shared by every test package. Keep it small: a package's own go in its conftest."""

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User

PASSWORD = "correct horse battery staple"


@pytest.fixture
def user(db: None) -> User:
    return User.objects.create_user(username="lead", password=PASSWORD, role=Role.WORKFORCE_LEAD)


@pytest.fixture
def signed_in_client(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _audit_rows_cleared_before_a_transactional_flush(request: pytest.FixtureRequest):
    """SQLite's triggers refuse to delete audit events, and Django empties the database after a
    transactional test (or a live server's) with DELETE; so set the triggers aside for that one
    moment, in the test database only. (PostgreSQL empties it with TRUNCATE, which they allow.)
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    from tests.accounts.audit_triggers import clear_audit_events_on_sqlite

    clear_audit_events_on_sqlite()
