"""The council's register and the moves that change it: hire, leave, move, cover with agency.

`Register` holds posts, workers and assignments and knows how to make each change so that the
import rules hold: one in-post assignment per worker at a time (a move ends one assignment on a
Sunday and starts the next on the Monday), an agency booking ends the day before the post is
filled, and a disestablished post closes on the day it empties. `weeks.py` decides *when* these
changes happen.
"""

from datetime import date, timedelta

import numpy as np

from stabilise.demo.establishment import (
    ACADEMY,
    ACADEMY_CASE_HOLDER_GRADE,
    ACADEMY_TITLES,
    CASE_HOLDER,
    GRADES,
    JOB_TITLES,
    TEAM_MANAGER,
    TEAMS,
    TeamPlan,
)
from stabilise.demo.names import AGENCIES
from stabilise.demo.people import YEAR, People, Worker, pick
from stabilise.demo.reasons import DEST_AGENCY, why_leaving
from stabilise.demo.register import Assignment, Post
from stabilise.demo.story import AGENCY_COVER, AGENCY_RATE

DAY = timedelta(days=1)
WEEK = timedelta(weeks=1)
# Agency premiums over a case holder's rate.
RATE_BY_ROLE = {TEAM_MANAGER: 1.25, 4: 1.1, CASE_HOLDER: 1.0}


class Register:
    def __init__(self, rng: np.random.Generator, start: date, today: date) -> None:
        self.rng = rng
        self.start = start
        self.today = today
        self.people = People(rng)
        self.teams: dict[str, TeamPlan] = {team.team_id: team for team in TEAMS}
        self.posts: list[Post] = []
        self.workers: list[Worker] = []
        self.assignments: list[Assignment] = []
        self.worker: dict[str, Worker] = {}
        # The FTE a worker chooses to work: below 1.0 for those on flexible working.
        self.hours: dict[str, float] = {}
        # Former staff now working through agencies, who may come back to cover a vacancy:
        # (available from, worker_id, org_role).
        self.agency_pool: list[tuple[date, str, int]] = []
        self._posts_made: dict[str, int] = {}

    # --- posts -----------------------------------------------------------------------------

    def new_post(self, team_id: str, org_role: int, established_from: date,
                 hard_to_fill: bool = False) -> Post:
        made = self._posts_made.get(team_id, 0) + 1
        self._posts_made[team_id] = made
        academy = team_id == ACADEMY
        fte = 1.0
        if org_role == CASE_HOLDER and not academy and self.rng.random() < 0.12:
            fte = float(self.rng.choice([0.5, 0.6, 0.8]))
        elif org_role == 4 and self.rng.random() < 0.05:
            fte = 0.8
        post = Post(
            post_id=f"{team_id}-{made:03d}",
            team_id=team_id,
            org_role=org_role,
            job_title=(ACADEMY_TITLES if academy else JOB_TITLES)[org_role],
            grade=ACADEMY_CASE_HOLDER_GRADE if academy and org_role == CASE_HOLDER
            else GRADES[org_role],
            fte=fte,
            hard_to_fill=hard_to_fill,
            established_from=established_from,
        )
        self.posts.append(post)
        return post

    def vacate(self, post: Post, from_day: date) -> None:
        """The post is empty from `from_day`: close it, or start recruiting."""
        if post.closing:
            post.established_to = from_day - DAY
            return
        post.vacant_since = from_day
        # Recruitment starts when notice is given, so an appointment can follow soon after.
        post.recruit_from = from_day + 2 * WEEK
        academy_place = post.team_id == ACADEMY and post.org_role == CASE_HOLDER
        share = AGENCY_COVER.at(from_day) * (1.15 if post.hard_to_fill else 1.0)
        post.agency_wanted = not academy_place and self.rng.random() < share

    def close(self, post: Post, last_day: date) -> None:
        """Disestablish a post now if it is empty, else when its holder leaves."""
        post.closing = True
        if post.holder is None:
            post.established_to = last_day
            if post.cover is not None:
                self.end(post.cover, last_day)
                post.cover = None

    # --- people ----------------------------------------------------------------------------

    def add_worker(self, worker: Worker) -> Worker:
        self.workers.append(worker)
        self.worker[worker.worker_id] = worker
        return worker

    def years_qualified(self, worker_id: str, on: date) -> float:
        return (on - self.worker[worker_id].qualified_on).days / YEAR

    def age(self, worker_id: str, on: date) -> float:
        return (on - self.worker[worker_id].date_of_birth).days / YEAR

    # --- assignments -----------------------------------------------------------------------

    def assign(self, worker_id: str, team_id: str, post: Post | None, org_role: int,
               contract: str, fte: float, start: date, **extra: object) -> Assignment:
        assignment = Assignment(
            assignment_id=f"A{len(self.assignments) + 1:06d}",
            worker_id=worker_id,
            team_id=team_id,
            post_id=post.post_id if post else None,
            org_role=org_role,
            job_title=post.job_title if post else JOB_TITLES[org_role],
            contract=contract,
            fte=fte,
            start_date=start,
        )
        for name, value in extra.items():
            setattr(assignment, name, value)
        self.assignments.append(assignment)
        return assignment

    def end(self, assignment: Assignment, last_day: date) -> None:
        assignment.end_date = last_day

    def appoint(self, post: Post, worker_id: str, start: date, *, contract: str = "permanent",
                origin: int | None = None, fixed_weeks: int = 0) -> Assignment:
        """Put a worker in a post from `start`; any agency cover ends the day before."""
        if post.cover is not None:
            self.end(post.cover, start - DAY)
            post.cover = None
        fte = min(post.fte, self.hours.get(worker_id, 1.0))
        holder = self.assign(worker_id, post.team_id, post, post.org_role, contract, fte, start,
                             start_origin=origin)
        if contract == "fixed_term":
            holder.planned_end = start + fixed_weeks * WEEK
        post.holder = holder
        post.vacant_since = None
        return holder

    def hire(self, post: Post, worker: Worker, start: date, origin: int) -> Assignment:
        """An external appointment: mostly permanent, some fixed-term, a few part-time."""
        self.add_worker(worker)
        if post.fte == 1.0 and post.org_role != TEAM_MANAGER and self.rng.random() < 0.06:
            self.hours[worker.worker_id] = float(self.rng.choice([0.6, 0.8]))
        fixed = self.rng.random() < 0.08
        return self.appoint(post, worker.worker_id, start,
                            contract="fixed_term" if fixed else "permanent", origin=origin,
                            fixed_weeks=int(self.rng.choice([52, 78, 104])))

    def leave(self, post: Post, last_day: date, reason: int | None = None,
              destination: int | None = None) -> None:
        """The holder leaves the council; the post falls vacant. A `destination` given is known
        already (a neighbour recruiting), so it is recorded with the reason as they are."""
        holder = post.holder
        assert holder is not None
        self.end(holder, last_day)
        if destination is not None and reason is not None:
            holder.end_reason, holder.end_destination = reason, destination
        else:
            holder.end_reason, holder.end_destination = why_leaving(
                self.rng, last_day, self.today, reason
            )
        post.holder = None
        if holder.end_destination == DEST_AGENCY and self.rng.random() < 0.35:
            back = last_day + int(self.rng.integers(3, 13)) * WEEK
            self.agency_pool.append((back, holder.worker_id, holder.org_role))
        self.vacate(post, last_day + DAY)

    def move(self, source: Post, target: Post, last_day: date) -> Assignment:
        """An internal move or promotion: not a leaver, not a starter."""
        holder = source.holder
        assert holder is not None
        self.end(holder, last_day)
        source.holder = None
        contract = "permanent" if holder.contract == "fixed_term" else holder.contract
        moved = self.appoint(target, holder.worker_id, last_day + DAY, contract=contract)
        self.vacate(source, last_day + DAY)
        return moved

    # --- agency ----------------------------------------------------------------------------

    def agency_rate(self, org_role: int, hard_to_fill: bool, on: date) -> float:
        rate = AGENCY_RATE.at(on) * RATE_BY_ROLE[org_role] * (1.08 if hard_to_fill else 1.0)
        rate *= float(self.rng.uniform(0.92, 1.08))
        return round(min(55.0, max(30.0, rate)) * 4) / 4  # agencies quote in quarter-pounds

    def agency_worker(self, org_role: int, on: date) -> str:
        """A former member of staff back through an agency, or someone new to the council."""
        for index, (available, worker_id, role) in enumerate(self.agency_pool):
            if available <= on and role == org_role:
                if self.rng.random() < 0.5:
                    del self.agency_pool[index]
                    return worker_id
                break
        years = 2 + float(self.rng.gamma(2.0, 4.0)) + (5 if org_role == TEAM_MANAGER else 0)
        overseas = self.rng.random() < 0.15
        return self.add_worker(
            self.people.experienced(on, years, agency=True, overseas=overseas)
        ).worker_id

    def book_agency(self, team_id: str, post: Post | None, start: date,
                    planned_end: date | None = None) -> Assignment:
        """An agency worker covering a vacant post, or (no post) extra capacity."""
        org_role = post.org_role if post else CASE_HOLDER
        booking = self.assign(
            self.agency_worker(org_role, start), team_id, post, org_role, "agency",
            post.fte if post else 1.0, start,
            agency_name=pick(self.rng, AGENCIES),
            hourly_rate=self.agency_rate(org_role, bool(post and post.hard_to_fill), start),
            covers_vacancy=post is not None,
            planned_end=planned_end,
        )
        if post is not None:
            post.cover = booking
        return booking
