"""Lock-out, session expiry, security headers, CSRF, and production settings that pass
`check --deploy`."""

import base64
import hashlib
import os
import re
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from stabilise.accounts import sessions
from stabilise.accounts.models import AuditEvent, Role, User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Your account is locked for now"


def sign_in(client: Client, password: str, address: str = "192.0.2.1"):
    return client.post("/sign-in/", {"username": "lead", "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_out_with_a_gov_uk_page(
    client: Client, user: User
) -> None:
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    fifth = sign_in(client, "wrong")
    sixth = sign_in(client, PASSWORD)

    for response in (fifth, sixth):
        assert response.status_code == 429
        page = response.content.decode()
        assert LOCKED in page and "govuk-heading-l" in page and "for 30 minutes" in page
    assert client.get("/")["Location"].startswith("/sign-in/")
    # The sixth, refused while locked even with the right password, is a failure too.
    assert AuditEvent.objects.filter(action="sign_in_failed", username="lead").count() == 6
    assert AuditEvent.objects.filter(action="locked_out", username="lead").exists()


def test_the_lock_out_is_of_that_username_from_that_address_only(
    client: Client, user: User
) -> None:
    for _ in range(5):
        sign_in(client, "wrong")

    elsewhere = sign_in(Client(), PASSWORD, address="198.51.100.7")

    assert elsewhere.status_code == 302


def test_signing_in_resets_the_count_of_failures(client: Client, user: User) -> None:
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.post("/sign-out/")

    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200


def test_sign_in_and_out_are_audited(client: Client, user: User) -> None:
    sign_in(client, PASSWORD)
    client.post("/sign-out/")

    actions = list(AuditEvent.objects.order_by("at", "id").values_list("action", "username"))
    assert actions == [("signed_in", "lead"), ("signed_out", "lead")]


# --- sessions -----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(sessions, "now", clock)
    return clock


def test_thirty_minutes_without_a_page_signs_out(signed_in_client: Client, clock: Clock) -> None:
    assert signed_in_client.get("/teams/").status_code == 200
    clock.now += 29 * 60
    assert signed_in_client.get("/teams/").status_code == 200

    clock.now += 31 * 60
    response = signed_in_client.get("/teams/")

    assert response.status_code == 302 and response["Location"] == "/sign-in/?next=/teams/"
    page = signed_in_client.get(response["Location"]).content.decode()
    assert "You were signed out because you had not used Stabilise for 30 minutes." in page


def test_eight_hours_after_signing_in_signs_out_however_busy(
    signed_in_client: Client, clock: Clock
) -> None:
    for _ in range(8 * 3):  # a page every 20 minutes for eight hours
        assert signed_in_client.get("/teams/").status_code == 200
        clock.now += 20 * 60
    clock.now += 60  # eight hours and a minute after the first page

    response = signed_in_client.get("/teams/")

    assert response["Location"] == "/sign-in/?next=/teams/"


def test_the_session_cookie_ends_with_the_browser_and_is_http_only(settings) -> None:
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_IDLE_SECONDS == 30 * 60


# --- headers ------------------------------------------------------------------------------


def csp(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


@pytest.mark.parametrize("url", ["/sign-in/", "/", "/teams/", "/audit/"])
def test_every_page_has_the_security_headers(signed_in_client: Client, url: str) -> None:
    response = (Client() if url == "/sign-in/" else signed_in_client).get(url)

    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("url", ["/sign-in/", "/", "/teams/", "/audit/", "/two-factor/set-up/"])
def test_no_page_has_inline_script_or_style_but_the_hashed_gov_uk_line(
    client: Client, user: User, url: str
) -> None:
    from tests.conftest import force_login_password_only

    if url == "/two-factor/set-up/":
        force_login_password_only(client, user)
    elif url != "/sign-in/":
        client.force_login(user)
    response = client.get(url)
    page = response.content.decode()

    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, re.S)
    allowed = csp(response)["script-src"]
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in allowed
    assert 'src="/static/ui/init.js"' in page
    assert " style=" not in page and " onclick=" not in page and " onload=" not in page


def test_hsts_is_sent_on_https(client: Client) -> None:
    response = client.get("/sign-in/", secure=True)

    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


# --- CSRF ---------------------------------------------------------------------------------


def test_signing_in_without_the_csrf_token_is_refused(user: User) -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post("/sign-in/", {"username": "lead", "password": PASSWORD})

    assert response.status_code == 403
    assert client.get("/")["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("url", ["/sign-out/", "/two-factor/", "/two-factor/set-up/", "/import/"])
def test_every_form_refuses_a_post_without_the_csrf_token(user: User, url: str) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert client.post(url, {"code": "123456"}).status_code == 403


def _views(patterns=None):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry


def test_no_page_is_exempt_from_csrf_checks_but_the_import_which_checks_itself() -> None:
    exempt = [p.name for p in _views() if getattr(p.callback, "csrf_exempt", False)]

    # The import page sets its upload limit first, then applies csrf_protect itself; a POST
    # to it without the token is refused (above).
    assert exempt == ["import"]


@pytest.mark.parametrize("role", [Role.WORKFORCE_LEAD, Role.SOCIAL_WORKER])
def test_every_post_form_on_a_page_carries_the_csrf_token(role: Role) -> None:
    client = Client()
    client.force_login(User.objects.create_user(username="x", role=role))
    for url in ("/", "/teams/", "/audit/", "/import/", "/sign-in/"):
        page = client.get(url).content.decode()
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S | re.I):
            assert 'name="csrfmiddlewaretoken"' in form, (url, form[:80])


# --- production settings ------------------------------------------------------------------

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7!Lq2@vN9#pR4$tW8%yZ1^bC5&dF3*gH6(jK0)mP-sV_wX+zA=eI{oU}",
    "ALLOWED_HOSTS": "stabilise.council.example",
    "SECURE_COOKIES": "1",
    "SECURE_SSL_REDIRECT": "1",
}


def test_check_deploy_with_production_settings_reports_no_warnings(tmp_path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "STABILISE_DATA_DIR": str(tmp_path),
        **PRODUCTION,
    }
    result = subprocess.run(
        [sys.executable, "-m", "stabilise", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
