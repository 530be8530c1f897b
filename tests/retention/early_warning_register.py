"""Leavers for the early-warning tests, built through the ORM, with the seeded rules (3 or more
within 60 days citing the same theme; 2 or more within 90 days to the same destination).

    Ann Able   left Assessment North 10 Jan 2025 to another LA, citing Pay
    Ben Baker  left Assessment North  1 Feb 2025 to another LA, citing Pay and Caseload
    Dee Dale   left Assessment North  5 Mar 2025 to another LA, citing Pay
    Cat Cole   stays in Assessment North (a move to Children in Care on 1 Feb is not leaving)

Pay reaches 3 on 5 March (window 10 January to 11 March); another LA reaches 2 on 1 February
(window to 10 April). Both are news on 10 March 2025.
"""

import datetime as dt
from decimal import Decimal

from stabilise.accounts.models import Role, User
from stabilise.retention.models import Theme
from stabilise.retention.services import record_interview
from stabilise.workforce.models import Assignment, Team, Worker

ANOTHER_LA = 1
AS_AT = dt.date(2025, 3, 10)


def leave(
    worker_id: str,
    name: str,
    left_on: str,
    themes: list[str],
    destination: int = ANOTHER_LA,
    team_id: str = "T1",
) -> Worker:
    team, _ = Team.objects.get_or_create(
        team_id=team_id, defaults={"name": {"T1": "Assessment North"}.get(team_id, team_id)}
    )
    worker = Worker.objects.create(worker_id=worker_id, display_name=name)
    left = dt.date.fromisoformat(left_on)
    Assignment.objects.create(
        assignment_id=f"A-{worker_id}",
        worker=worker,
        team=team,
        org_role=6,
        contract="permanent",
        fte=Decimal("1"),
        start_date=dt.date(2020, 1, 1),
        end_date=left,
        end_reason=1,
        end_destination=destination,
    )
    if themes:
        record_interview(
            worker=worker,
            left_on=left,
            status="held",
            comments=f"{name} said something private",
            themes={Theme.objects.get(name=t): 2 for t in themes},
        )
    return worker


def build_leavers() -> None:
    north = Team.objects.create(team_id="T1", name="Assessment North")
    care = Team.objects.create(team_id="T2", name="Children in Care")
    leave("W1", "Ann Able", "2025-01-10", ["Pay"])
    leave("W2", "Ben Baker", "2025-02-01", ["Pay", "Caseload"])
    leave("W4", "Dee Dale", "2025-03-05", ["Pay"])
    cat = Worker.objects.create(worker_id="W3", display_name="Cat Cole")
    for n, (team, start, end) in enumerate(
        [(north, dt.date(2020, 1, 1), dt.date(2025, 1, 31)), (care, dt.date(2025, 2, 1), None)]
    ):
        Assignment.objects.create(
            assignment_id=f"A-W3-{n}",
            worker=cat,
            team=team,
            org_role=6,
            contract="permanent",
            fte=Decimal("1"),
            start_date=start,
            end_date=end,
            end_reason=1 if end else None,
            end_destination=ANOTHER_LA if end else None,
        )


def build_recipients() -> None:
    """Who gets the emails: the active workforce lead and service manager with an address."""
    User.objects.create_user(
        username="lead", email="lead@council.example", role=Role.WORKFORCE_LEAD
    )
    User.objects.create_user(
        username="service", email="service@council.example", role=Role.SERVICE_MANAGER
    )
    # Not these: a team manager, a councillor, a service manager without an address, and an
    # account switched off.
    User.objects.create_user(username="team", email="team@council.example", role=Role.TEAM_MANAGER)
    User.objects.create_user(username="cllr", email="cllr@council.example", role=Role.COUNCILLOR)
    User.objects.create_user(username="no-address", role=Role.SERVICE_MANAGER)
    User.objects.create_user(
        username="gone", email="gone@council.example", role=Role.WORKFORCE_LEAD, is_active=False
    )
