"""The demo council's sign-in accounts: one per role, fixed names and one password, demo only.

Each is marked `is_demo`: with STABILISE_DEMO_MODE on (as `make run` sets it, on this machine
only) they skip two-factor; anywhere else they set it up at first sign-in like anyone.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from stabilise.accounts.models import Role, User
from stabilise.workforce.models import Assignment, Team, Worker

DEMO_PASSWORD = "stabilise-demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    description: str


DEMO_ACCOUNTS = (
    DemoAccount("lead", Role.WORKFORCE_LEAD, "Workforce lead (HR): sees everything"),
    DemoAccount(
        "service", Role.SERVICE_MANAGER, "Service manager: all teams, no special-category data"
    ),
    DemoAccount("team-a", Role.TEAM_MANAGER, "Team manager: {team} only"),
    DemoAccount("team-b", Role.TEAM_MANAGER, "Team manager: {team} only"),
    DemoAccount(
        "academy", Role.ACADEMY_LEAD, "Academy lead: the ASYE cohorts, reviews, mentors and panels"
    ),
    DemoAccount("councillor", Role.COUNCILLOR, "Councillor: aggregates only, 1 to 4 shown as c"),
    DemoAccount("worker", Role.SOCIAL_WORKER, "Social worker: their own record only ({worker})"),
    DemoAccount("admin", Role.ADMINISTRATOR, "Administrator: users and roles, no personal data"),
)


def _current() -> Q:
    today = timezone.localdate()
    return Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))


def demo_teams() -> list[Team]:
    """The two teams the demo's team managers manage: the first two, by name, with people."""
    staffed = Assignment.objects.filter(_current()).values("team")
    return list(Team.objects.filter(pk__in=staffed).order_by("name")[:2])


def demo_worker(team: Team | None) -> Worker | None:
    """The demo social worker's own record: a permanent worker in team A today."""
    if team is None:
        return None
    current = Assignment.objects.filter(_current(), team=team, contract="permanent")
    assignment = current.select_related("worker").order_by("worker__worker_id").first()
    return assignment.worker if assignment else None


def create_demo_accounts() -> list[tuple[str, str]]:
    """Create (or reset) the demo accounts; returns (username, what they see) for each."""
    teams = demo_teams()
    team_of = {"team-a": teams[:1], "team-b": teams[1:2]}
    worker = demo_worker(teams[0] if teams else None)
    User.objects.filter(worker=worker).exclude(username="worker").update(worker=None)
    created = []
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.role = account.role
        user.is_demo = True
        user.worker = worker if account.role == Role.SOCIAL_WORKER else None
        user.set_password(DEMO_PASSWORD)
        user.save()
        managed = team_of.get(account.username, [])
        user.teams.set(managed)
        description = account.description.format(
            team=managed[0].name if managed else "no team yet",
            worker=worker.display_name if worker else "no record yet",
        )
        created.append((account.username, description))
    return created
