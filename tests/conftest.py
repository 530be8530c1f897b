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
