"""A small register for the benchmark's own figures, worked out by hand.

Census day 30 September 2024 (the year to it starts 1 October 2023); the register begins with
a caseload snapshot on 30 June 2023, before that year, so the whole year counts.

    P1 1.0 FTE  W1 permanent 1.0 since 2020
    P2 1.0 FTE  W2 permanent 1.0 from 2020 to 31 March 2024 (a leaver in the year);
                W3 agency 1.0 since 1 April 2024, covering it
    in post 1.0 FTE, agency 1.0      agency rate 100 * 1 / (1 + 1) = 50.0%
    vacancies P2 1.0                 vacancy rate 100 * 1 / (1 + 1) = 50.0%
    leavers 1.0                      turnover 100 * 1 / 1 = 100.0%
    caseloads W1 15 + W3 17 = 32 over 2.0 case-holding FTE = 16.0
    sickness W1 2.53 days            100 * 2.53 / (1.0 * 253) = 1.0%
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Absence, Assignment, Post, Team, Worker

CENSUS_2024 = dt.date(2024, 9, 30)


def build_register(begins: dt.date = dt.date(2023, 6, 30)) -> None:
    team = Team.objects.create(team_id="T1", name="Assessment", service="Assessment")
    since = dt.date(2020, 1, 1)
    p1 = Post.objects.create(post_id="P1", team=team, org_role=5, fte=1, established_from=since)
    p2 = Post.objects.create(post_id="P2", team=team, org_role=5, fte=1, established_from=since)
    w1, w2, w3 = (
        Worker.objects.create(worker_id=f"W{n}", display_name=f"Worker {n}") for n in (1, 2, 3)
    )

    def assign(
        id: str, worker: Worker, post: Post, contract: str, start: dt.date, **more: object
    ) -> None:
        Assignment.objects.create(
            assignment_id=id,
            worker=worker,
            team=team,
            post=post,
            org_role=5,
            contract=contract,
            fte=Decimal(1),
            start_date=start,
            **more,
        )

    assign("A1", w1, p1, "permanent", since)
    assign("A2", w2, p2, "permanent", since, end_date=dt.date(2024, 3, 31), end_reason=1)
    assign("A3", w3, p2, "agency", dt.date(2024, 4, 1), covers_vacancy=True)
    for worker, day, cases in [
        (w1, begins, 10),
        (w1, dt.date(2024, 9, 27), 15),
        (w3, dt.date(2024, 9, 30), 17),
    ]:
        CaseloadSnapshot.objects.create(worker=worker, date=day, cases=cases)
    Absence.objects.create(
        worker=w1,
        start_date=dt.date(2024, 2, 5),
        end_date=dt.date(2024, 2, 7),
        reason="SIC",
        working_days_lost=Decimal("2.53"),
    )


def build_council(leavers: int) -> None:
    """Ten social workers in post all along and `leavers` more who left on 31 March 2024, their
    posts then vacant. The register begins with a caseload snapshot on 30 June 2023, so the year
    to 30 September 2024 counts whole and the year to 30 September 2023 in part.

        2023  10 + `leavers` in post, nothing vacant: vacancy 0.0%; part of a year: no turnover
        2024  10 in post (10.0 FTE); `leavers` leavers and vacant posts:
                3 leavers  vacancy 100 * 3 / 13 = 23.1%, turnover 100 * 3 / 10 = 30.0%
                5 leavers  vacancy 100 * 5 / 15 = 33.3%, turnover 100 * 5 / 10 = 50.0%
              (turnover by headcount alike); nobody agency: 0.0%; 15 cases each on
              27 September over 10.0 case-holding FTE: caseload 15.0
        2025  as 2024 but nobody left in the year: turnover 0.0%; no caseloads that week
    """
    team = Team.objects.create(team_id="T1", name="Assessment", service="Assessment")
    since = dt.date(2020, 1, 1)
    for n in range(1, 11 + leavers):
        post = Post.objects.create(
            post_id=f"P{n}", team=team, org_role=5, fte=1, established_from=since
        )
        worker = Worker.objects.create(worker_id=f"W{n}", display_name=f"Worker {n}")
        left = {} if n <= 10 else {"end_date": dt.date(2024, 3, 31), "end_reason": 1}
        Assignment.objects.create(
            assignment_id=f"A{n}",
            worker=worker,
            team=team,
            post=post,
            org_role=5,
            contract="permanent",
            fte=Decimal(1),
            start_date=since,
            **left,
        )
        if n <= 10:
            CaseloadSnapshot.objects.create(worker=worker, date=dt.date(2024, 9, 27), cases=15)
    CaseloadSnapshot.objects.create(
        worker=Worker.objects.get(worker_id="W1"), date=dt.date(2023, 6, 30), cases=10
    )


@pytest.fixture
def register(db: None) -> None:
    build_register()


def signed_in_as(client: Client, role: Role) -> Client:
    client.force_login(User.objects.create_user(username=str(role), role=role))
    return client


@pytest.fixture
def signed_in_client(client: Client, db: None) -> Client:
    """A service manager: benchmarks are aggregates, which every signed-in role may see, and a
    manager sees the register's figures as they are, however few the people behind them.
    Councillors see those resting on 1 to 4 people as `c` (test_suppression.py)."""
    return signed_in_as(client, Role.SERVICE_MANAGER)


@pytest.fixture
def councillor_client(client: Client, db: None) -> Client:
    return signed_in_as(client, Role.COUNCILLOR)
