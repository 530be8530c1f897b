"""The demo council's sign-in accounts: fixed names and passwords, for the demo only."""

from stabilise.accounts.models import Role, User

DEMO_PASSWORD = "stabilise-demo"
DEMO_ACCOUNTS = (
    ("lead", Role.WORKFORCE_LEAD, "Workforce lead (HR): sees everything"),
    ("academy", Role.ACADEMY_LEAD, "Academy lead: the ASYE cohorts, reviews, mentors and panels"),
)


def create_demo_accounts() -> list[tuple[str, str]]:
    """Create (or reset) the demo accounts; returns (username, what they see) for each."""
    created = []
    for username, role, description in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
        user.role = role
        user.set_password(DEMO_PASSWORD)
        user.save()
        created.append((username, description))
    return created
