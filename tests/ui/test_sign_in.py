import pytest
from django.test import Client

from stabilise.accounts.models import User
from tests.conftest import PASSWORD
from tests.ui.html import text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/teams/", "/teams/T1/"])
def test_a_page_sends_someone_not_signed_in_to_sign_in(client: Client, url: str) -> None:
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={url}"


def test_the_sign_in_page_is_a_gov_uk_form_without_the_crown(client: Client) -> None:
    page = client.get("/sign-in/").content.decode()

    assert '<h1 class="govuk-heading-l">Sign in</h1>' in page
    assert 'class="govuk-input' in page and 'autocomplete="current-password"' in page
    assert "Wessex County Council" in page and "Stabilise" in page
    assert "govuk-logo" not in page and "govuk-header__logotype" not in page
    assert "Sign out" not in page


def test_signing_in_with_the_right_password_goes_on_to_two_factor(
    client: Client, user: User
) -> None:
    response = client.post("/sign-in/", {"username": "lead", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    # The dashboard waits for the security code (tests/accounts/test_two_factor.py).
    assert client.get("/")["Location"] == "/two-factor/set-up/?next=%2F"


def test_a_wrong_password_shows_the_error_summary_and_signs_nobody_in(
    client: Client, user: User
) -> None:
    response = client.post("/sign-in/", {"username": "lead", "password": "wrong password"})
    page = response.content.decode()

    assert response.status_code == 200
    assert "<title>Error: Sign in" in page
    assert 'class="govuk-error-summary' in page
    assert "There is a problem" in page
    assert 'href="#id_username">Enter a correct username and password.' in page
    assert client.get("/").status_code == 302


def test_empty_fields_are_named_in_the_error_summary_and_beside_each_field(
    client: Client, user: User
) -> None:
    page = client.post("/sign-in/", {"username": "", "password": ""}).content.decode()

    assert 'href="#id_username">Enter your username</a>' in page
    assert 'href="#id_password">Enter your password</a>' in page
    assert 'id="id_password-error"' in page and "govuk-input--error" in page


def test_sign_out_is_a_form_that_signs_out(signed_in_client: Client) -> None:
    page = signed_in_client.get("/").content.decode()
    assert '<form class="stabilise-sign-out" method="post" action="/sign-out/">' in page

    response = signed_in_client.post("/sign-out/")

    assert response.status_code == 302
    assert signed_in_client.get("/").status_code == 302


def test_every_page_has_the_skip_link_beta_banner_navigation_and_licence_footer(
    signed_in_client: Client,
) -> None:
    page = signed_in_client.get("/").content.decode()

    assert 'class="govuk-skip-link"' in page and 'href="#main-content"' in page
    assert 'id="main-content"' in page
    assert 'class="govuk-generic-header' in page
    assert "Beta" in page and "govuk-phase-banner" in page
    for section in ("Dashboard", "Teams", "Sign out"):
        assert section in page
    assert 'aria-current="page"' in page
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0."
        in text(page)
    )
    assert "cdn" not in page.lower() and "https://" not in page.replace(
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", ""
    )
