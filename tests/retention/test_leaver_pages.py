"""The leavers list, a leaver's page and `stabilise leavers list`, over tests/ui/register.py:
Dan Dale (W4) left on 15 October 2024 after joining on 1 January 2018 (resignation, no
destination recorded); nobody else has left."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from stabilise.accounts.models import AuditEvent
from stabilise.workforce.models import Worker
from tests.ui.register import build_register


@pytest.fixture
def register(db: None) -> None:
    build_register()


def test_the_leavers_list_names_each_leaver_with_counts(signed_in_client: Client, register):
    response = signed_in_client.get("/retention/leavers/?from=2024-01-01&to=2024-12-31")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dan Dale" in page and "Alice Able" not in page
    assert "Resignation" in page and "5 to 10 years" in page
    assert AuditEvent.objects.filter(worker__worker_id="W4", action="viewed").exists()


def test_a_period_without_leavers_says_so(signed_in_client: Client, register):
    page = signed_in_client.get("/retention/leavers/?from=2025-01-01&to=2025-03-31")
    assert "No leavers in this period" in page.content.decode()


@pytest.mark.parametrize("query", ["from=tuesday", "from=2025-02-01&to=2025-01-01"])
def test_a_period_that_is_not_one_is_explained(signed_in_client: Client, register, query):
    response = signed_in_client.get(f"/retention/leavers/?{query}")
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_a_leaver_page_shows_what_is_known_about_their_leaving(signed_in_client, register):
    page = signed_in_client.get("/retention/leavers/W4/").content.decode()
    assert "Left on 15 October 2024" in page
    assert "Resignation" in page
    assert "6 years 289 days" in page  # 2,480 days: 1 Jan 2018 to 15 Oct 2024 inclusive


def test_someone_who_has_not_left_has_a_page_saying_so(signed_in_client, register):
    page = signed_in_client.get("/retention/leavers/W1/").content.decode()
    assert "has not left" in page
    assert signed_in_client.get("/retention/leavers/NOBODY/").status_code == 404


def test_the_command_lists_leavers_as_json(register, capsys):
    call_command(
        "leavers", "list", "--from", "2024-10-15", "--to", "2024-10-15", "--format", "json"
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(r["worker_id"], r["left_on"], r["reason"]) for r in rows] == [
        ("W4", "2024-10-15", "Resignation")
    ]


def test_the_command_lists_leavers_as_a_table_and_csv(register, capsys):
    call_command("leavers", "list", "--from", "2024-01-01", "--to", "2024-12-31")
    table = capsys.readouterr().out
    assert table.startswith("1 leavers from 2024-01-01 to 2024-12-31") and "Dan Dale" in table
    call_command("leavers", "list", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("worker_id,display_name") and lines[1].startswith("W4,Dan Dale")


def test_the_command_refuses_a_period_that_ends_before_it_starts(register):
    with pytest.raises(CommandError, match="on or before"):
        call_command("leavers", "list", "--from", "2025-01-01", "--to", "2024-01-01")


def test_a_leavers_name_that_looks_like_a_formula_is_quoted_in_the_csv(register, capsys):
    Worker.objects.filter(worker_id="W4").update(display_name="=HYPERLINK(1)")
    call_command("leavers", "list", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv")
    assert capsys.readouterr().out.splitlines()[1].startswith("W4,'=HYPERLINK(1),")
