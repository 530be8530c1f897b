"""The register as it stands on the day records begin.

Posts exist from an earlier restructure; most are held by people who started years before
(their assignments start before the records do); about one in eight is vacant, most of those
covered by agency; the ASYE academy holds the two latest cohorts.
"""

from datetime import date, timedelta

from stabilise.demo.establishment import (
    ACADEMY,
    CASE_HOLDER,
    SENIOR_PRACTITIONER,
    TEAM_MANAGER,
    TEAMS,
    intake_dates,
    monday_on_or_after,
)
from stabilise.demo.people import YEAR
from stabilise.demo.reasons import NEWLY_QUALIFIED, historic_origin
from stabilise.demo.register import Post
from stabilise.demo.staffing import WEEK, Register

MEAN_YEARS_IN_POST = {TEAM_MANAGER: 5.0, SENIOR_PRACTITIONER: 5.0, CASE_HOLDER: 4.0}
# At least a year, so that a summer qualification date never falls after the start.
YEARS_QUALIFIED_BEFORE = {TEAM_MANAGER: 8.0, SENIOR_PRACTITIONER: 4.0, CASE_HOLDER: 1.0}


def open_register(register: Register) -> None:
    rng, start = register.rng, register.start
    for team in TEAMS:
        established = date(start.year - int(rng.integers(2, 9)), 4, 1)
        roles = [TEAM_MANAGER] + [SENIOR_PRACTITIONER] * team.seniors
        roles += [CASE_HOLDER] * team.case_holders
        case_holders_seen = 0
        for role in roles:
            hard = team.hard_to_fill > 0 and (
                role == TEAM_MANAGER
                or (role == CASE_HOLDER and case_holders_seen < team.hard_to_fill)
            )
            case_holders_seen += role == CASE_HOLDER
            register.new_post(team.team_id, role, established, hard)
    cohorts = [day for day in intake_dates(start.year - 2, start.year) if day < start][-2:]
    places = 0
    for post in list(register.posts):
        if post.team_id == ACADEMY and post.org_role == CASE_HOLDER:
            cohort = cohorts[places % 2]
            places += 1
            if rng.random() < 0.1:
                register.vacate(post, cohorts[-1])
                continue
            worker = register.add_worker(register.people.newly_qualified(cohort))
            register.appoint(post, worker.worker_id, cohort, origin=NEWLY_QUALIFIED)
        else:
            staff_post(register, post)


def staff_post(register: Register, post: Post) -> None:
    rng, start = register.rng, register.start
    if rng.random() < 0.15 * (1.8 if post.hard_to_fill else 1.0):
        since = max(post.established_from, start - int(rng.integers(2, 40)) * WEEK)
        register.vacate(post, since)
        cover_from = monday_on_or_after(since + int(rng.integers(1, 6)) * WEEK)
        if post.agency_wanted and cover_from < start:
            register.book_agency(post.team_id, post, cover_from)
        return
    fixed = rng.random() < 0.06
    years_in_post = (float(rng.uniform(0.1, 1.0)) if fixed
                     else float(rng.exponential(MEAN_YEARS_IN_POST[post.org_role])))
    began = monday_on_or_after(
        max(post.established_from, start - timedelta(days=int(years_in_post * YEAR) + 7))
    )
    years = YEARS_QUALIFIED_BEFORE[post.org_role] + float(rng.gamma(2.0, 2.5))
    years += (start - began).days / YEAR
    worker = register.add_worker(register.people.experienced(start, years))
    if post.fte == 1.0 and post.org_role != TEAM_MANAGER and rng.random() < 0.06:
        register.hours[worker.worker_id] = float(rng.choice([0.6, 0.8]))
    weeks_left = (start - began).days // 7 + int(rng.integers(4, 52))
    register.appoint(post, worker.worker_id, began,
                     contract="fixed_term" if fixed else "permanent",
                     origin=historic_origin(rng, began, worker.qualified_on),
                     fixed_weeks=weeks_left)
