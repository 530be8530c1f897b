"""The worker page and the team page's caseload distribution, on the hand-built register of
tests/ui/register.py (today 15 June 2025; the last Friday 13 June 2025).

Alice's caseload history (a Friday's caseload is her latest snapshot in the week to it):
    13 Jun 2025   18 (13 Jun); T1's case holders that day: Alice only (Bob's 14 June and
                  Carol's 15 June snapshots are later) → team average 18.0
     6 Jun 2025   30 (1 Jun) → 30.0
    27 Sep 2024   none in [21, 27 Sep] (her 30 Sep snapshot is later); Dan, still in T1,
                  22 on 27 Sep → team average 22.0
"""

import re

import pytest
from django.test import Client
from freezegun import freeze_time

from stabilise.accounts.models import AuditEvent, Role, User
from stabilise.workforce.models import Team, Worker
from tests.ui.html import table, text
from tests.ui.register import TODAY, build_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def register() -> None:
    build_register()


def client_as(role: Role, *, teams: tuple[str, ...] = (), worker: str | None = None) -> Client:
    user = User.objects.create_user(username=f"user-{role}", password="x", role=role)
    user.teams.set(Team.objects.filter(team_id__in=teams))
    if worker:
        user.worker = Worker.objects.get(worker_id=worker)
        user.save()
    client = Client()
    client.force_login(user)
    return client


@freeze_time(TODAY)
def test_the_workforce_lead_sees_the_whole_record(signed_in_client: Client, register: None) -> None:
    Worker.objects.filter(worker_id="W1").update(ethnicity="WBRI", swe_number="SW123456")
    page = signed_in_client.get("/workers/W1/").content.decode()
    words = text(page)

    assert "Alice Able" in words and "SW123456" in words
    assert "Ethnicity White British" in words
    absences = table(page, "Absences, newest first")
    assert absences.rows == [
        ["From", "To", "Reason", "Working days lost"],
        ["7 Apr 2025", "13 Apr 2025", "Training", "2.0"],
        ["3 Mar 2025", "9 Mar 2025", "Sickness", "5.0"],
    ]


@freeze_time(TODAY)
def test_the_caseload_history_has_a_chart_and_a_year_of_weeks_in_its_table(
    signed_in_client: Client, register: None
) -> None:
    page = signed_in_client.get("/workers/W1/").content.decode()
    history = table(page, "Caseload and team average, newest week first")

    assert 'id="caseload-history-chart"' in page and 'role="img"' in page
    assert history.rows[0] == ["Week ending", "Team", "Caseload", "Team average"]
    assert len(history.rows) == 1 + 52
    assert history.rows[1][0] == "13 Jun 2025" and history.rows[-1][0] == "21 Jun 2024"
    assert history.row("13 Jun 2025") == ["13 Jun 2025", "Assessment North", "18", "18.0"]
    assert history.row("6 Jun 2025") == ["6 Jun 2025", "Assessment North", "30", "30.0"]
    assert history.row("27 Sep 2024") == [
        "27 Sep 2024",
        "Assessment North",
        "Not available",
        "22.0",
    ]
    # Two lines: the worker's solid, the team's dashed.
    assert "stabilise-chart__line--comparison" in page


@freeze_time(TODAY)
def test_the_assignments_are_a_timeline_newest_first(
    signed_in_client: Client, register: None
) -> None:
    page = signed_in_client.get("/workers/W4/").content.decode()
    timeline = re.search(r'<ol class="stabilise-timeline".*?</ol>', page, re.S)

    assert timeline is not None
    words = text(timeline.group(0))
    assert "1 January 2018 to 15 October 2024" in words
    assert "Team Assessment North" in words and "Contract Permanent" in words
    assert "Why it ended Resignation" in words
    assert 'href="/teams/T1/"' in timeline.group(0)


@freeze_time(TODAY)
def test_a_service_manager_sees_no_special_category_data(register: None) -> None:
    Worker.objects.filter(worker_id="W1").update(ethnicity="WBRI")
    page = client_as(Role.SERVICE_MANAGER).get("/workers/W1/").content.decode()
    words = text(page)

    assert "Alice Able" in words
    assert "Ethnicity" not in words and "White British" not in words
    assert "Sickness" not in words and "Training" not in words
    absences = table(page, "Absences, newest first")
    assert absences.rows[0] == ["From", "To", "Working days lost"]
    assert absences.row("3 Mar 2025") == ["3 Mar 2025", "9 Mar 2025", "5.0"]


@freeze_time(TODAY)
def test_a_team_manager_sees_their_own_team_only(register: None) -> None:
    client = client_as(Role.TEAM_MANAGER, teams=("T2",))

    assert client.get("/workers/W5/").status_code == 200
    assert client.get("/workers/W1/").status_code == 404


@freeze_time(TODAY)
def test_a_social_worker_sees_their_own_record_from_the_navigation(register: None) -> None:
    client = client_as(Role.SOCIAL_WORKER, worker="W2")
    page = client.get("/workers/W2/").content.decode()

    assert "Bob Baker" in text(page)
    assert re.search(r'href="/workers/W2/"[^>]*>\s*(<strong[^>]*>)?\s*My record', page)
    # Their own team's page is not theirs to open, so the team is not a link.
    assert 'href="/teams/T1/"' not in page
    assert client.get("/workers/W1/").status_code == 404


def test_the_navigation_offers_only_what_a_role_may_open(signed_in_client: Client) -> None:
    lead = text(signed_in_client.get("/").content.decode())
    councillor = text(client_as(Role.COUNCILLOR).get("/").content.decode())

    assert "Import" in lead and "My record" not in lead
    assert "Teams" in councillor and "Import" not in councillor


@freeze_time(TODAY)
def test_the_team_page_links_each_person_to_their_record(
    signed_in_client: Client, register: None
) -> None:
    page = signed_in_client.get("/teams/T1/").content.decode()

    for worker_id in ("W1", "W2", "W3"):
        assert f'href="/workers/{worker_id}/"' in page


@freeze_time(TODAY)
def test_the_team_page_shows_its_caseload_distribution(
    signed_in_client: Client, register: None
) -> None:
    # Today: Alice 18 (13 June), Bob 12 (14 June), Carol 20 (15 June).
    page = signed_in_client.get("/teams/T1/").content.decode()
    figures = table(page, "Case holders by caseload: figures")

    assert figures.rows == [
        ["Cases held", "Case holders"],
        ["1 to 5", "0"],
        ["6 to 10", "0"],
        ["11 to 15", "1"],
        ["16 to 20", "2"],
        ["21 to 25", "0"],
        ["26 or more", "0"],
        ["All case holders", "3"],
    ]
    assert page.count('class="stabilise-chart__bar"') == 6
    # Eve, in T2, has no caseload recorded.
    t2 = text(signed_in_client.get("/teams/T2/").content.decode())
    assert "1 other person in the team has no cases or no caseload recorded" in t2


@freeze_time(TODAY)
def test_opening_a_record_is_audited_with_its_special_category_flag(
    signed_in_client: Client, register: None
) -> None:
    signed_in_client.get("/workers/W1/")
    client_as(Role.SERVICE_MANAGER).get("/workers/W2/")

    events = {
        (e.username, e.worker.worker_id, e.special_category)
        for e in AuditEvent.objects.filter(action="viewed").select_related("worker")
    }
    assert events == {("lead", "W1", True), ("user-service_manager", "W2", False)}
