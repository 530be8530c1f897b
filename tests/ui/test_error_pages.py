"""When a form's security token is missing or the application fails, people get a GOV.UK page
saying what to do: never Django's own words, never a traceback."""

import pytest
from django.test import Client
from django.urls import reverse

from stabilise.accounts.access import RULES
from stabilise.accounts.models import Role
from tests.accounts.test_access_matrix import ARGS
from tests.ui.html import text

LEAD_PAGES = sorted(name for name, roles in RULES.items() if Role.WORKFORCE_LEAD in roles)


@pytest.fixture
def strict_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_every_page_refuses_a_post_without_its_security_token_with_a_page_saying_why(
    strict_client: Client,
):
    refused = {}
    for name in LEAD_PAGES:
        response = strict_client.post(reverse(name, kwargs=ARGS.get(name)), {"name": "x"})
        refused[name] = (
            response.status_code,
            "The form could not be sent" in text(response.content.decode()),
        )
    assert refused == {name: (403, True) for name in LEAD_PAGES}


def test_the_refusal_says_nothing_was_saved_and_what_to_do(strict_client: Client):
    page = text(strict_client.post("/retention/themes/list/", {"name": "Pay"}).content.decode())
    assert "Nothing has been saved" in page and "reload the page and send the form again" in page
    assert "CSRF" not in page


def test_an_error_in_a_page_shows_the_services_error_page_and_no_traceback(
    user, monkeypatch: pytest.MonkeyPatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr("stabilise.ui.views.render", fail)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    response = client.get("/teams/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with Stabilise" in page
    assert 'class="govuk-service-navigation' in page, "in the service's own layout"
    assert "secret detail" not in page and "Traceback" not in page


def test_when_even_the_error_page_fails_a_plain_one_says_the_same(
    user, monkeypatch: pytest.MonkeyPatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr("stabilise.ui.views.render", fail)
    monkeypatch.setattr("stabilise.ui.errors.render", fail)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    response = client.get("/teams/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with Stabilise" in page
    assert "secret detail" not in page and "Traceback" not in page
