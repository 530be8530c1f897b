"""`stabilise import` computes today's figures once the import is in (figures/warming.py), so
the pages that open without a choice of date read the database for nothing but themselves."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stabilise.accounts.models import Role, User
from stabilise.figures import warming
from stabilise.workforce.models import Worker
from tests.workforce.council_files import small_council, write_folder

pytestmark = pytest.mark.django_db

PAGES = (
    "dashboard",
    "teams",
    "weekly_caseload",
    "benchmarks",
    "academy",
    "academy_reviews",
    "academy_mentors",
    "leavers",
    "exit_themes",
    "exit_interviews",
    "retention",
    "retention_curves",
    "who_may_be_next",
    "early_warnings",
)


def _register_read_on_a_page(*args: object, **kwargs: object) -> None:
    raise AssertionError("the page read the register's frames again")


@pytest.mark.parametrize("page", PAGES)
def test_after_an_import_the_pages_of_today_read_figures_computed_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    call_command("import_council", str(write_folder(tmp_path, small_council())), stdout=StringIO())
    # Every frame of the register is read through this one function.
    monkeypatch.setattr("stabilise.workforce.selectors._read", _register_read_on_a_page)
    client = Client()
    client.force_login(User.objects.create_user(username="hr", role=Role.WORKFORCE_LEAD))

    assert client.get(reverse(page)).status_code == 200


def test_so_do_every_team_page_and_the_year_of_caseloads_behind_each_worker_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_command("import_council", str(write_folder(tmp_path, small_council())), stdout=StringIO())
    # Every frame of the register is read through this one function.
    monkeypatch.setattr("stabilise.workforce.selectors._read", _register_read_on_a_page)
    client = Client()
    client.force_login(User.objects.create_user(username="hr", role=Role.WORKFORCE_LEAD))

    assert client.get(reverse("team", args=["CP1"])).status_code == 200
    assert client.get(reverse("team", args=["CS"])).status_code == 200
    assert client.get(reverse("worker", args=["W2"])).status_code == 200


def test_the_command_says_how_long_todays_figures_took(tmp_path: Path) -> None:
    out = StringIO()
    call_command("import_council", str(write_folder(tmp_path, small_council())), stdout=out)

    assert "Computed today's figures for the pages in" in out.getvalue()


def test_an_import_is_not_failed_by_figures_that_cannot_be_computed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> float:
        raise RuntimeError("out of memory")

    monkeypatch.setattr(warming, "warm_figures", broken)
    out = StringIO()

    call_command("import_council", str(write_folder(tmp_path, small_council())), stdout=out)

    assert Worker.objects.count() == 2
    assert "each page computes its own instead" in out.getvalue()
