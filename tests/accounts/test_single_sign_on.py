"""Single sign-on (OpenID Connect, e.g. Microsoft Entra ID): off by default; when configured,
its addresses and backend exist, and it signs in only existing users, matched by email, with
the role Stabilise gave them. (The provider itself cannot run here.)"""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse

from stabilise.accounts.access import IDP_MFA_SESSION_KEY
from stabilise.accounts.models import Role, User
from stabilise.accounts.oidc import CouncilOIDCBackend

pytestmark = pytest.mark.django_db

TENANT = "11111111-2222-3333-4444-555555555555"


def test_single_sign_on_is_off_by_default(client: Client, settings) -> None:
    assert not settings.OIDC_ENABLED
    assert "stabilise.accounts.oidc.CouncilOIDCBackend" not in settings.AUTHENTICATION_BACKENDS
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    assert "Sign in with your council account" not in client.get("/sign-in/").content.decode()


SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
call_command("check")
print(json.dumps({
    "init": reverse("oidc_authentication_init"),
    "callback": reverse("oidc_authentication_callback"),
    "backends": settings.AUTHENTICATION_BACKENDS,
    "authorize": settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
    "jwks": settings.OIDC_OP_JWKS_ENDPOINT,
    "create": settings.OIDC_CREATE_USER,
    "button": "Sign in with your council account"
    in Client().get("/sign-in/", HTTP_HOST="localhost").content.decode(),
}))
"""


def test_with_the_oidc_variables_set_its_addresses_and_backend_exist(tmp_path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "STABILISE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "stabilise.settings",
        "OIDC_RP_CLIENT_ID": "stabilise-app",
        "OIDC_RP_CLIENT_SECRET": "secret",
        "OIDC_ENTRA_TENANT_ID": TENANT,
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])

    assert found["init"] == "/oidc/authenticate/" and found["callback"] == "/oidc/callback/"
    assert found["backends"][-1] == "stabilise.accounts.oidc.CouncilOIDCBackend"
    assert found["authorize"] == f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/authorize"
    assert found["jwks"] == f"https://login.microsoftonline.com/{TENANT}/discovery/v2.0/keys"
    assert found["create"] is False and found["button"] is True


def test_half_configured_single_sign_on_stops_the_server(tmp_path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "STABILISE_DATA_DIR": str(tmp_path),
        "OIDC_RP_CLIENT_ID": "stabilise-app",
    }
    result = subprocess.run(
        [sys.executable, "-m", "stabilise", "check"], env=env, capture_output=True, text=True
    )

    assert result.returncode != 0 and "stabilise.E002" in result.stderr


@pytest.fixture
def backend(settings, monkeypatch: pytest.MonkeyPatch):
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "app", "secret"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/keys"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.example/authorize"
    backend = CouncilOIDCBackend()
    request = RequestFactory().get("/oidc/callback/")
    request.session = SessionStore()
    backend.request = request
    claims: dict = {}
    monkeypatch.setattr(backend, "get_userinfo", lambda *args: claims)
    return backend, claims


def test_the_providers_user_is_the_stabilise_user_with_that_email(backend) -> None:
    backend, claims = backend
    jo = User.objects.create_user(
        username="jo", email="Jo.Bloggs@council.example", role="team_manager"
    )
    claims.update({"email": "jo.bloggs@COUNCIL.example", "roles": ["workforce_lead"]})

    user = backend.get_or_create_user("access", "id", {})

    assert user == jo
    jo.refresh_from_db()
    assert jo.role == Role.TEAM_MANAGER, "no role is ever taken from the provider"


def test_someone_without_a_stabilise_account_is_not_signed_in_or_created(backend) -> None:
    backend, claims = backend
    claims.update({"email": "stranger@council.example", "name": "A Stranger"})

    assert backend.get_or_create_user("access", "id", {}) is None
    assert not User.objects.exists()


def test_entras_sign_in_name_is_used_when_there_is_no_email_claim(backend) -> None:
    backend, claims = backend
    jo = User.objects.create_user(username="jo", email="jo@council.example")
    claims.update({"preferred_username": "jo@council.example"})

    assert backend.get_or_create_user("access", "id", {}) == jo


def test_the_providers_multi_factor_counts_as_this_sessions_two_factor(backend) -> None:
    backend, claims = backend
    User.objects.create_user(username="jo", email="jo@council.example")
    claims.update({"email": "jo@council.example", "amr": ["pwd", "mfa"]})

    backend.get_or_create_user("access", "id", {})

    assert backend.request.session[IDP_MFA_SESSION_KEY] is True


def test_without_the_providers_multi_factor_stabilise_asks_for_its_own(backend) -> None:
    backend, claims = backend
    User.objects.create_user(username="jo", email="jo@council.example")
    claims.update({"email": "jo@council.example", "amr": ["pwd"]})

    backend.get_or_create_user("access", "id", {})

    assert IDP_MFA_SESSION_KEY not in backend.request.session
