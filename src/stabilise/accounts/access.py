"""Who may see what: the one place that decides (DESIGN.md, "Who uses it").

Every request to a named URL passes through `AccessMiddleware`, which looks the URL's name up in
RULES. A URL with no rule is refused for everyone (and tests/accounts/test_access_matrix.py
fails), so a new page cannot leak by being forgotten. Within a page, what a role may see of
people is decided by the helpers below, never by a view's own test of a role.

Two-factor is part of the same check: a signed-in user whose role needs it (TWO_FACTOR_ROLES) and
who has not entered a code this session reaches only the two-factor pages (SIGNED_IN_UNVERIFIED);
every other page sends them there first.
"""

import logging
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q, QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

from stabilise.academy.models import AsyeRecord
from stabilise.accounts.models import Role, User
from stabilise.workforce.models import Team, Worker

logger = logging.getLogger(__name__)

LEAD = Role.WORKFORCE_LEAD
SERVICE = Role.SERVICE_MANAGER
TEAM = Role.TEAM_MANAGER
ACADEMY = Role.ACADEMY_LEAD
COUNCILLOR = Role.COUNCILLOR
WORKER = Role.SOCIAL_WORKER
ADMIN = Role.ADMINISTRATOR

MANAGERS = frozenset({LEAD, SERVICE, TEAM})
AGGREGATES = frozenset({LEAD, SERVICE, TEAM, ACADEMY, COUNCILLOR})
ACADEMY_PAGES = frozenset({LEAD, SERVICE, ACADEMY})
ACADEMY_EDITS = frozenset({LEAD, ACADEMY})

# URL names anyone may reach, signed in or not.
# The exit questionnaire is for a leaver without an account: its one-time link is the key.
PUBLIC = frozenset({"login", "logout", "exit_questionnaire"})
# The health check (ui/health.py) answers a load balancer, which holds no account; it says `ok`
# or that the database cannot be reached, nothing about anyone.
PUBLIC |= frozenset({"health"})

# Single sign-on's own steps (accounts/oidc.py, when configured): before anyone is known.
PUBLIC |= frozenset({"oidc_authentication_init", "oidc_authentication_callback", "oidc_logout"})

# URL names a signed-in user reaches before two-factor: entering a code, or setting it up.
SIGNED_IN_UNVERIFIED = frozenset({"two_factor_verify", "two_factor_setup"})

# Every role signs in with two-factor. Five see personal data; the administrator grants roles,
# so holds the keys to everyone's; councillors see unpublished figures about the council's
# staff, often from their own devices. A password alone is not enough for any of them.
TWO_FACTOR_ROLES = frozenset(Role)
# Set in the session when the council's identity provider says it did multi-factor itself.
IDP_MFA_SESSION_KEY = "stabilise_idp_mfa"

# URL name → the roles that may open it. Scope within a page (a team manager's own teams) is
# applied by the page through the helpers below.
RULES: dict[str, frozenset[Role]] = {
    "dashboard": AGGREGATES,
    # Who saw whose record: the workforce lead only (it names people and special-category views).
    "audit": frozenset({LEAD}),
    "teams": frozenset({LEAD, SERVICE, TEAM, COUNCILLOR}),
    "team": MANAGERS,
    # A social worker opens their own record only (worker_or_404); the academy lead, ASYE
    # workers and their mentors (visible_asye_workers).
    "worker": frozenset({LEAD, SERVICE, TEAM, ACADEMY, WORKER}),
    "import": frozenset({LEAD}),
    "weekly_caseload": AGGREGATES,
    "weekly_caseload_xlsx": AGGREGATES,
    "benchmarks": AGGREGATES,
    # The ASYE academy: the cohort table, mentors and intake for those who run it; reviews, a
    # cohort and an NQSW also for team managers (their own teams' NQSWs, visible_asye_records);
    # recording cohorts, NQSWs, reviews, supervision and panels for the academy lead.
    "academy": ACADEMY_PAGES,
    "academy_cohorts_xlsx": ACADEMY_PAGES,
    "academy_mentors": ACADEMY_PAGES,
    "academy_reviews": ACADEMY_PAGES | {TEAM},
    "academy_cohort": ACADEMY_PAGES | {TEAM},
    "academy_nqsw": ACADEMY_PAGES | {TEAM},
    "academy_cohort_new": ACADEMY_EDITS,
    "academy_cohort_edit": ACADEMY_EDITS,
    "academy_nqsw_add": ACADEMY_EDITS,
    "academy_nqsw_edit": ACADEMY_EDITS,
    "academy_review": ACADEMY_EDITS,
    "academy_supervision": ACADEMY_EDITS,
    "academy_panel": ACADEMY_EDITS,
    # Named leavers with reason and destination (no exit-interview text): the workforce lead
    # and service managers; a team manager's leavers stay with the workforce lead.
    "leavers": frozenset({LEAD, SERVICE}),
    "leaver": frozenset({LEAD, SERVICE}),
    # What leavers said is special category: the workforce lead only.
    "exit_interviews": frozenset({LEAD}),
    "exit_interview": frozenset({LEAD}),
    # Themes and destinations over time: counts (1 to 4 as c for all but the workforce lead).
    "exit_themes": AGGREGATES,
    # The council's list of themes (add, rename, reorder, retire): the workforce lead, who runs
    # exit interviews.
    "exit_theme_list": frozenset({LEAD}),
    # Early warnings (clusters of leavers): the workforce lead and service managers, who get
    # the emails; the rules are the workforce lead's to set.
    "early_warnings": frozenset({LEAD, SERVICE}),
    "early_warning_rules": frozenset({LEAD}),
    "early_warning_rule_new": frozenset({LEAD}),
    "early_warning_rule": frozenset({LEAD}),
    # Named workers in post whose circumstances are recent leavers': managers, a team manager
    # their own teams' (visible_workers); never councillors.
    "who_may_be_next": MANAGERS,
    # The retention section's front page: everyone who opens any retention page (it lists only
    # those they may open).
    "retention": AGGREGATES,
    # How long people stay (retention curves, stability): aggregates; a team manager's team
    # curves are of their own teams, councillors' small numbers are c (survival_display).
    "retention_curves": AGGREGATES,
}


def role_of(user: User) -> Role | None:
    try:
        return Role(user.role)
    except ValueError:
        return None


def may_open(user: User, url_name: str) -> bool:
    if url_name in PUBLIC:
        return True
    role = role_of(user)
    return user.is_active and role is not None and role in RULES.get(url_name, frozenset())


def needs_two_factor(user: User) -> bool:
    return role_of(user) in TWO_FACTOR_ROLES or role_of(user) is None


def demo_bypass(user: User) -> bool:
    """Demo accounts skip two-factor in demo mode, which only a DEBUG server on this machine may
    run (accounts/checks.py refuses it elsewhere; DEBUG is checked here again regardless)."""
    return bool(settings.DEMO_MODE and settings.DEBUG and user.is_demo)


def two_factor_done(request: HttpRequest) -> bool:
    """Whether this session's user has passed two-factor, or needs none."""
    user = request.user
    assert isinstance(user, User)
    if not needs_two_factor(user) or demo_bypass(user):
        return True
    return bool(user.is_verified() or request.session.get(IDP_MFA_SESSION_KEY))  # type: ignore[attr-defined]


def sees_named_workers(user: User) -> bool:
    """Managers see the people behind figures; councillors and directors see aggregates only."""
    return role_of(user) in MANAGERS


def sees_special_category(user: User) -> bool:
    """Ethnicity, health and exit-interview text: the workforce lead only."""
    return role_of(user) == LEAD


def suppresses_small_numbers(user: User) -> bool:
    """Counts of 1 to 4 are shown as `c`, as the DfE publishes, to those who see aggregates only."""
    return role_of(user) not in MANAGERS


def visible_teams(user: User) -> QuerySet[Team]:
    """The teams whose people this user may see: a team manager's own, everyone's for others."""
    if role_of(user) == TEAM:
        return user.teams.all()
    if role_of(user) in {LEAD, SERVICE, COUNCILLOR}:
        return Team.objects.all()
    return Team.objects.none()


def team_or_404(user: User, team_id: str) -> Team:
    """Another team's page is 'not found', not 'forbidden': a 403 would confirm it exists."""
    team = visible_teams(user).filter(team_id=team_id).first()
    if team is None:
        raise Http404("No such team")
    return team


def visible_workers(user: User, today: date) -> QuerySet[Worker]:
    """The people whose records this user may open: everyone's for the workforce lead and
    service managers; for a team manager, those with an assignment in one of their teams that
    has not ended before `today` (leavers stay with the workforce lead); for anyone, their own.
    """
    role = role_of(user)
    own = Q(pk=user.worker_id) if user.worker_id is not None else Q(pk__in=[])
    if role in {LEAD, SERVICE}:
        return Worker.objects.all()
    if role == TEAM:
        current = Q(assignments__end_date__isnull=True) | Q(assignments__end_date__gte=today)
        in_teams = Q(assignments__team__in=user.teams.all()) & current
        return Worker.objects.filter(in_teams | own).distinct()
    if role == ACADEMY:
        asye = visible_asye_workers(user, today).values("pk")
        return Worker.objects.filter(Q(pk__in=asye) | own)
    if role == WORKER:
        return Worker.objects.filter(own)
    return Worker.objects.none()


def home_page(user: User) -> str | None:
    """Where signing in lands: the dashboard, or for someone who may not open it but has a
    record of their own (a social worker), that record; None for someone with neither."""
    if may_open(user, "dashboard"):
        return reverse("dashboard")
    if user.worker_id is not None and may_open(user, "worker"):
        return reverse("worker", kwargs={"worker_id": user.worker.worker_id})  # type: ignore[union-attr]
    return None


def worker_or_404(user: User, worker_id: str, today: date) -> Worker:
    """Like team_or_404: someone outside the user's scope is 'not found'."""
    worker = visible_workers(user, today).filter(worker_id=worker_id).first()
    if worker is None:
        raise Http404("No such worker")
    return worker


def visible_asye_records(user: User, today: date) -> QuerySet[AsyeRecord]:
    """The ASYE records (NQSWs on the programme, and through them their mentors) this user may
    see: all for the workforce lead, service managers and the academy lead; for a team manager,
    those of NQSWs with an assignment in one of their teams that has not ended before `today`."""
    role = role_of(user)
    if role in {LEAD, SERVICE, ACADEMY}:
        return AsyeRecord.objects.all()
    if role == TEAM:
        current = Q(worker__assignments__end_date__isnull=True) | Q(
            worker__assignments__end_date__gte=today
        )
        in_teams = Q(worker__assignments__team__in=user.teams.all()) & current
        return AsyeRecord.objects.filter(in_teams).distinct()
    return AsyeRecord.objects.none()


def visible_asye_workers(user: User, today: date) -> QuerySet[Worker]:
    """The ASYE workers of the records this user may see, and their mentors."""
    records = visible_asye_records(user, today)
    return Worker.objects.filter(Q(asye_records__in=records) | Q(mentees__in=records)).distinct()


def asye_record_or_404(user: User, cohort: str, worker_id: str, today: date) -> AsyeRecord:
    """Like team_or_404: an NQSW outside the user's scope is 'not found'."""
    record = (
        visible_asye_records(user, today)
        .filter(cohort__label=cohort, worker__worker_id=worker_id)
        .select_related("worker", "cohort", "mentor")
        .first()
    )
    if record is None:
        raise Http404("No such NQSW in this cohort")
    return record


class AccessMiddleware:
    """Applies RULES to every request for a named URL; anything else (static files) passes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], args: object, kwargs: object
    ) -> HttpResponse | None:
        match = request.resolver_match
        name = match.url_name if match else None
        if name in PUBLIC:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        user = request.user
        assert isinstance(user, User)
        if name in SIGNED_IN_UNVERIFIED:
            return None
        if not two_factor_done(request):
            return _to_two_factor(request, user)
        if name is None or name not in RULES:
            # The name only: a path can hold a worker's id, which the log must not.
            logger.error("refused a URL with no access rule: %s", name or "(unnamed)")
            return _forbidden(request)
        if not may_open(user, name):
            # Signing in lands on the dashboard; someone whose role does not open it goes to
            # their own page instead of being told they may not see where they were sent.
            home = home_page(user) if name == settings.LOGIN_REDIRECT_URL else None
            return HttpResponseRedirect(home) if home else _forbidden(request)
        return None


def _to_two_factor(request: HttpRequest, user: User) -> HttpResponse:
    """To the code page, or the first time to setting two-factor up; then back here."""
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    page = reverse("two_factor_verify" if has_device else "two_factor_setup")
    return HttpResponseRedirect(f"{page}?{urlencode({'next': request.get_full_path()})}")


def _forbidden(request: HttpRequest) -> HttpResponse:
    return HttpResponseForbidden(render_to_string("403.html", request=request))
