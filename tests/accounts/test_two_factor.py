"""Two-factor (TOTP) before any page, for every role; set-up the first time; the demo bypass."""

import base64
import subprocess
import sys

import pytest
from django.core.checks import Error
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from stabilise.accounts.access import RULES
from stabilise.accounts.checks import demo_mode_is_local_only
from stabilise.accounts.models import AuditEvent, Role, User
from stabilise.workforce.models import Team, Worker
from tests.conftest import PASSWORD, authenticator, force_login_password_only, totp_code

pytestmark = pytest.mark.django_db


def _without_arguments(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


# Every page with an address of its own; those with arguments wait in the same check (below).
PAGES = sorted(name for name in RULES if _without_arguments(name))


def password_only(role: Role, *, device: bool = False) -> tuple[Client, User]:
    user = User.objects.create_user(username=f"u-{role}", password=PASSWORD, role=role)
    if device:
        authenticator(user)
    client = Client()
    force_login_password_only(client, user)
    return client, user


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", PAGES)
def test_every_role_sets_up_two_factor_before_any_page(role: Role, name: str) -> None:
    client, _ = password_only(role)
    page = reverse(name)

    response = client.get(page)

    assert response.status_code == 302
    assert response["Location"] == f"/two-factor/set-up/?next={page.replace('/', '%2F')}"


@pytest.mark.parametrize("role", list(Role))
def test_a_role_with_an_authenticator_enters_a_code_before_any_page(role: Role) -> None:
    client, _ = password_only(role, device=True)

    response = client.get("/teams/")

    assert response.status_code == 302
    assert response["Location"] == "/two-factor/?next=%2Fteams%2F"


def test_a_team_page_of_another_team_also_waits_for_the_code() -> None:
    Team.objects.create(team_id="T9", name="Nine")
    client, _ = password_only(Role.WORKFORCE_LEAD, device=True)

    assert client.get("/teams/T9/")["Location"] == "/two-factor/?next=%2Fteams%2FT9%2F"


def test_the_right_code_from_the_phone_opens_the_page_asked_for() -> None:
    client, user = password_only(Role.WORKFORCE_LEAD, device=True)
    device = TOTPDevice.objects.get(user=user)

    response = client.post("/two-factor/", {"code": totp_code(device), "next": "/teams/"})

    assert response.status_code == 302 and response["Location"] == "/teams/"
    assert client.get("/teams/").status_code == 200


def test_a_wrong_code_is_refused_with_an_error_and_audited() -> None:
    client, user = password_only(Role.WORKFORCE_LEAD, device=True)
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"

    response = client.post("/two-factor/", {"code": wrong, "next": "/"})
    page = response.content.decode()

    assert response.status_code == 200
    assert "There is a problem" in page and "The security code is wrong or has expired" in page
    assert client.get("/")["Location"].startswith("/two-factor/")
    assert AuditEvent.objects.filter(action="two_factor_failed", user=user).count() == 1


def test_a_code_that_is_not_6_digits_says_how_to_write_it() -> None:
    client, _ = password_only(Role.WORKFORCE_LEAD, device=True)

    page = client.post("/two-factor/", {"code": "12ab"}).content.decode()

    assert "Enter the security code as 6 digits, like 123456" in page


def test_the_code_page_never_sends_someone_to_another_site() -> None:
    client, user = password_only(Role.WORKFORCE_LEAD, device=True)
    device = TOTPDevice.objects.get(user=user)

    response = client.post(
        "/two-factor/", {"code": totp_code(device), "next": "https://evil.example/"}
    )

    assert response["Location"] == "/"


def test_set_up_shows_the_secret_as_text_and_as_an_inline_svg_qr_code() -> None:
    client, user = password_only(Role.SOCIAL_WORKER)

    page = client.get("/two-factor/set-up/?next=/").content.decode()

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    shown = page.split('id="secret">')[1].split("<")[0]
    assert shown.replace(" ", "") == secret
    assert '<div class="stabilise-qr-code" role="img"' in page
    assert "<svg" in page and "<path" in page
    assert "https://" not in page.split('class="stabilise-qr-code"')[1].split("</div>")[0]


def test_set_up_is_confirmed_with_a_code_from_the_new_authenticator() -> None:
    client, user = password_only(Role.SOCIAL_WORKER)
    client.get("/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    response = client.post("/two-factor/set-up/", {"code": totp_code(device), "next": "/teams/"})

    assert response["Location"] == "/teams/"
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="two_factor_set_up", user=user).exists()
    # A social worker may not open the teams list: past two-factor, the access rules decide.
    assert client.get("/teams/").status_code == 403


def test_set_up_with_a_wrong_code_confirms_nothing() -> None:
    client, user = password_only(Role.SOCIAL_WORKER)
    client.get("/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"

    page = client.post("/two-factor/set-up/", {"code": wrong}).content.decode()

    assert "The security code is wrong or has expired" in page
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_someone_with_only_the_password_cannot_add_an_authenticator() -> None:
    client, user = password_only(Role.WORKFORCE_LEAD, device=True)

    response = client.get("/two-factor/set-up/")

    assert response["Location"].startswith("/two-factor/?next=")
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_the_two_factor_pages_need_a_password_first(client: Client) -> None:
    for page in ("/two-factor/", "/two-factor/set-up/"):
        assert client.get(page)["Location"].startswith("/sign-in/?next=")


def test_signing_in_through_the_form_then_a_code_reaches_the_dashboard(client: Client) -> None:
    user = User.objects.create_user(username="hr", password=PASSWORD, role=Role.WORKFORCE_LEAD)
    device = authenticator(user)

    assert client.post("/sign-in/", {"username": "hr", "password": PASSWORD})["Location"] == "/"
    assert client.get("/")["Location"] == "/two-factor/?next=%2F"
    client.post("/two-factor/", {"code": totp_code(device), "next": "/"})

    assert client.get("/").status_code == 200


def test_a_social_worker_signing_in_lands_on_their_own_record(client: Client) -> None:
    own = Worker.objects.create(worker_id="W7", display_name="Sam Okafor")
    user = User.objects.create_user(
        username="sam", password=PASSWORD, role=Role.SOCIAL_WORKER, worker=own
    )
    device = authenticator(user)

    client.post("/sign-in/", {"username": "sam", "password": PASSWORD})
    client.post("/two-factor/", {"code": totp_code(device), "next": "/"})
    landing = client.get("/")

    assert landing.status_code == 302 and landing["Location"] == "/workers/W7/"
    page = client.get(landing["Location"])
    assert page.status_code == 200 and "Sam Okafor" in page.content.decode()


def test_someone_whose_role_opens_no_page_of_their_own_is_still_refused_the_dashboard(
    client: Client,
) -> None:
    user = User.objects.create_user(username="ad", password=PASSWORD, role=Role.ADMINISTRATOR)
    client.force_login(user)

    assert client.get("/").status_code == 403


# --- the demo bypass --------------------------------------------------------------------------


def demo_user(client: Client) -> User:
    user = User.objects.create_user(
        username="demo-lead", password=PASSWORD, role=Role.WORKFORCE_LEAD, is_demo=True
    )
    force_login_password_only(client, user)
    return user


def test_in_demo_mode_a_demo_account_skips_two_factor(client: Client, settings) -> None:
    settings.DEMO_MODE, settings.DEBUG = True, True
    demo_user(client)

    assert client.get("/teams/").status_code == 200


def test_demo_mode_is_ignored_when_debug_is_off(client: Client, settings) -> None:
    settings.DEMO_MODE, settings.DEBUG = True, False
    demo_user(client)

    assert client.get("/teams/")["Location"].startswith("/two-factor/")


def test_demo_mode_lets_no_other_account_skip_two_factor(settings) -> None:
    settings.DEMO_MODE, settings.DEBUG = True, True
    client, _ = password_only(Role.WORKFORCE_LEAD)

    assert client.get("/teams/")["Location"].startswith("/two-factor/")


def test_a_system_check_refuses_demo_mode_in_production(settings) -> None:
    settings.DEMO_MODE, settings.DEBUG = True, False
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    (error,) = demo_mode_is_local_only()
    assert isinstance(error, Error) and error.id == "stabilise.E001"
    assert "DEBUG is off" in error.msg

    settings.DEBUG, settings.ALLOWED_HOSTS = True, ["stabilise.council.example"]
    (error,) = demo_mode_is_local_only()
    assert "ALLOWED_HOSTS has stabilise.council.example" in error.msg

    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    assert demo_mode_is_local_only() == []


def test_the_server_refuses_to_start_with_demo_mode_and_production_settings(tmp_path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "STABILISE_DATA_DIR": str(tmp_path),
        "STABILISE_DEMO_MODE": "1",
        "DEBUG": "0",
    }
    result = subprocess.run(
        [sys.executable, "-m", "stabilise", "check"], env=env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "stabilise.E001" in result.stderr
