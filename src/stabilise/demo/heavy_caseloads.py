"""Heavy caseloads: spells when a social worker carries well above their team's share, and why
they make leaving likelier.

Now and then a worker in a team carries far more than their colleagues for a few months: a
large sibling group, a colleague's cases while a post is vacant, a court case that runs on.
The councils' reports name high caseloads among why their social workers leave (Sandwell's
exit interviews put them first; Buckinghamshire's review of recruitment and retention sets out
to address them), so here a heavy spell does the same:
- each week, a case holder or senior practitioner in a team (not the ASYE academy, whose
  caseloads are protected) who has been in post eight weeks and is not in a spell starts one
  with a small chance (SPELLS_A_YEAR a year); it lasts SPELL_WEEKS and adds EXTRA to their
  caseload, built up and eased off over BUILD_UP_DAYS (demo/caseloads.py draws it);
- a worker who, on the day they would give notice (NOTICE before their last day: the
  simulation's leaver goes on the Friday it decides), had been in a spell for SUSTAINED or
  more is HEAVY_LEAVING times as likely to go. Every other leaver's chance is divided by
  EVERYONE_ELSE so that the council's turnover keeps to its story.
They hand their cases over in their notice like everyone else (demo/caseloads.py), so on their
last day their caseload is ordinary: only what they carried before they gave notice shows it.
The spells come from their own generator, so drawing them never shifts the other draws.
"""

from datetime import date, timedelta

import numpy as np

from stabilise.demo.establishment import ACADEMY, CASE_HOLDER, SENIOR_PRACTITIONER
from stabilise.demo.register import Assignment, HeavySpell, Post

SPELLS_A_YEAR = 0.3
SPELL_WEEKS = (8, 26)  # shortest and longest, drawn evenly between
EXTRA = (0.3, 0.55)  # of their caseload, drawn evenly between: well past the 20% that
# who may be next calls high, through the weekly wander of every caseload
BUILD_UP_DAYS = 21
SETTLED = timedelta(weeks=8)  # a starter's caseload is still building up before this
SUSTAINED = timedelta(weeks=4)
NOTICE = timedelta(weeks=4)
HEAVY_LEAVING = 4.0
# Measured, not derived (more leavers means more new starters, who leave more): over seeds 1 to
# 24 the turnover at each 30 September 2019-2026 averages 16.6% with the spells and this
# divisor, 16.3% without the spells.
EVERYONE_ELSE = 1.22
# The spells' own generator is np.random.default_rng([seed, STREAM]). Which stream is arbitrary;
# with this one seed 1, the demo's, still tells every episode of the story (tests/demo).
STREAM = 9


class HeavyCaseloads:
    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng([seed, STREAM])

    def week(self, posts: list[Post], monday: date) -> None:
        """Start this week's heavy spells (one draw per post, whoever holds it)."""
        starts = self.rng.random(len(posts)).tolist()
        weeks = self.rng.integers(SPELL_WEEKS[0], SPELL_WEEKS[1] + 1, len(posts)).tolist()
        extras = self.rng.uniform(EXTRA[0], EXTRA[1], len(posts)).tolist()
        chance = SPELLS_A_YEAR / 52
        for post, start, length, extra in zip(posts, starts, weeks, extras, strict=True):
            holder = post.holder
            if (
                holder is None
                or post.team_id == ACADEMY
                or post.org_role not in (CASE_HOLDER, SENIOR_PRACTITIONER)
                or holder.start_date > monday - SETTLED
                or start >= chance
            ):
                continue
            if holder.heavy and holder.heavy[-1].last >= monday:
                continue
            last = monday + timedelta(weeks=length) - timedelta(days=1)
            holder.heavy.append(HeavySpell(monday, last, round(extra, 3)))


def leaving_factor(holder: Assignment, friday: date) -> float:
    """How much likelier than others this holder is to leave on `friday`."""
    notice_day = friday - NOTICE
    heavy = any(s.first + SUSTAINED <= notice_day <= s.last for s in holder.heavy)
    return (HEAVY_LEAVING if heavy else 1.0) / EVERYONE_ELSE


def heavy_shape(span: np.ndarray, spells: list[HeavySpell]) -> np.ndarray:
    """Per day of `span` (datetime64[D]), what the holder's heavy spells multiply their
    caseload by: 1 outside them, 1 + extra at their height."""
    shape = np.ones(len(span))
    for spell in spells:
        since = (span - np.datetime64(spell.first, "D")).astype(np.int64)
        until = (np.datetime64(spell.last, "D") - span).astype(np.int64)
        height = np.clip(np.minimum(since, until) / BUILD_UP_DAYS, 0.0, 1.0)
        shape *= 1 + spell.extra * height
    return shape
