"""The academy's pages and forms: what an academy lead sees and records, and who sees whom."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from stabilise.academy.models import (
    AsyeRecord,
    Cohort,
    PanelDecision,
    ReflectiveSupervision,
    Review,
)
from stabilise.accounts.models import Role, User
from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Team
from tests.academy.durham import durham_files
from tests.workforce.council_files import write_folder

pytestmark = pytest.mark.django_db
AS_AT = "2019-10-07"


@pytest.fixture
def durham(tmp_path):
    assert import_council(write_folder(tmp_path / "d", durham_files()), imported_by="t").ok


def signed_in(role: Role, **extra) -> Client:
    user = User.objects.create_user(username=f"u-{role}", password="x", role=role, **extra)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.user = user  # type: ignore[attr-defined]
    return client


def post(client: Client, url: str, data: dict) -> object:
    page = client.get(url)
    token = (
        page.cookies["csrftoken"].value
        if "csrftoken" in page.cookies
        else client.cookies["csrftoken"].value
    )
    assert b"csrfmiddlewaretoken" in page.content
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def test_the_cohort_page_shows_both_retention_percentages_each_with_its_label(durham):
    page = signed_in(Role.ACADEMY_LEAD).get(reverse("academy") + f"?as_at={AS_AT}")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Retained of those who started (%)" in text
    assert "Retained of those who completed the ASYE (%)" in text
    assert "42.1%" in text and "61.5%" in text and "67.6%" in text
    assert "<svg" in text and "Retention by cohort: figures" in text  # the chart and its table


def test_the_cohort_table_downloads_as_a_workbook(durham):
    response = signed_in(Role.ACADEMY_LEAD).get(reverse("academy_cohorts_xlsx") + f"?as_at={AS_AT}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="asye-cohorts-2019-10-07.xlsx"'


def test_a_bad_date_is_a_400_with_a_message(durham):
    page = signed_in(Role.ACADEMY_LEAD).get(reverse("academy") + "?as_at=7/10/2019")
    assert page.status_code == 400 and "Enter the date as YYYY-MM-DD" in page.content.decode()


def test_the_reviews_page_lists_overdue_and_due_reviews(durham):
    page = signed_in(Role.ACADEMY_LEAD).get(reverse("academy_reviews") + "?as_at=2019-11-20")
    text = page.content.decode()
    assert "Overdue (" in text and "Due in the next four weeks (14)" in text
    assert "NQSW C5-01" in text


def test_the_mentors_page_warns_about_loads_and_shows_the_next_intake(durham):
    page = signed_in(Role.ACADEMY_LEAD).get(reverse("academy_mentors") + "?as_at=2019-11-20")
    text = page.content.decode()
    assert page.status_code == 200
    assert "more than 3 NQSWs" in text  # three mentors share cohorts 4 to 6
    assert "The next intake, on 1 March 2020" in text


def test_a_team_manager_sees_only_their_own_teams_nqsws(durham):
    client = signed_in(Role.TEAM_MANAGER)
    client.user.teams.add(Team.objects.get(team_id="FF"))  # type: ignore[attr-defined]
    text = client.get(reverse("academy_reviews") + "?as_at=2019-11-20").content.decode()
    assert "NQSW C5-01" not in text  # cohort 5 are in the academy team
    assert client.get(reverse("academy_nqsw", args=["5", "C5-01"])).status_code == 404
    assert client.get(reverse("academy_nqsw", args=["1", "C1-01"])).status_code == 200


def test_an_academy_lead_adds_a_cohort_and_an_nqsw_to_it(durham):
    client = signed_in(Role.ACADEMY_LEAD)
    response = post(
        client, reverse("academy_cohort_new"), {"label": "7", "planned_start": "2020-03-02"}
    )
    assert response.status_code == 302
    assert Cohort.objects.get(label="7").planned_start == dt.date(2020, 3, 2)
    response = post(
        client,
        reverse("academy_nqsw_add", args=["7"]),
        {
            "worker": "C6-01",
            "programme_start": "2020-03-02",
            "route": "apprenticeship",
            "practice_lead": "Shelley Gill",
            "mentor": "ESWP1",
        },
    )
    assert response.status_code == 302
    record = AsyeRecord.objects.get(cohort__label="7")
    assert (record.worker.worker_id, record.mentor.worker_id) == ("C6-01", "ESWP1")
    assert record.history.count() == 1


def test_a_cohort_label_must_be_new_and_errors_are_shown(durham):
    response = post(signed_in(Role.ACADEMY_LEAD), reverse("academy_cohort_new"), {"label": "2"})
    assert response.status_code == 400
    assert "There is already a cohort 2" in response.content.decode()


def test_recording_a_review_and_supervision(durham):
    client = signed_in(Role.ACADEMY_LEAD)
    post(
        client,
        reverse("academy_review", args=["5", "C5-01"]),
        {"month": "3", "held_on": "2019-12-02"},
    )
    assert Review.objects.get(record__worker__worker_id="C5-01").held_on == dt.date(2019, 12, 2)
    post(
        client,
        reverse("academy_supervision", args=["5", "C5-01"]),
        {"held_on": "2019-10-01", "supervisor": "Shelley Gill"},
    )
    assert ReflectiveSupervision.objects.get().supervisor == "Shelley Gill"


def test_a_panel_pass_records_the_outcome_and_the_completion_increment(durham, settings):
    settings.ASYE_INCREMENT_AMOUNT = "£1,250"
    client = signed_in(Role.ACADEMY_LEAD)
    url = reverse("academy_panel", args=["4", "C4-02"])
    post(client, url, {"panel_date": "2019-10-17", "recommendation": "pass"})
    record = AsyeRecord.objects.get(worker__worker_id="C4-02")
    assert record.outcome == "extended" and record.completed_on is None  # not decided yet
    post(client, url, {"panel_date": "2019-10-17", "recommendation": "pass", "decision": "pass"})
    record.refresh_from_db()
    assert (record.outcome, record.completed_on) == ("passed", dt.date(2019, 10, 17))
    assert (record.increment_from, str(record.increment_amount)) == (
        dt.date(2019, 10, 17),
        "1250.00",
    )
    assert PanelDecision.objects.get(record=record).decision == "pass"
    page = client.get(reverse("academy_nqsw", args=["4", "C4-02"])).content.decode()
    assert "Completion increment" in page and "1250.00" in page


def test_a_service_manager_reads_but_cannot_record(durham):
    client = signed_in(Role.SERVICE_MANAGER)
    assert client.get(reverse("academy_nqsw", args=["5", "C5-01"])).status_code == 200
    assert client.get(reverse("academy_review", args=["5", "C5-01"])).status_code == 403


def test_seeing_an_nqsw_and_recording_their_review_are_audited(durham):
    from stabilise.accounts.models import AuditEvent

    client = signed_in(Role.ACADEMY_LEAD)
    client.get(reverse("academy_nqsw", args=["5", "C5-01"]))
    post(
        client,
        reverse("academy_review", args=["5", "C5-01"]),
        {"month": "3", "held_on": "2019-12-02"},
    )
    events = AuditEvent.objects.filter(worker__worker_id="C5-01").order_by("at", "id")
    assert [(e.action, e.detail) for e in events][:2] == [
        ("viewed", "ASYE record, cohort 5"),
        ("changed", "ASYE review"),
    ]


def test_an_academy_lead_opens_the_records_of_asye_workers_and_mentors_only(durham):
    from stabilise.workforce.models import Worker

    Worker.objects.create(worker_id="X1", display_name="Not on the programme")
    client = signed_in(Role.ACADEMY_LEAD)
    assert client.get(reverse("worker", args=["C5-01"])).status_code == 200
    assert client.get(reverse("worker", args=["ESWP1"])).status_code == 200  # a mentor
    assert client.get(reverse("worker", args=["X1"])).status_code == 404
