"""Pages read their figures from the cache (figures/cache.py), so every way the data changes
must show on them at once: an import from the command line (which computes today's figures
straight after), an import from the web page, and a record made in a form."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stabilise.accounts.models import Role, User
from stabilise.figures.models import CachedFigures
from stabilise.workforce.importing import import_council
from tests.academy.durham import durham_files
from tests.academy.test_pages import post, signed_in
from tests.ui.html import table
from tests.workforce.council_files import small_council, write_folder

pytestmark = pytest.mark.django_db

IN_POST = "Social workers in post (FTE)"


def lead() -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username="hr", role=Role.WORKFORCE_LEAD))
    return client


def in_post(client: Client) -> tuple[str, str]:
    """Today's FTE in post on the dashboard, and team CP1's headcount on the teams page."""
    dashboard = table(client.get("/").content.decode(), "Headline measures")
    teams = table(client.get(reverse("teams")).content.decode(), "Teams on")
    return dashboard.row(IN_POST)[1], teams.row("Child Protection 1")[2]


def test_each_import_shows_on_the_dashboard_and_teams_page_at_once(tmp_path: Path) -> None:
    council = small_council()
    call_command("import_council", str(write_folder(tmp_path / "first", council)))
    assert CachedFigures.objects.exists(), "the command computed today's figures"
    client = lead()
    # Ann left in 2021 and Bob is agency staff: nobody is in post today.
    assert in_post(client) == ("0.0", "0")

    # Ann comes back, permanent and full time, through the command line.
    council["assignments"].append(
        {
            "assignment_id": "A3",
            "worker_id": "W1",
            "team_id": "CP1",
            "post_id": "P1",
            "org_role": "5",
            "contract": "permanent",
            "fte": "1",
            "start_date": "2022-01-01",
        }
    )
    call_command("import_council", str(write_folder(tmp_path / "second", council)))
    assert in_post(client) == ("1.0", "1")

    # Bob joins permanently at half time, through the web page's import (no figures computed
    # after it: the next page computes them).
    council["assignments"].append(
        {
            "assignment_id": "A4",
            "worker_id": "W2",
            "team_id": "CP1",
            "post_id": "P2",
            "org_role": "5",
            "contract": "permanent",
            "fte": "0.5",
            "start_date": "2023-01-01",
        }
    )
    assert import_council(write_folder(tmp_path / "third", council), imported_by="hr").ok
    assert in_post(client) == ("1.5", "2")


def test_a_panel_pass_recorded_in_its_form_shows_on_the_cohort_table_at_once(
    tmp_path: Path,
) -> None:
    assert import_council(write_folder(tmp_path / "d", durham_files()), imported_by="t").ok
    client = signed_in(Role.ACADEMY_LEAD)
    as_at = reverse("academy") + "?as_at=2019-10-31"

    def completed_in_cohort_4() -> str:
        cohorts = table(client.get(as_at).content.decode(), "Each cohort as at")
        headings = cohorts.rows[0]
        return cohorts.row("4")[headings.index("Completed the ASYE")]

    before = completed_in_cohort_4()
    url = reverse("academy_panel", args=["4", "C4-02"])
    post(client, url, {"panel_date": "2019-10-17", "recommendation": "pass", "decision": "pass"})

    assert int(completed_in_cohort_4()) == int(before) + 1
