"""Heavy caseloads in the demo: spells of carrying far more than the team, which make a worker
likelier to leave, so that the demo's leavers differ from those who stay, as real councils'
do, and who may be next and the exit interviews tell the same story.

The rules, worked by hand (heavy_caseloads.py): a spell from Monday 2 June 2025 to Sunday
31 August 2025 adding 30 %. Its load builds up over 21 days: 1.0 on 2 June, 1.1 on 9 June, 1.3
from 23 June; it eases off from 10 August to 1.1 on 24 August and 1.0 on 1 September (past its
end). A leaver goes on a Friday; their notice day is 4 weeks before it, and the spell had been
sustained (4 weeks) on notice days from 30 June to 31 August: so leaving on Friday 4 July
(notice day 6 June) is as likely as anyone's, on 1 August (notice day 4 July) or 26 September
(29 August) four times as likely, and on 3 October (5 September, after the spell) ordinary
again. Every other leaver's chance is divided by EVERYONE_ELSE, keeping the council's turnover.
"""

from datetime import date, timedelta

import numpy as np
import polars as pl
import pytest

from stabilise.analytics import measure_parts as parts
from stabilise.analytics.academy import in_post_on
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.who_may_be_next import PEOPLE, circumstances
from stabilise.demo import heavy_caseloads as heavy
from stabilise.demo.academy import with_academy
from stabilise.demo.exit_interviews import with_exit_interviews
from stabilise.demo.register import Assignment, HeavySpell, Post
from tests.demo.conftest import TODAY
from tests.demo.values import average

day = date.fromisoformat
SPELL = HeavySpell(day("2025-06-02"), day("2025-08-31"), 0.3)


def holder(start: str = "2020-01-06", spells: tuple[HeavySpell, ...] = ()) -> Assignment:
    return Assignment("A1", "W1", "CA1", "CA1-001", 5, "Social Worker", "permanent", 1.0,
                      day(start), heavy=list(spells))  # fmt: skip


def test_a_spell_builds_up_over_three_weeks_and_eases_off_at_its_end():
    days = np.array(
        [day(d) for d in ("2025-06-02", "2025-06-09", "2025-06-23", "2025-07-15", "2025-08-24",
                          "2025-09-01")], dtype="datetime64[D]",
    )  # fmt: skip
    assert heavy.heavy_shape(days, [SPELL]).tolist() == pytest.approx(
        [1.0, 1.1, 1.3, 1.3, 1.1, 1.0]
    )


@pytest.mark.parametrize(
    ("friday", "heavier"),
    [("2025-07-04", False), ("2025-08-01", True), ("2025-09-26", True), ("2025-10-03", False)],
)
def test_a_spell_sustained_for_four_weeks_when_they_would_give_notice_makes_leaving_likelier(
    friday, heavier
):
    factor = heavy.leaving_factor(holder(spells=(SPELL,)), day(friday))
    assert factor == pytest.approx((heavy.HEAVY_LEAVING if heavier else 1.0) / heavy.EVERYONE_ELSE)
    assert heavy.leaving_factor(holder(), day(friday)) == pytest.approx(1 / heavy.EVERYONE_ELSE)


def post(team_id: str, org_role: int, occupant: Assignment | None) -> Post:
    return Post(f"{team_id}-{org_role}", team_id, org_role, "Social Worker", "Grade 10", 1.0,
                False, day("2015-01-01"), holder=occupant)  # fmt: skip


def test_spells_come_to_settled_case_holders_in_teams_and_never_two_at_once(monkeypatch):
    monkeypatch.setattr(heavy, "SPELLS_A_YEAR", 52.0)  # a spell whenever one can start
    monday = day("2025-06-02")
    settled, senior, busy = holder(), holder(), holder(spells=(SPELL,))
    new, nqsw, manager = holder(start="2025-04-14"), holder(), holder()
    posts = [post("CA1", 5, settled), post("CA1", 4, senior), post("CA1", 5, busy),
             post("CA1", 5, new), post("ASYE", 5, nqsw), post("CA1", 3, manager),
             post("CA1", 5, None)]  # fmt: skip
    heavy.HeavyCaseloads(seed=1).week(posts, monday)
    assert [len(a.heavy) for a in (settled, senior, busy, new, nqsw, manager)] == [1, 1, 1, 0, 0, 0]
    (spell,) = settled.heavy
    assert spell.first == monday and spell.last.weekday() == 6  # a Sunday
    assert 8 * 7 <= (spell.last - spell.first).days + 1 <= 26 * 7
    assert heavy.EXTRA[0] <= spell.extra <= heavy.EXTRA[1]


@pytest.fixture(scope="module")
def demo(council: CouncilFrames) -> CouncilFrames:
    return with_exit_interviews(with_academy(council, 1, TODAY), 1, TODAY)


@pytest.fixture(scope="module")
def leavers(demo: CouncilFrames) -> pl.DataFrame:
    """Every leaver since 2019 with circumstances() on their notice day and on their last."""
    left = parts.leavers(demo.assignments).filter(
        pl.col("end_date").is_between(date(2019, 1, 1), TODAY)
    )
    notice = left.select(
        "worker_id", left_on="end_date", as_at=pl.col("end_date") - timedelta(weeks=4)
    )
    at_notice = notice.join(
        circumstances(demo, notice.select("worker_id", "as_at")), on=["worker_id", "as_at"]
    )
    on_last_day = circumstances(demo, left.select("worker_id", as_at="end_date")).select(
        "worker_id", left_on="as_at", high_on_last_day="high_caseload"
    )
    return at_notice.join(on_last_day, on=["worker_id", "left_on"])


def in_post_share(demo: CouncilFrames) -> float:
    """The share of those in post with a high caseload, each 30 September 2019 to 2026."""
    days = [date(year, 9, 30) for year in range(2019, 2027)]
    people = pl.concat(
        [pl.DataFrame({"worker_id": in_post_on(demo.assignments, d), "as_at": d}, schema=PEOPLE)
         for d in days]
    )  # fmt: skip
    return average(circumstances(demo, people)["high_caseload"])


def test_leavers_had_a_high_caseload_when_they_gave_notice_far_more_often_than_stayers(
    demo, leavers
):
    assert leavers.height >= 200
    stayers = in_post_share(demo)
    assert average(leavers["high_caseload"]) >= 1.4 * stayers
    # On their last day, after handing their cases over, fewer have one than those in post.
    assert average(leavers["high_on_last_day"]) < stayers / 2


def test_leavers_with_a_high_caseload_when_they_gave_notice_say_so_in_their_exit_interview(
    demo, leavers
):
    held = demo.exit_interviews.filter(pl.col("status") == "held").select(
        "worker_id",
        "left_on",
        cites_caseload=pl.col("themes").fill_null("").str.contains("Caseload"),
    )
    said = leavers.join(held, on=["worker_id", "left_on"])
    heavy_ones = said.filter("high_caseload")
    assert heavy_ones.height >= 30
    assert average(heavy_ones["cites_caseload"]) >= 0.8
    assert average(said.filter(~pl.col("high_caseload"))["cites_caseload"]) < 0.5
