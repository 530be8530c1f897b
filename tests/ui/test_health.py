"""`/health/`: what a load balancer or monitoring sees, signed in or not."""

import pytest
from django.db import OperationalError
from django.test import Client

from stabilise.ui import health

pytestmark = pytest.mark.django_db


def test_the_health_check_says_ok_to_anyone_and_is_never_cached(client: Client) -> None:
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


def test_a_signed_in_user_gets_the_same_answer_through_the_whole_stack(
    signed_in_client: Client,
) -> None:
    response = signed_in_client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_when_the_database_cannot_be_reached_it_says_so_with_503_and_no_traceback(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable:
        def cursor(self) -> None:
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", Unreachable())

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.content == b"database unavailable\n"


def test_it_only_answers_get_and_head(client: Client) -> None:
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def test_it_answers_plain_http_even_where_every_page_is_redirected_to_https(
    client: Client, settings
) -> None:
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/health/").status_code == 200
    assert client.get("/sign-in/").status_code == 301
