"""Who leavers go to: the new employer an exit interview records (imported, typed by HR or given
by the leaver), shown with the leaving to the workforce lead and counted on the themes page.
Over tests/ui/register.py, where Dan Dale (W4) left on 15 October 2024."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from stabilise.retention.models import ExitInterview
from stabilise.retention.services import record_interview
from stabilise.workforce.importing.pipeline import import_council
from stabilise.workforce.models import Worker
from tests.ui.html import table
from tests.ui.register import build_register

DAN_LEFT = dt.date(2024, 10, 15)
THEMES = "/retention/themes/?from=2024-01-01&to=2024-12-31"


@pytest.fixture
def register(db: None) -> None:
    build_register()


def client_for(role: Role) -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username=f"u-{role}", role=role))
    return client


def test_the_import_stores_the_new_employer_once(register, tmp_path: Path):
    path = tmp_path / "exit_interviews.csv"
    path.write_text(
        "worker_id,left_on,status,themes,new_employer\n"
        "W4,2024-10-15,held,Pay:3,Northshire County Council\n"
    )
    assert not import_council(path, imported_by="test").problems
    interview = ExitInterview.objects.get()
    assert interview.new_employer == "Northshire County Council"
    history = interview.history.count()
    assert not import_council(path, imported_by="test").problems
    assert interview.history.count() == history


def test_hr_records_the_new_employer_and_the_leaver_page_shows_it_to_the_lead_only(
    signed_in_client: Client, register
):
    response = signed_in_client.post(
        "/retention/exit-interviews/W4/",
        {
            "action": "save",
            "left_on": DAN_LEFT.isoformat(),
            "status": "held",
            "new_employer": "Kingfisher Locums",
        },
    )
    assert response.status_code == 302
    assert ExitInterview.objects.get().new_employer == "Kingfisher Locums"
    form = signed_in_client.get(response["Location"]).content.decode()
    assert 'value="Kingfisher Locums"' in form
    lead = signed_in_client.get("/retention/leavers/W4/").content.decode()
    assert re.search(r"New employer</dt>\s*<dd[^>]*>Kingfisher Locums</dd>", lead)
    manager = client_for(Role.SERVICE_MANAGER).get("/retention/leavers/W4/").content.decode()
    assert "Dan Dale" in manager and "Kingfisher Locums" not in manager
    assert "New employer" not in manager


def test_a_leaving_without_an_interview_has_its_new_employer_not_known(
    signed_in_client: Client, register
):
    page = signed_in_client.get("/retention/leavers/W4/").content.decode()
    assert re.search(r"New employer</dt>\s*<dd[^>]*>Not known</dd>", page)


def test_the_leaver_names_their_new_employer_in_the_questionnaire(
    signed_in_client: Client, register
):
    made = signed_in_client.post(
        "/retention/exit-interviews/W4/", {"action": "link", "left_on": DAN_LEFT.isoformat()}
    ).content.decode()
    link = re.search(r"<code>https?://[^/]+(/retention/questionnaire/[^<]+)</code>", made)
    assert link is not None
    Client().post(link[1], {"new_employer": "Mid Wessex Council"})
    assert ExitInterview.objects.get().new_employer == "Mid Wessex Council"


def test_the_themes_page_counts_new_employers_with_small_numbers_as_c_for_others(register):
    record_interview(
        worker=Worker.objects.get(worker_id="W4"),
        left_on=DAN_LEFT,
        status="held",
        new_employer="Northshire County Council",
        themes={},
    )
    caption = "Which councils and agencies take our staff"
    lead = table(client_for(Role.WORKFORCE_LEAD).get(THEMES).content.decode(), caption)
    assert lead.rows[0] == ["New employer", "2024 Q4", "All"]
    assert lead.row("Northshire County Council") == ["Northshire County Council", "1", "1"]
    councillor = table(client_for(Role.COUNCILLOR).get(THEMES).content.decode(), caption)
    assert councillor.row("Northshire County Council") == ["Northshire County Council", "c", "c"]
