"""A small register built by hand through the ORM, with its figures worked out by hand.

Today is 15 June 2025, so the census day is 30 September 2024. Team T1 has three posts:

    P1 1.0 FTE  Alice (W1), permanent 1.0, since 2019
    P2 1.0 FTE  Dan (W4), permanent 1.0, 2018 to 15 October 2024 (a leaver);
                then Bob (W2), permanent 0.8, from 1 November 2024 (a starter)
    P3 0.5 FTE  nobody in post; Carol (W3), agency 1.0, since 2024, covers it

Team T2 has Eve (W5), permanent 1.0, with no post, and no posts of its own.

Today, 15 June 2025 (the year to it starts 16 June 2024):
    in post     Alice 1.0 + Bob 0.8 + Eve 1.0 = 2.8 FTE, 3 people; agency Carol 1.0
    agency rate 100 * 1.0 / (1.0 + 2.8) = 26.32 → 26.3%
    vacancies   P1 0 + P2 (1.0 - 0.8) 0.2 + P3 0.5 (agency cover leaves it vacant) = 0.7
    vacancy rate 100 * 0.7 / (0.7 + 2.8) = 20.0%
    starters    Bob (1); leavers Dan (1, 1.0 FTE); turnover 100 * 1.0 / 2.8 = 35.71 → 35.7%
    caseload    Alice 18 (13 June; her 1 June figure is superseded), Bob 12, Carol 20, Eve
                none: 50 cases / 2.8 case-holding FTE = 17.86 → 17.9
    sickness    Alice 5 + Bob 4.5 = 9.5 days (Alice's training is not sickness; Dan's May 2024
                absence is before the year): 100 * 9.5 / (2.8 * 253) = 1.34 → 1.3%

Census day, 30 September 2024 (the year to it starts 1 October 2023):
    in post     Alice 1.0 + Dan 1.0 + Eve 1.0 = 3.0 FTE; agency Carol 1.0 → 25.0%
    vacancies   P3 0.5 → 100 * 0.5 / 3.5 = 14.29 → 14.3%
    starters 0, leavers 0 → turnover 0.0%
    caseload    Alice 16 + Dan 22 = 38 / 2.0 FTE = 19.0
    sickness    Dan 3 days: 100 * 3 / (3.0 * 253) = 0.40 → 0.4%

By team today: T1 has 2 in post (Alice, Bob), 0.7 FTE vacant and 50 / 2.8 = 17.9;
T2 has 1 in post (Eve), nothing vacant and no caseload known.
"""

import datetime as dt
from decimal import Decimal

from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Absence, Assignment, Post, Team, Worker

TODAY = dt.date(2025, 6, 15)


def build_register() -> None:
    t1 = Team.objects.create(team_id="T1", name="Assessment North", service="Assessment")
    t2 = Team.objects.create(team_id="T2", name="Children in Care", service="Looked after")
    since = dt.date(2020, 1, 1)
    p1 = Post.objects.create(post_id="P1", team=t1, org_role=5, fte=1, established_from=since)
    p2 = Post.objects.create(post_id="P2", team=t1, org_role=5, fte=1, established_from=since)
    p3 = Post.objects.create(
        post_id="P3",
        team=t1,
        org_role=4,
        fte=Decimal("0.5"),
        established_from=since,
        hard_to_fill=True,
    )
    alice, bob, carol, dan, eve = (
        Worker.objects.create(worker_id=f"W{n}", display_name=name)
        for n, name in enumerate(
            ["Alice Able", "Bob Baker", "Carol Cole", "Dan Dale", "Eve Evans"], start=1
        )
    )

    def assign(
        id: str,
        worker: Worker,
        team: Team,
        post: Post | None,
        contract: str,
        fte: str,
        start: dt.date,
        end: dt.date | None = None,
        **more: object,
    ) -> None:
        Assignment.objects.create(
            assignment_id=id,
            worker=worker,
            team=team,
            post=post,
            org_role=5,
            contract=contract,
            fte=Decimal(fte),
            start_date=start,
            end_date=end,
            **more,
        )

    assign("A1", alice, t1, p1, "permanent", "1", dt.date(2019, 1, 1))
    assign("A2", bob, t1, p2, "permanent", "0.8", dt.date(2024, 11, 1))
    assign(
        "A3",
        carol,
        t1,
        p3,
        "agency",
        "1",
        dt.date(2024, 1, 1),
        covers_vacancy=True,
        agency_name="Acme",
        hourly_rate=Decimal("45.00"),
    )
    assign(
        "A4",
        dan,
        t1,
        p2,
        "permanent",
        "1",
        dt.date(2018, 1, 1),
        dt.date(2024, 10, 15),
        end_reason=1,
    )
    assign("A5", eve, t2, None, "permanent", "1", dt.date(2021, 5, 1))

    for worker, day, cases in [
        (alice, dt.date(2025, 6, 1), 30),  # older than the latest: not today's caseload
        (alice, dt.date(2025, 6, 13), 18),
        (bob, dt.date(2025, 6, 14), 12),
        (carol, dt.date(2025, 6, 15), 20),
        (alice, dt.date(2024, 9, 30), 16),
        (dan, dt.date(2024, 9, 27), 22),
    ]:
        CaseloadSnapshot.objects.create(worker=worker, date=day, cases=cases)

    for worker, start, reason, days in [
        (alice, dt.date(2025, 3, 3), "SIC", "5"),
        (alice, dt.date(2025, 4, 7), "TRN", "2"),
        (bob, dt.date(2024, 12, 2), "SIC", "4.5"),
        (dan, dt.date(2024, 5, 10), "SIC", "3"),
    ]:
        Absence.objects.create(
            worker=worker,
            start_date=start,
            end_date=start + dt.timedelta(days=6),
            reason=reason,
            working_days_lost=Decimal(days),
        )
