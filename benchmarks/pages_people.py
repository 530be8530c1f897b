"""The people of the page benchmark (pages_under_load.py) and the pages each of them opens.

Run in the benchmark's own database after `stabilise demo`, with Django set up:

    DATABASE_URL=… python benchmarks/pages_people.py PEOPLE.json

Twenty people, one account each, modelled on the demo accounts of six roles (the demo account
itself is the first of each): 3 workforce leads, 3 service managers, 6 team managers (of the
first six teams with people, by name), 2 academy leads, 3 councillors and 3 social workers (each
linked to a permanent worker of the first team). One account each because two-factor accepts a
code once: several people signing in at once on one account would have to wait for the next code,
which is not how a council's staff sign in.

Each gets a new confirmed authenticator; its key goes into the JSON, as the key is on the
person's phone, and the benchmark computes the code from it. The pages each may open come from
the one access check's own scope helpers (visible_teams, visible_workers, visible_asye_records),
so every page asked for is one the person may see.
"""

import json
import os
import random
import sys
from datetime import timedelta
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stabilise.settings")

import django

django.setup()

from django.db.models import Q  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from stabilise.accounts.access import (  # noqa: E402
    visible_asye_records,
    visible_teams,
    visible_workers,
)
from stabilise.accounts.models import Role, User  # noqa: E402
from stabilise.demo.accounts import DEMO_PASSWORD  # noqa: E402
from stabilise.retention.selectors import leavers_between  # noqa: E402
from stabilise.workforce.models import Assignment, Team, Worker  # noqa: E402

# (demo account, role, how many people like them).
CROWD = (
    ("lead", Role.WORKFORCE_LEAD, 3),
    ("service", Role.SERVICE_MANAGER, 3),
    ("team", Role.TEAM_MANAGER, 6),
    ("academy", Role.ACADEMY_LEAD, 2),
    ("councillor", Role.COUNCILLOR, 3),
    ("worker", Role.SOCIAL_WORKER, 3),
)
# A workforce lead or service manager opens people from anywhere in the council: this many of
# those in post, chosen at random, is plenty for a minute.
SAMPLE_WORKERS = 60


def _in_post(today: Any) -> Q:
    return Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))


def _staffed_teams(today: Any) -> list[Team]:
    staffed = Assignment.objects.filter(_in_post(today)).values("team")
    return list(Team.objects.filter(pk__in=staffed).order_by("name"))


def _social_workers(team: Team, today: Any, count: int) -> list[Worker]:
    current = Assignment.objects.filter(_in_post(today), team=team, contract="permanent")
    ids = current.order_by("worker__worker_id").values_list("worker", flat=True).distinct()
    return list(Worker.objects.filter(pk__in=list(ids)[:count]).order_by("worker_id"))


def _account(username: str, role: Role) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.role = role
    user.is_demo = username in {"lead", "service", "academy", "councillor", "worker"}
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _usernames(base: str, count: int) -> list[str]:
    if base == "team":
        return [f"team-{chr(ord('a') + n)}" for n in range(count)]
    return [base] + [f"{base}-{n}" for n in range(2, count + 1)]


def _worker_paths(workers: list[str]) -> list[str]:
    return [reverse("worker", kwargs={"worker_id": w}) for w in workers]


def pages_of(user: User, today: Any, rng: random.Random) -> dict[str, list[str]]:
    """The kinds of page this person opens, each with the addresses it may take."""
    role = Role(user.role)
    if role == Role.SOCIAL_WORKER:
        assert user.worker is not None
        return {"worker": _worker_paths([user.worker.worker_id])}
    teams = [
        reverse("team", kwargs={"team_id": t})
        for t in visible_teams(user).values_list("team_id", flat=True)
    ]
    in_post = Worker.objects.filter(assignments__in=Assignment.objects.filter(_in_post(today)))
    workers = sorted(
        set(visible_workers(user, today).filter(pk__in=in_post).values_list("worker_id", flat=True))
    )
    if len(workers) > SAMPLE_WORKERS:
        workers = sorted(rng.sample(workers, SAMPLE_WORKERS))
    common = {
        "dashboard": ["/"],
        "weekly caseload": [reverse("weekly_caseload")],
        "benchmarks": [reverse("benchmarks")],
        "retention": [reverse("retention")],
        "retention curves": [reverse("retention_curves")],
        "themes": [reverse("exit_themes")],
    }
    academy = {
        "academy": [reverse("academy")],
        "academy reviews": [reverse("academy_reviews")],
        "academy mentors": [reverse("academy_mentors")],
    }
    if role == Role.COUNCILLOR:
        return {**common, "teams": [reverse("teams")]}
    if role == Role.TEAM_MANAGER:
        return {
            **common,
            "teams": [reverse("teams")],
            "team": teams,
            "worker": _worker_paths(workers),
            "academy reviews": [reverse("academy_reviews")],
            "who may be next": [reverse("who_may_be_next")],
        }
    if role == Role.ACADEMY_LEAD:
        records = visible_asye_records(user, today).select_related("cohort", "worker")
        nqsws = [
            reverse(
                "academy_nqsw", kwargs={"label": r.cohort.label, "worker_id": r.worker.worker_id}
            )
            for r in records.filter(cohort__label__in=_recent_cohorts(records))
        ]
        return {
            **common,
            **academy,
            "cohort": [
                reverse("academy_cohort", kwargs={"label": c}) for c in _recent_cohorts(records)
            ],
            "nqsw": nqsws,
            "worker": _worker_paths(workers),
        }
    leavers = leavers_between(today - timedelta(days=364), today)["worker_id"].unique().to_list()
    pages = {
        **common,
        **academy,
        "teams": [reverse("teams")],
        "team": teams,
        "worker": _worker_paths(workers),
        "leavers": [reverse("leavers")],
        "leaver": [reverse("leaver", kwargs={"worker_id": w}) for w in sorted(leavers)],
        "who may be next": [reverse("who_may_be_next")],
        "early warnings": [reverse("early_warnings")],
    }
    if role == Role.WORKFORCE_LEAD:
        pages["exit interviews"] = [reverse("exit_interviews")]
    return pages


def _recent_cohorts(records: Any) -> list[str]:
    """The academy's last four cohorts: the ones whose NQSWs are still on the programme."""
    labels = records.order_by("-cohort__label").values_list("cohort__label", flat=True)
    return sorted(set(labels))[-4:]


def _person(user: User, device: TOTPDevice, pages: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "username": user.username,
        "password": DEMO_PASSWORD,
        "role": Role(user.role).label,
        "key": device.key,
        "step": device.step,
        "digits": device.digits,
        "pages": pages,
    }


def main(out: str, seed: int) -> None:
    today = timezone.localdate()
    rng = random.Random(seed)
    teams = _staffed_teams(today)
    social_workers = _social_workers(teams[0], today, 3)
    people = []
    for base, role, count in CROWD:
        for n, username in enumerate(_usernames(base, count)):
            user = _account(username, role)
            user.worker = social_workers[n] if role == Role.SOCIAL_WORKER else None
            user.save()
            user.teams.set([teams[n]] if role == Role.TEAM_MANAGER else [])
            TOTPDevice.objects.filter(user=user).delete()
            device = TOTPDevice.objects.create(user=user, name="Benchmark phone", confirmed=True)
            people.append(_person(user, device, pages_of(user, today, rng)))
    # The floor's signed-in probe: a councillor of its own, so nobody's session is shared.
    probe = _account("floor-probe", Role.COUNCILLOR)
    TOTPDevice.objects.filter(user=probe).delete()
    device = TOTPDevice.objects.create(user=probe, name="Benchmark phone", confirmed=True)
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"people": people, "probe": _person(probe, device, {})}, file, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
