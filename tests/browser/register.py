"""A small register dated from today, for pages served live (no frozen clock in a live server).

Its ids are those of the access matrix test (team OWN, worker W1), so that the matrix's ARGS
give every page that needs an argument something to show.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from stabilise.academy.models import AsyeRecord, Cohort
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.retention.models import EarlyWarningRule
from stabilise.workforce.models import Absence, Assignment, Post, Team, Worker


def build_register() -> None:
    today = timezone.localdate()
    since = today - dt.timedelta(days=3 * 365)
    own = Team.objects.create(team_id="OWN", name="Assessment North", service="Assessment")
    other = Team.objects.create(team_id="OTHER", name="Children in Care", service="Looked after")
    posts = [
        Post.objects.create(post_id=f"P{n}", team=own, org_role=5, fte=1, established_from=since)
        for n in range(1, 4)
    ]
    people = [
        ("W1", "Ann Able", own, posts[0], "permanent"),
        ("W2", "Bob Baker", own, posts[1], "permanent"),
        ("W3", "Cat Cole", own, posts[2], "agency"),
        ("W4", "Dee Dale", other, None, "permanent"),
    ]
    for n, (worker_id, name, team, post, contract) in enumerate(people):
        worker = Worker.objects.create(
            worker_id=worker_id, display_name=name, swe_number=f"SW10000{n}", ethnicity="WBRI"
        )
        Assignment.objects.create(
            assignment_id=f"A{n}",
            worker=worker,
            team=team,
            post=post,
            org_role=5,
            contract=contract,
            fte=Decimal("1"),
            start_date=since,
        )
        for weeks in range(0, 30):
            CaseloadSnapshot.objects.create(
                worker=worker,
                date=today - dt.timedelta(weeks=weeks),
                cases=8 + 4 * n + weeks % 5,
            )
    leaver = Worker.objects.create(worker_id="W5", display_name="Eve Evans")
    Assignment.objects.create(
        assignment_id="A9",
        worker=leaver,
        team=own,
        org_role=5,
        contract="permanent",
        fte=Decimal("1"),
        start_date=since,
        end_date=today - dt.timedelta(days=60),
        end_reason=1,
        end_destination=1,
    )
    Absence.objects.create(
        worker=Worker.objects.get(worker_id="W1"),
        start_date=today - dt.timedelta(days=40),
        end_date=today - dt.timedelta(days=36),
        reason="SIC",
        working_days_lost=Decimal("5"),
    )
    # The academy's cohort C1, with W1 on the programme and W2 their mentor.
    AsyeRecord.objects.create(
        worker=Worker.objects.get(worker_id="W1"),
        cohort=Cohort.objects.create(label="C1"),
        programme_start=today - dt.timedelta(days=100),
        practice_lead="Pat Lead",
        mentor=Worker.objects.get(worker_id="W2"),
    )
    # Early-warning rule 1 (the access matrix's ARGS): the live server's database was emptied
    # of what the migrations seeded.
    EarlyWarningRule.objects.update_or_create(
        pk=1, defaults={"kind": "theme", "threshold": 3, "window_days": 60}
    )
