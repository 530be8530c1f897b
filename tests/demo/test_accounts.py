"""The demo accounts: one per role, team managers with a team each, the social worker with a
record, all marked as demo accounts (the only ones demo mode lets skip two-factor)."""

import pytest

from stabilise.accounts.models import Role, User
from stabilise.demo.accounts import DEMO_PASSWORD, create_demo_accounts
from tests.ui.register import TODAY, build_register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)


def test_there_is_a_demo_account_for_every_role_with_the_demo_password() -> None:
    build_register()

    printed = dict(create_demo_accounts())

    users = {u.username: u for u in User.objects.all()}
    assert set(printed) == set(users)
    assert {u.role for u in users.values()} == set(Role)
    assert all(u.is_demo and u.check_password(DEMO_PASSWORD) for u in users.values())


def test_the_team_managers_manage_two_different_demo_teams() -> None:
    build_register()

    printed = dict(create_demo_accounts())

    a, b = (User.objects.get(username=name) for name in ("team-a", "team-b"))
    assert [t.team_id for t in a.teams.all()] == ["T1"]
    assert [t.team_id for t in b.teams.all()] == ["T2"]
    assert printed["team-a"] == "Team manager: Assessment North only"


def test_the_demo_social_worker_is_linked_to_their_own_record() -> None:
    build_register()

    printed = dict(create_demo_accounts())

    worker = User.objects.get(username="worker").worker
    assert worker is not None and worker.worker_id == "W1"
    assert printed["worker"] == "Social worker: their own record only (Alice Able)"


def test_running_it_again_resets_the_accounts_without_duplicates() -> None:
    build_register()
    create_demo_accounts()
    User.objects.filter(username="lead").update(role=Role.COUNCILLOR)

    create_demo_accounts()

    assert User.objects.count() == len(Role) + 1
    assert User.objects.get(username="lead").role == Role.WORKFORCE_LEAD
