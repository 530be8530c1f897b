"""The early-warnings page and the rules pages, over tests/retention/early_warning_register.py."""

from typing import Any

import pytest
from django.test import Client

from stabilise.accounts.models import AuditEvent, Role, User
from stabilise.retention.models import EarlyWarning, EarlyWarningRule, Theme
from stabilise.workforce.models import Team
from tests.retention.early_warning_register import build_leavers

PAGE = "/retention/early-warnings/?from=2024-12-01&to=2025-03-10"
RULES = "/retention/early-warnings/rules/"


@pytest.fixture
def council(db: None) -> None:
    build_leavers()


def client_for(role: Role, username: str = "") -> tuple[Client, User]:
    user = User.objects.create_user(
        username=username or f"u-{role}", role=role, first_name="Hana", last_name="Rees"
    )
    client = Client()
    client.force_login(user)
    return client, user


def page_for(role: Role) -> tuple[str, User]:
    client, user = client_for(role)
    response = client.get(PAGE)
    assert response.status_code == 200
    return response.content.decode(), user


def test_the_workforce_lead_sees_who_left_in_each_warning(council):
    page, lead = page_for(Role.WORKFORCE_LEAD)
    assert "3 leavers cited “Pay” in their exit interviews" in page
    assert "3 leavers went to “Social worker role in a different LA in England”" in page
    assert page.count(">Ann Able</a>") == 2  # in both warnings
    assert "/retention/exit-interviews/W1/?left_on=2025-01-10" in page
    assert "Not emailed: it was over before the daily check found it" not in page
    assert "Cat Cole" not in page  # a move between teams is not leaving
    assert ">Rules</a>" in page
    special = AuditEvent.objects.filter(user=lead, special_category=True, detail="early warnings")
    assert sorted(special.values_list("worker__worker_id", flat=True)) == ["W1", "W2", "W4"]


def test_a_service_manager_sees_the_leavers_of_a_destination_but_not_who_cited_a_theme(council):
    page, manager = page_for(Role.SERVICE_MANAGER)
    assert "3 leavers cited “Pay” in their exit interviews" in page
    assert "their names are for the workforce lead only" in page
    assert page.count(">Ann Able</a>") == 1  # the destination warning only
    assert "/retention/exit-interviews/" not in page
    events = AuditEvent.objects.filter(user=manager, detail="early warnings")
    assert events.count() == 3 and not events.filter(special_category=True).exists()
    assert ">Rules</a>" not in page  # the rules are the workforce lead's


def test_a_warning_already_emailed_says_when_and_to_how_many(council):
    rule = EarlyWarningRule.objects.get(kind="theme")
    EarlyWarning.objects.create(
        rule=rule,
        key=str(Theme.objects.get(name="Pay").pk),
        key_label="Pay",
        first_left_on="2025-01-10",
        reached_on="2025-03-05",
        threshold=3,
        window_days=60,
        leavers=3,
        found_on="2025-03-06",
        recorded_at="2025-03-06T07:00:00Z",
        emailed_at="2025-03-06T07:00:00Z",
        emailed_to=4,
    )
    page, _ = page_for(Role.WORKFORCE_LEAD)
    assert "Emailed on 6 March 2025 to 4 people" in page
    assert f'id="warning-{EarlyWarning.objects.get().pk}"' in page


def test_a_date_that_is_not_one_is_a_clear_message(council):
    client, _ = client_for(Role.WORKFORCE_LEAD)
    response = client.get("/retention/early-warnings/?from=last+year")
    assert response.status_code == 400
    assert "“last year” is not a date" in response.content.decode()


def post_rule(client: Client, url: str, **fields: Any) -> Any:
    data = {"kind": "team", "threshold": "3", "window_days": "30", "is_on": "on", **fields}
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def test_the_workforce_lead_adds_a_rule_for_one_team(council):
    client, _ = client_for(Role.WORKFORCE_LEAD)
    team = Team.objects.get(team_id="T1")
    response = post_rule(client, RULES + "new/", team=str(team.pk))
    assert response.status_code == 302
    rule = EarlyWarningRule.objects.get(kind="team")
    assert rule.description == "3 or more leavers within 30 days leaving Assessment North"
    listing = client.get(RULES).content.decode()
    assert "3 or more leavers within 30 days leaving Assessment North" in listing


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"threshold": "1"}, "A warning needs at least 2 leavers"),
        ({"window_days": "ninety"}, "Enter the number of days as a whole number"),
        ({"window_days": "1000"}, "Enter 730 days or fewer"),
        ({"kind": "theme", "team": "T1"}, "Choose any team: this rule is about leavers citing"),
        ({"kind": None}, "This field is required"),
    ],
)
def test_a_rule_that_makes_no_sense_is_refused_with_a_message(council, fields, message):
    client, _ = client_for(Role.WORKFORCE_LEAD)
    if fields.get("team") == "T1":
        fields = {**fields, "team": str(Team.objects.get(team_id="T1").pk)}
    response = post_rule(client, RULES + "new/", **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EarlyWarningRule.objects.filter(kind="team").exists()


def test_switching_a_rule_off_and_changing_it_is_kept_in_its_history(council):
    client, _ = client_for(Role.WORKFORCE_LEAD, "hana")
    rule = EarlyWarningRule.objects.get(kind="destination")
    url = f"{RULES}{rule.pk}/"
    assert (
        post_rule(client, url, kind=None, threshold="2", window_days="90", is_on=None).status_code
        == 302
    )
    assert post_rule(client, url, kind=None, threshold="4", window_days="120").status_code == 302
    rule.refresh_from_db()
    assert (rule.kind, rule.threshold, rule.window_days, rule.is_on) == (
        "destination",
        4,
        120,
        True,
    )
    page = client.get(url).content.decode()
    history = page[page.index("Changes to this rule") :]
    assert (
        history.index("Switched on; changed to: 4 or more leavers within 120 days")
        < history.index("Switched off")
        < history.index("Added: 2 or more leavers within 90 days going to the same destination")
    )
    assert history.count("Hana Rees") == 2


def test_a_rules_kind_cannot_be_changed(council):
    client, _ = client_for(Role.WORKFORCE_LEAD)
    rule = EarlyWarningRule.objects.get(kind="destination")
    post_rule(client, f"{RULES}{rule.pk}/", kind="team", threshold="5", window_days="90")
    rule.refresh_from_db()
    assert (rule.kind, rule.threshold) == ("destination", 5)


def test_a_rule_that_does_not_exist_is_not_found(council):
    client, _ = client_for(Role.WORKFORCE_LEAD)
    assert client.get(f"{RULES}9999/").status_code == 404
