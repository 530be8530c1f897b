"""The who-may-be-next page: reasons in words, sickness named to the workforce lead only, a
team manager's own teams only, sorting, and every opening audited.

Today is Friday 13 June 2025. Assessment North (T1): Ann, 25 working days' sickness from
6 January, and 18 cases every Friday against Cat's 10 (average 14, Ann 28.6 % above); Cat
nothing. Children in Care (T2): Aaron, a 30-day sickness spell (12 days lost).

Last year Dan left T1 on Monday 31 March 2025, after 21 days' sickness from 6 January; his notice
day, 4 weeks before, is 3 March. On the six Fridays 24 January to 28 February he held 20 cases
against Cat's 10 (average 15, 33 % above); then he handed them over, 8 on each Friday of March
(average 9). So on his notice day he had a long sickness absence and a high caseload: 1 of 1
leaver each. Judged on his last day (no notice period) the Fridays 21 February to 28 March hold
only 2 high weeks: 0 of 1.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from freezegun import freeze_time

from stabilise.accounts.models import AuditEvent, Role, User
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.retention.checks import notice_period_is_whole_weeks
from stabilise.settings import _env_whole_number
from stabilise.workforce.models import Absence, Assignment, Team, Worker

TODAY = dt.date(2025, 6, 13)
URL = "/retention/who-may-be-next/"


@pytest.fixture
def council(db: None) -> None:
    north = Team.objects.create(team_id="T1", name="Assessment North")
    care = Team.objects.create(team_id="T2", name="Children in Care")
    people = [("W1", "Ann Able", north, None), ("W2", "Aaron Ash", care, None),
              ("W3", "Cat Cole", north, None), ("W4", "Dan Dale", north, dt.date(2025, 3, 31))]  # fmt: skip
    for worker_id, name, team, left in people:
        worker = Worker.objects.create(worker_id=worker_id, display_name=name)
        Assignment.objects.create(
            assignment_id=f"A-{worker_id}",
            worker=worker,
            team=team,
            org_role=6,
            contract="permanent",
            fte=Decimal("1"),
            start_date=dt.date(2020, 1, 1),
            end_date=left,
        )
    for weeks in range(6):
        friday = TODAY - dt.timedelta(weeks=weeks)
        CaseloadSnapshot.objects.create(
            worker_id=Worker.objects.get(worker_id="W1").pk, date=friday, cases=18
        )
        CaseloadSnapshot.objects.create(
            worker_id=Worker.objects.get(worker_id="W3").pk, date=friday, cases=10
        )
    dan, cat = (Worker.objects.get(worker_id=w).pk for w in ("W4", "W3"))
    for weeks in range(10):
        friday = dt.date(2025, 3, 28) - dt.timedelta(weeks=weeks)  # 24 January to 28 March
        CaseloadSnapshot.objects.create(worker_id=dan, date=friday, cases=8 if weeks < 4 else 20)
        CaseloadSnapshot.objects.create(worker_id=cat, date=friday, cases=10)
    for worker_id, start, end, lost in [
        ("W1", "2025-01-06", "2025-02-07", "25"),
        ("W2", "2025-03-03", "2025-04-01", "12"),
        ("W4", "2025-01-06", "2025-02-03", "21"),
    ]:
        Absence.objects.create(
            worker=Worker.objects.get(worker_id=worker_id),
            start_date=dt.date.fromisoformat(start),
            end_date=dt.date.fromisoformat(end),
            reason="SIC",
            working_days_lost=Decimal(lost),
        )


def page_for(role: Role, query: str = "") -> tuple[str, User]:
    user = User.objects.create_user(username=f"u-{role}", role=role)
    if role == Role.TEAM_MANAGER:
        user.teams.add(Team.objects.get(team_id="T1"))
    client = Client()
    client.force_login(user)
    with freeze_time(TODAY):
        response = client.get(URL + query)
    assert response.status_code == 200
    return response.content.decode(), user


def test_the_workforce_lead_reads_each_reason_in_words_with_sickness_named(council):
    page, lead = page_for(Role.WORKFORCE_LEAD)
    assert "Caseload at least 20% above the team&#x27;s average in 6 of the last 6 weeks" in page
    assert "(18 cases in the latest week; the team&#x27;s average 14.0)" in page
    assert (
        "Long sickness absence: 25 working days in the last 12 months, "
        "the longest lasting 33 calendar days"
    ) in page
    assert "Long sickness absence: 12 working days" in page  # Aaron's 30-day spell
    assert "Cat Cole" not in page and "Dan Dale" not in page
    special = AuditEvent.objects.filter(user=lead, detail="who may be next", special_category=True)
    assert sorted(special.values_list("worker__worker_id", flat=True)) == ["W1", "W2"]


def test_the_leavers_of_the_last_year_ground_each_circumstance_as_at_their_notice(council):
    page, _ = page_for(Role.WORKFORCE_LEAD)
    assert "Leavers in the last 12 months who had it when they gave notice" in page
    assert "on their notice day, 4 weeks before their last day, when they decided to go" in page
    row = page[page.index(">Long sickness absence</th>") :]
    assert row.index("1 of 1 (100%)") < row.index("2 of 3 (67%)") < row.index("</tr>")
    caseload = page[page.index(">High caseload for weeks</th>") :]
    assert caseload.index("1 of 1 (100%)") < caseload.index("1 of 3 (33%)")


def test_with_no_notice_period_leavers_are_judged_on_their_last_day(council, settings):
    settings.NOTICE_WEEKS = 0
    page, _ = page_for(Role.WORKFORCE_LEAD)
    assert "Leavers in the last 12 months who had it on their last day" in page
    assert "gave notice" not in page and "notice day" not in page
    caseload = page[page.index(">High caseload for weeks</th>") :]
    assert caseload.index("0 of 1 (0%)") < caseload.index("1 of 3 (33%)")


def test_everyone_else_reads_a_neutral_long_absence(council):
    page, manager = page_for(Role.SERVICE_MANAGER)
    assert "Long absence: 25 working days in the last 12 months" in page
    assert "sickness" not in page.lower()
    events = AuditEvent.objects.filter(user=manager, detail="who may be next")
    assert events.count() == 2 and not events.filter(special_category=True).exists()


def test_a_team_manager_sees_only_their_own_teams_workers(council):
    page, manager = page_for(Role.TEAM_MANAGER)
    assert "Ann Able" in page and "Aaron Ash" not in page
    assert list(
        AuditEvent.objects.filter(user=manager).values_list("worker__worker_id", flat=True)
    ) == ["W1"]


def test_the_list_sorts_by_number_of_reasons_name_or_team(council):
    page, _ = page_for(Role.WORKFORCE_LEAD)
    assert page.index("Ann Able") < page.index("Aaron Ash")  # 2 reasons before 1
    page, _ = page_for(Role.SERVICE_MANAGER, "?sort=name")
    assert page.index("Aaron Ash") < page.index("Ann Able")
    page, _ = page_for(Role.TEAM_MANAGER, "?sort=nonsense")
    assert '<strong aria-current="true">Number of reasons</strong>' in page


def test_sorting_by_team_puts_assessment_north_first(council):
    page, _ = page_for(Role.WORKFORCE_LEAD, "?sort=team")
    assert page.index("Ann Able") < page.index("Aaron Ash")
    assert '<strong aria-current="true">Team</strong>' in page


@pytest.mark.parametrize(
    ("value", "weeks"),
    [(None, 4), ("", 4), ("8", 8), (" 6 ", 6), ("0", 0), ("four", None), ("-2", None),
     ("2.5", None), ("٣", None)],
)  # fmt: skip
def test_stabilise_notice_weeks_is_read_as_whole_weeks(monkeypatch, value, weeks):
    if value is None:
        monkeypatch.delenv("STABILISE_NOTICE_WEEKS", raising=False)
    else:
        monkeypatch.setenv("STABILISE_NOTICE_WEEKS", value)
    assert _env_whole_number("STABILISE_NOTICE_WEEKS", 4) == weeks


@pytest.mark.parametrize(("weeks", "refused"), [(4, False), (0, False), (26, False),
                                                (27, True), (None, True)])  # fmt: skip
def test_a_server_will_not_start_with_a_notice_period_it_cannot_use(settings, weeks, refused):
    settings.NOTICE_WEEKS = weeks
    errors = notice_period_is_whole_weeks()
    assert [e.id for e in errors] == (["stabilise.E101"] if refused else [])
    if refused:
        assert (
            "STABILISE_NOTICE_WEEKS must be a whole number of weeks from 0 to 26" in errors[0].msg
        )
