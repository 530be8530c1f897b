"""HR records an exit interview and makes a one-time questionnaire link; the leaver answers
through it without an account, once. Over tests/ui/register.py, where Dan Dale (W4) left on
15 October 2024."""

import re

import pytest
from django.test import Client

from stabilise.accounts.models import AuditEvent
from stabilise.retention.models import ExitInterview, Theme
from tests.ui.register import build_register

PAGE = "/retention/exit-interviews/W4/"


@pytest.fixture
def register(db: None) -> None:
    build_register()


def test_hr_records_an_exit_interview_with_weighted_themes(signed_in_client: Client, register):
    caseload, pay = Theme.objects.get(name="Caseload"), Theme.objects.get(name="Pay")
    response = signed_in_client.post(
        PAGE,
        {
            "action": "save",
            "left_on": "2024-10-15",
            "status": "held",
            "held_on": "2024-10-10",
            "held_by": "HR adviser and team manager",
            "regretted": "yes",
            "would_return": "no",
            "comments": "Neighbouring council paid more.",
            f"theme_{caseload.pk}": "3",
            f"theme_{pay.pk}": "1",
        },
    )
    assert response.status_code == 302
    interview = ExitInterview.objects.get(worker__worker_id="W4")
    assert (interview.status, interview.regretted, interview.would_return) == ("held", True, "no")
    assert {(c.theme.name, c.weight) for c in interview.cited.all()} == {
        ("Caseload", 3),
        ("Pay", 1),
    }
    page = signed_in_client.get(response["Location"]).content.decode()
    assert "Neighbouring council paid more." in page
    assert "Exit interview saved" in page  # the confirmation shows on the page saved
    assert AuditEvent.objects.filter(worker__worker_id="W4", special_category=True).exists()


def test_the_list_shows_each_leaver_and_whether_they_were_interviewed(signed_in_client, register):
    page = signed_in_client.get("/retention/exit-interviews/?from=2024-01-01").content.decode()
    assert "Dan Dale" in page and "Not started" in page


def test_a_questionnaire_link_works_once_without_signing_in(signed_in_client, register):
    made = signed_in_client.post(PAGE, {"action": "link", "left_on": "2024-10-15"})
    link = re.search(
        r"<code>https?://[^/]+(/retention/questionnaire/[^<]+)</code>", made.content.decode()
    )
    assert link is not None
    leaver = Client()
    assert "Why you left" in leaver.get(link[1]).content.decode()
    caseload = Theme.objects.get(name="Caseload")
    answered = leaver.post(link[1], {f"theme_{caseload.pk}": "3", "comments": "Too many cases"})
    assert "Thank you" in answered.content.decode()
    interview = ExitInterview.objects.get(worker__worker_id="W4")
    assert (interview.status, interview.source) == ("held", "questionnaire")
    again = leaver.get(link[1])
    assert again.status_code == 410 and "already been answered" in again.content.decode()


def test_someone_who_has_not_left_has_no_exit_interview_form(signed_in_client, register):
    page = signed_in_client.get("/retention/exit-interviews/W1/").content.decode()
    assert "has not left" in page and "Save exit interview" not in page
    assert (
        signed_in_client.get("/retention/exit-interviews/W4/?left_on=2020-01-01").status_code == 404
    )


def test_only_the_workforce_lead_is_offered_the_exit_interview_from_a_leaver_page(register):
    from stabilise.accounts.models import Role, User

    pages = {}
    for role in (Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER):
        client = Client()
        client.force_login(User.objects.create_user(username=f"u-{role}", role=role))
        pages[role] = client.get("/retention/leavers/W4/").content.decode()
    assert "Exit interview" in pages[Role.WORKFORCE_LEAD]
    assert "Exit interview" not in pages[Role.SERVICE_MANAGER]
