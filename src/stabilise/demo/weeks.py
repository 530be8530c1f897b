"""Week by week from the day records begin: who leaves, who is appointed, who covers.

Every week, in this order: the establishment changes; a neighbour's pay rise picks who it
recruits (story.PAY_RISES); heavy caseload spells start (heavy_caseloads.py); people leave
(their last day is the Friday; likelier after weeks of a heavy caseload) and fixed-term
contracts end; agency bookings end; newly qualified workers finish their ASYE year and move to
teams; vacancies are filled (by promotion, internal move, an agency worker
going permanent or an external appointment); an ASYE cohort starts in March and September;
vacancies are covered by agency; agency capacity is added during surges. Everyone starts on a
Monday. The draws happen in a fixed order over lists, so a seed always tells the same story.
"""

import math
from datetime import date

import numpy as np

from stabilise.demo.establishment import (
    ACADEMY,
    CASE_HOLDER,
    CHANGES,
    SENIOR_PRACTITIONER,
    SURGES,
    TEAM_MANAGER,
    intake_dates,
    monday_on_or_after,
)
from stabilise.demo.heavy_caseloads import HeavyCaseloads, leaving_factor
from stabilise.demo.reasons import (
    DEST_OTHER_LA,
    FROM_AGENCY,
    NEWLY_QUALIFIED,
    OTHER_REASON,
    RESIGNATION,
    RETIRED,
    where_from,
)
from stabilise.demo.register import Assignment, Post
from stabilise.demo.staffing import DAY, WEEK, Register
from stabilise.demo.story import (
    CONVERSION,
    LEAVING,
    PAY_RISE_MIN_YEARS_QUALIFIED,
    PAY_RISES,
    RECRUIT_WEEKS,
    PayRise,
)

BASE_TURNOVER = 0.145  # a year, for an ordinary case holder in an ordinary year
RETIRING = 0.25 / 52  # a week, from 60
ROLE_LEAVING = {TEAM_MANAGER: 0.7, SENIOR_PRACTITIONER: 0.75, CASE_HOLDER: 1.0}
# Newly qualified workers are placed where most of the work is.
GRADUATE_PREFERENCE = {"Families First": 0, "Child Assessment": 0, "Children Looked After": 1,
                       "Care Leavers": 1, "Child Protection": 2, "Children with Disabilities": 2,
                       "Fostering": 3, "Adoption": 3}
# Extra capacity: (surge index, booking).
Extras = list[tuple[int, Assignment]]


def weekly_chance(annual: float) -> float:
    return 1.0 - (1.0 - min(annual, 0.95)) ** (1 / 52)


class Weeks:
    def __init__(self, register: Register, heavy: HeavyCaseloads) -> None:
        self.r = register
        self.rng: np.random.Generator = register.rng
        self.heavy = heavy
        self.intakes = intake_dates(register.start.year - 2, register.today.year + 1)
        self.extras: Extras = []
        # Holders a neighbour has recruited (assignment id → their last Friday): they have
        # given notice, so neither leave otherwise nor move first.
        self.recruited: dict[str, date] = {}

    def run(self) -> None:
        monday = monday_on_or_after(self.r.start)
        while monday + WEEK <= self.r.today:
            self.week(monday)
            monday += WEEK

    def week(self, monday: date) -> None:
        friday, sunday, next_monday = monday + 4 * DAY, monday + 6 * DAY, monday + WEEK
        self.change_establishment(sunday, next_monday)
        for rise in PAY_RISES:
            if monday_on_or_after(rise.on) == monday:
                self.neighbour_recruits(rise, monday)
        self.heavy.week(self.r.posts, monday)
        self.leavers(monday, friday, sunday)
        self.agency_ends(monday, friday)
        self.graduations(sunday, next_monday)
        self.fill_vacancies(monday, sunday, next_monday)
        if next_monday in self.intakes:
            self.intake(next_monday)
        self.cover_vacancies(next_monday)
        self.surges(next_monday, friday)

    # --- establishment ---------------------------------------------------------------------

    def change_establishment(self, sunday: date, next_monday: date) -> None:
        for change in CHANGES:
            if monday_on_or_after(change.on) != next_monday:
                continue
            if change.count > 0:
                for _ in range(change.count):
                    post = self.r.new_post(change.team_id, change.org_role, next_monday)
                    self.r.vacate(post, next_monday)
                    post.recruit_from = next_monday  # recruited ahead of the start date
                continue
            # Empty posts go first, then those whose holder can be redeployed.
            candidates = [p for p in self.r.posts if p.team_id == change.team_id
                          and p.org_role == change.org_role and p.is_open(next_monday)
                          and not p.closing]
            candidates.sort(key=lambda p: (p.holder is not None, p.cover is not None))
            for post in candidates[: abs(change.count)]:
                self.r.close(post, sunday)
                if post.holder is not None:
                    targets = [p for p in self.vacancies(next_monday, post.org_role)
                               if p.team_id != post.team_id]
                    if targets:
                        self.r.move(post, targets[0], sunday)

    def vacancies(self, day: date, org_role: int) -> list[Post]:
        """Open, unfilled team posts of a role, longest vacant first (no ASYE places)."""
        empty = [p for p in self.r.posts if p.org_role == org_role and p.is_vacant(day)
                 and not (p.team_id == ACADEMY and org_role == CASE_HOLDER)]
        return sorted(empty, key=lambda p: (p.vacant_since or day, p.post_id))

    # --- leaving ---------------------------------------------------------------------------

    def neighbour_recruits(self, rise: PayRise, monday: date) -> None:
        """Experienced permanent holders in the teams nearest the neighbour accept its offers,
        each leaving on a different Friday of the weeks that follow."""
        candidates = [
            p for p in self.r.posts
            if p.team_id in rise.team_ids and p.holder is not None and not p.closing
            and p.org_role in (SENIOR_PRACTITIONER, CASE_HOLDER)
            and p.holder.contract == "permanent"
            and p.holder.start_date <= monday - 52 * WEEK
            and self.r.years_qualified(p.holder.worker_id, monday) >= PAY_RISE_MIN_YEARS_QUALIFIED
        ]
        chosen = self.rng.permutation(len(candidates))[: rise.leavers]
        weeks = sorted(self.rng.choice(rise.weeks, size=len(chosen), replace=False).tolist())
        for index, week in zip(chosen.tolist(), weeks, strict=True):
            holder = candidates[index].holder
            assert holder is not None
            self.recruited[holder.assignment_id] = monday + week * WEEK + 4 * DAY

    def leavers(self, monday: date, friday: date, sunday: date) -> None:
        # One draw per post per week, made together: far quicker than one call per post.
        draws = self.rng.random(len(self.r.posts)).tolist()
        for post, draw in zip(self.r.posts, draws, strict=True):
            holder = post.holder
            if holder is None or holder.start_date > monday - 4 * WEEK:
                continue
            if holder.assignment_id in self.recruited:
                if self.recruited[holder.assignment_id] <= friday:
                    self.r.leave(post, friday, RESIGNATION, destination=DEST_OTHER_LA)
                continue
            if holder.planned_end is not None and holder.planned_end <= friday:
                self.fixed_term_ends(post, holder, friday, sunday)
                continue
            chance = self.leaving_chance(post, holder, monday)
            if draw < chance:
                self.r.leave(post, friday)
            elif draw < chance + RETIRING and self.r.age(holder.worker_id, monday) >= 60:
                self.r.leave(post, friday, RETIRED)

    def leaving_chance(self, post: Post, holder: Assignment, monday: date) -> float:
        team = self.r.teams[post.team_id]
        annual = BASE_TURNOVER * LEAVING.at(monday) * team.leaving * ROLE_LEAVING[post.org_role]
        if post.team_id != ACADEMY and self.r.years_qualified(holder.worker_id, monday) < 3:
            annual *= 1.3  # the second and third years are when new social workers leave
        annual *= leaving_factor(holder, monday + 4 * DAY)  # a heavy caseload before notice
        return weekly_chance(annual)

    def fixed_term_ends(self, post: Post, holder: Assignment, friday: date,
                        sunday: date) -> None:
        if self.rng.random() < 0.6:
            # Made permanent: the same person carries on in the same post.
            self.r.end(holder, sunday)
            post.holder = None
            self.r.appoint(post, holder.worker_id, sunday + DAY)
        else:
            self.r.leave(post, friday, OTHER_REASON)

    def agency_ends(self, monday: date, friday: date) -> None:
        draws = self.rng.random(len(self.r.posts)).tolist()
        for post, draw in zip(self.r.posts, draws, strict=True):
            cover = post.cover
            if cover is not None and cover.start_date <= monday - 4 * WEEK and draw < 1 / 40:
                self.r.end(cover, friday)
                post.cover = None
        for index, booking in list(self.extras):
            if (booking.planned_end is not None and booking.planned_end <= friday) or (
                booking.start_date <= monday - 4 * WEEK and self.rng.random() < 1 / 30
            ):
                self.r.end(booking, min(friday, booking.planned_end or friday))
                self.extras.remove((index, booking))

    # --- filling posts ---------------------------------------------------------------------

    def graduations(self, sunday: date, next_monday: date) -> None:
        """After their ASYE year, newly qualified workers move to team vacancies."""
        ready = [p for p in self.r.posts if p.team_id == ACADEMY and p.org_role == CASE_HOLDER
                 and p.holder is not None
                 and (next_monday - p.holder.start_date).days >= 350]
        if not ready:
            return
        ready.sort(key=lambda p: (p.holder.start_date if p.holder else next_monday, p.post_id))
        targets = sorted(
            self.vacancies(next_monday, CASE_HOLDER),
            key=lambda p: GRADUATE_PREFERENCE[self.r.teams[p.team_id].service],
        )
        for source, target in zip(ready, targets, strict=False):
            self.r.move(source, target, sunday)

    def fill_vacancies(self, monday: date, sunday: date, next_monday: date) -> None:
        posts = list(self.r.posts)
        draws = self.rng.random(len(posts)).tolist()
        for post, draw in zip(posts, draws, strict=True):
            if post.holder is not None or post.recruit_from is None:
                continue
            if post.team_id == ACADEMY and post.org_role == CASE_HOLDER:
                continue  # ASYE places are filled at the intakes
            if (post.recruit_from > next_monday or not post.is_vacant(next_monday)
                    or draw >= self.fill_chance(post, monday)):
                continue
            self.fill(post, sunday, next_monday)

    def fill_chance(self, post: Post, monday: date) -> float:
        weeks = RECRUIT_WEEKS.at(monday)
        weeks *= 1.6 if post.hard_to_fill else 1.0
        weeks *= 0.8 if self.r.teams[post.team_id].leaving < 1 else 1.0
        weeks *= 0.9 if post.org_role != CASE_HOLDER else 1.0
        return 1 / weeks

    def fill(self, post: Post, sunday: date, start: date) -> None:
        cover = post.cover
        if cover is not None and self.rng.random() < CONVERSION.at(start):
            # The agency worker takes the post on a permanent contract.
            self.r.appoint(post, cover.worker_id, start, origin=FROM_AGENCY)
            return
        internal = {TEAM_MANAGER: 0.45, SENIOR_PRACTITIONER: 0.5, CASE_HOLDER: 0.1}
        if self.rng.random() < internal[post.org_role]:
            candidate = self.internal_candidate(post, start)
            if candidate is not None:
                self.r.move(candidate, post, sunday)
                return
        origin = where_from(self.rng, start)
        years = {TEAM_MANAGER: 8.0, SENIOR_PRACTITIONER: 4.0, CASE_HOLDER: 1.0}[post.org_role]
        years += float(self.rng.gamma(2.0, 3.5))
        worker = self.r.people.experienced(start, years, overseas=origin == 3)
        self.r.hire(post, worker, start, origin)

    def internal_candidate(self, post: Post, start: date) -> Post | None:
        """A post whose holder could step up (or, for case holders, across) into `post`."""
        team = self.r.teams[post.team_id]
        from_role = {TEAM_MANAGER: SENIOR_PRACTITIONER, SENIOR_PRACTITIONER: CASE_HOLDER,
                     CASE_HOLDER: CASE_HOLDER}[post.org_role]
        candidates = []
        for other in self.r.posts:
            holder = other.holder
            if (holder is None or other.org_role != from_role or other.team_id == ACADEMY
                    or other.post_id == post.post_id or holder.contract != "permanent"
                    or holder.start_date > start - 52 * WEEK
                    or holder.assignment_id in self.recruited):
                continue
            if post.org_role == SENIOR_PRACTITIONER and self.r.years_qualified(
                holder.worker_id, start
            ) < 3:
                continue
            if post.org_role == CASE_HOLDER and (
                other.team_id == post.team_id
                or self.r.teams[other.team_id].leaving <= team.leaving
            ):
                continue  # sideways moves are away from the front door
            candidates.append(other)
        if not candidates:
            return None
        order = self.rng.permutation(len(candidates))
        shuffled = [candidates[int(i)] for i in order]
        # Own team first, then the same service.
        shuffled.sort(key=lambda p: (p.team_id != post.team_id,
                                     self.r.teams[p.team_id].service != team.service))
        return shuffled[0]

    def intake(self, start: date) -> None:
        """A cohort of newly qualified social workers fills the ASYE academy's empty places.

        A cohort takes at most 60% of the places so that the March and September cohorts stay
        about the same size when the academy grows.
        """
        places = [p for p in self.r.posts if p.team_id == ACADEMY
                  and p.org_role == CASE_HOLDER and p.is_open(start) and not p.closing]
        empty = [p for p in places if p.holder is None]
        for post in empty[: math.ceil(0.6 * len(places))]:
            worker = self.r.add_worker(self.r.people.newly_qualified(start))
            self.r.appoint(post, worker.worker_id, start, origin=NEWLY_QUALIFIED)

    # --- agency ----------------------------------------------------------------------------

    def cover_vacancies(self, start: date) -> None:
        draws = self.rng.random(len(self.r.posts)).tolist()
        for post, draw in zip(self.r.posts, draws, strict=True):
            if (draw < 0.5 and post.agency_wanted and post.cover is None
                    and post.holder is None and post.vacant_since is not None
                    and post.vacant_since <= start and post.is_vacant(start)):
                self.r.book_agency(post.team_id, post, start)

    def surges(self, start: date, friday: date) -> None:
        for index, surge in enumerate(SURGES):
            if not surge.first <= start <= surge.last:
                continue
            active = sum(1 for i, _ in self.extras if i == index)
            if active < surge.count and self.rng.random() < 0.3:
                weeks = int(self.rng.integers(12, 40))
                planned = min(surge.last, start + weeks * WEEK - 3 * DAY)
                booking = self.r.book_agency(surge.team_id, None, start, planned)
                self.extras.append((index, booking))

