"""Every URL × every role: the access policy of DESIGN.md, stated here independently of RULES.

A new URL without a rule fails `test_every_url_has_an_access_rule`; a rule that lets a role in
where the policy below says no fails the matrix.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from stabilise.academy.models import AsyeRecord, Cohort
from stabilise.accounts.access import PUBLIC, RULES, SIGNED_IN_UNVERIFIED
from stabilise.accounts.models import Role, User
from stabilise.retention.models import EarlyWarningRule
from stabilise.workforce.models import Assignment, Team, Worker

ALL_ROLES = list(Role)
LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR, WORKER, ADMIN = (
    Role.WORKFORCE_LEAD,
    Role.SERVICE_MANAGER,
    Role.TEAM_MANAGER,
    Role.ACADEMY_LEAD,
    Role.COUNCILLOR,
    Role.SOCIAL_WORKER,
    Role.ADMINISTRATOR,
)

# The policy: who may open each page. Councillors see aggregates; only managers see people.
POLICY: dict[str, set[Role]] = {
    "dashboard": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
    # Who saw whose record, special-category views included: the workforce lead only.
    "audit": {LEAD},
    "teams": {LEAD, SERVICE, TEAM, COUNCILLOR},
    "team": {LEAD, SERVICE, TEAM},
    # A person's record: managers in scope, and a social worker their own (the worker below).
    "worker": {LEAD, SERVICE, TEAM, ACADEMY, WORKER},
    # Loading the council's files: the workforce lead only.
    "import": {LEAD},
    "weekly_caseload": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
    "weekly_caseload_xlsx": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
    "benchmarks": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
    # The ASYE academy: its figures for those who run it; reviews, a cohort and an NQSW also for
    # team managers (their own teams' NQSWs); recording for the academy lead (and HR).
    "academy": {LEAD, SERVICE, ACADEMY},
    "academy_cohorts_xlsx": {LEAD, SERVICE, ACADEMY},
    "academy_mentors": {LEAD, SERVICE, ACADEMY},
    "academy_reviews": {LEAD, SERVICE, TEAM, ACADEMY},
    "academy_cohort": {LEAD, SERVICE, TEAM, ACADEMY},
    "academy_nqsw": {LEAD, SERVICE, TEAM, ACADEMY},
    "academy_cohort_new": {LEAD, ACADEMY},
    "academy_cohort_edit": {LEAD, ACADEMY},
    "academy_nqsw_add": {LEAD, ACADEMY},
    "academy_nqsw_edit": {LEAD, ACADEMY},
    "academy_review": {LEAD, ACADEMY},
    "academy_supervision": {LEAD, ACADEMY},
    "academy_panel": {LEAD, ACADEMY},
    # Named leavers, reasons and destinations: the workforce lead and service managers only.
    "leavers": {LEAD, SERVICE},
    "leaver": {LEAD, SERVICE},
    # Exit interviews (what leavers said, in their words): the workforce lead only.
    "exit_interviews": {LEAD},
    "exit_interview": {LEAD},
    # Why leavers left, as counts: everyone who sees aggregates.
    "exit_themes": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
    # Editing the council's list of themes: the workforce lead only.
    "exit_theme_list": {LEAD},
    # Early warnings: the occurrences for those emailed about them; the rules for HR to set.
    "early_warnings": {LEAD, SERVICE},
    "early_warning_rules": {LEAD},
    "early_warning_rule_new": {LEAD},
    "early_warning_rule": {LEAD},
    # Named workers who may be next to leave: managers (a team manager their own teams'),
    # never councillors.
    "who_may_be_next": {LEAD, SERVICE, TEAM},
    # The retention section's front page, listing what each person may open there.
    "retention": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
    # How long people stay (retention curves and stability), as aggregates: the same roles.
    "retention_curves": {LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR},
}
# Pages anyone may open without signing in: signing in and out, a leaver's one-time
# questionnaire link, single sign-on's own steps, and the health check a load balancer calls.
PUBLIC_POLICY = {
    "login",
    "logout",
    "exit_questionnaire",
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "oidc_logout",
    "health",
}
# The dashboard is where signing in lands: a social worker, who may not open it, is sent on to
# their own record (W1 below) rather than told they may not see it.
LANDS_ON_OWN_RECORD = {(WORKER, "dashboard")}
# Arguments for URLs that need them: the team manager's own team; the worker W1, in that team
# and the social worker's own record.
ARGS: dict[str, dict[str, str]] = {
    "team": {"team_id": "OWN"},
    "worker": {"worker_id": "W1"},
    "leaver": {"worker_id": "W1"},
    "exit_interview": {"worker_id": "W1"},
    # The first early-warning rule (the register below makes sure of it).
    "early_warning_rule": {"rule_id": "1"},
}
# The academy's pages about one cohort or NQSW: W1, on the programme in cohort C1.
ARGS.update(
    {
        name: {"label": "C1"}
        for name in ("academy_cohort", "academy_cohort_edit", "academy_nqsw_add")
    }
    | {
        name: {"label": "C1", "worker_id": "W1"}
        for name in (
            "academy_nqsw",
            "academy_nqsw_edit",
            "academy_review",
            "academy_supervision",
            "academy_panel",
        )
    }
)


def url_names(patterns=None, prefix="") -> set[str]:
    names: set[str] = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            names |= url_names(entry.url_patterns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(entry.name)
    return names


def test_every_url_has_an_access_rule():
    missing = url_names() - set(RULES) - PUBLIC - SIGNED_IN_UNVERIFIED
    assert not missing, f"URLs with no access rule: {sorted(missing)}"
    assert set(RULES) <= url_names(), "a rule names a URL that does not exist"


def test_the_policy_covers_every_url_the_rules_cover():
    assert set(POLICY) == set(RULES), "state the policy for every URL in this test"


def test_only_the_pages_the_policy_names_open_without_signing_in():
    assert set(PUBLIC) == PUBLIC_POLICY


@pytest.fixture
def register(db):
    own = Team.objects.create(team_id="OWN", name="Own team")
    Team.objects.create(team_id="OTHER", name="Other team")
    worker = Worker.objects.create(worker_id="W1", display_name="Ann Smith")
    Assignment.objects.create(
        assignment_id="A1",
        worker=worker,
        team=own,
        org_role=5,
        contract="permanent",
        fte=1,
        start_date=dt.date(2020, 1, 1),
    )
    cohort = Cohort.objects.create(label="C1")
    AsyeRecord.objects.create(worker=worker, cohort=cohort, programme_start=dt.date(2020, 1, 6))
    ensure_rule_one()
    return own


def ensure_rule_one() -> None:
    """Rule 1 of ARGS: the seeded one, or made again after a transactional test emptied the
    database of what the migrations wrote."""
    EarlyWarningRule.objects.update_or_create(
        pk=1, defaults={"kind": "theme", "threshold": 3, "window_days": 60}
    )


def client_for(role: Role, own: Team) -> Client:
    user = User.objects.create_user(username=f"u-{role}", password="x", role=role)
    if role == TEAM:
        user.teams.add(own)
    if role == WORKER:
        user.worker = Worker.objects.get(worker_id="W1")
        user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", sorted(POLICY))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_opens_exactly_the_pages_the_policy_allows(register, role, name):
    response = client_for(role, register).get(reverse(name, kwargs=ARGS.get(name)))
    if role in POLICY[name]:
        assert response.status_code == 200, f"{role} should open {name}"
    elif (role, name) in LANDS_ON_OWN_RECORD:
        assert response.status_code == 302
        assert response["Location"] == reverse("worker", kwargs={"worker_id": "W1"})
    else:
        assert response.status_code == 403, f"{role} must not open {name}"


@pytest.mark.parametrize("name", sorted(POLICY))
def test_no_page_opens_without_signing_in(register, name):
    response = Client().get(reverse(name, kwargs=ARGS.get(name)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_team_manager_cannot_tell_that_another_team_exists(register):
    client = client_for(TEAM, register)
    assert client.get(reverse("team", kwargs={"team_id": "OTHER"})).status_code == 404
    assert client.get(reverse("team", kwargs={"team_id": "NO-SUCH"})).status_code == 404
    listing = client.get(reverse("teams")).content.decode()
    assert "Own team" in listing and "Other team" not in listing


def test_the_health_check_opens_without_signing_in(register):
    assert Client().get(reverse("health")).status_code == 200


def test_a_user_without_a_valid_role_opens_nothing(register):
    user = User.objects.create_user(username="odd", password="x", role="nobody")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("dashboard")).status_code == 403


@pytest.fixture
def other_worker(register):
    other = Team.objects.get(team_id="OTHER")
    worker = Worker.objects.create(worker_id="W2", display_name="Bea Jones")
    Assignment.objects.create(
        assignment_id="A2",
        worker=worker,
        team=other,
        org_role=5,
        contract="permanent",
        fte=1,
        start_date=dt.date(2020, 1, 1),
    )
    return worker


@pytest.mark.parametrize("role", [TEAM, WORKER])
def test_a_worker_out_of_scope_is_not_found(register, other_worker, role):
    client = client_for(role, register)
    assert client.get(reverse("worker", kwargs={"worker_id": "W2"})).status_code == 404
    assert client.get(reverse("worker", kwargs={"worker_id": "NO-SUCH"})).status_code == 404


def test_a_team_manager_no_longer_sees_someone_who_has_left_their_team(register):
    Assignment.objects.filter(assignment_id="A1").update(end_date=dt.date(2021, 1, 1))
    client = client_for(TEAM, register)
    assert client.get(reverse("worker", kwargs={"worker_id": "W1"})).status_code == 404
    lead = client_for(LEAD, register)
    assert lead.get(reverse("worker", kwargs={"worker_id": "W1"})).status_code == 200
