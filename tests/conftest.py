"""Fixtures shared by every test package. Keep it small: a package's own go in its conftest.

Every role signs in with two-factor (accounts/access.py). So that tests of pages need not enter a
code, `Client.force_login` here also completes two-factor with a confirmed authenticator;
tests of two-factor itself sign in with `force_login_password_only`, or through the sign-in
form, and compute real codes with `totp_code`.
"""

import importlib
import pkgutil
from datetime import date

import polars as pl
import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from stabilise.accounts.models import Role, User
from stabilise.figures.cache import forget_in_this_process

PASSWORD = "correct horse battery staple"


def _import_everything_before_any_clock_is_frozen() -> None:
    """A module first imported inside freeze_time binds freezegun's FakeDate as `date` and
    makes its date constants FakeDates; Polars then refuses them in later tests, so which
    tests fail would depend on the order they ran in. Every module of ours, and the parts of
    Polars that turn dates into literals, are imported here, once, with the real clock."""
    import stabilise

    for module in pkgutil.walk_packages(stabilise.__path__, "stabilise."):
        if ".migrations." not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    pl.DataFrame({"day": [date(2000, 1, 1)]}).with_columns(pl.lit(date(2000, 1, 2)))


_import_everything_before_any_clock_is_frozen()


_force_login = Client.force_login


def force_login_password_only(client: Client, user: User) -> None:
    """Signed in with a password but no security code yet, as after the sign-in form."""
    _force_login(client, user)


def authenticator(user: User) -> TOTPDevice:
    """The user's confirmed authenticator, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def totp_code(device: TOTPDevice) -> str:
    """The code the person's phone shows now: computed from the device's key, as the app does."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _force_login_with_two_factor(self: Client, user: User, backend: str | None = None) -> None:
    _force_login(self, user, backend)
    session = self.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _signed_in_clients_have_passed_two_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Client, "force_login", _force_login_with_two_factor)


@pytest.fixture(autouse=True)
def _figures_computed_afresh_in_each_test() -> None:
    """Figures are kept in this process's memory under the data's version (figures/cache.py);
    each test's database starts from the same version, so forget what another test computed.
    The database's cache table is emptied by each test's rollback."""
    forget_in_this_process()


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
