"""The demo council's exit interviews tell a believable story: most leavers invited and
interviewed, the latest not yet, themes that follow from what happened to each leaver, and
Northshire's pay rise in spring 2026, which the early-warning rules would catch.

The episode is counted from the exported files themselves (exit_interviews.csv beside
assignments.csv), as the import and the rules will read them."""

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from stabilise.analytics import measure_parts as parts
from stabilise.analytics.frames import CouncilFrames
from stabilise.demo.academy import with_academy
from stabilise.demo.exit_interviews import leavings, simulate_exit_interviews, with_exit_interviews
from stabilise.demo.export import export_council
from stabilise.demo.story import PAY_RISES
from stabilise.workforce.importing.checks import Existing, check_register
from stabilise.workforce.importing.exit_interview_checks import parse_themes
from stabilise.workforce.importing.parsing import parse_table
from stabilise.workforce.importing.reading import read_source
from tests.demo.conftest import TODAY

OTHER_LA = "1"  # Social worker role in a different LA in England
AGENCY, RETIRED = 3, 5


@pytest.fixture(scope="module")
def demo(council: CouncilFrames) -> CouncilFrames:
    return with_exit_interviews(with_academy(council, 1, TODAY), 1, TODAY)


@pytest.fixture(scope="module")
def exported(demo: CouncilFrames, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo") / "wessex"
    export_council(demo, directory)
    return directory


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def held(demo: CouncilFrames) -> pl.DataFrame:
    return demo.exit_interviews.filter(pl.col("status") == "held").join(
        demo.assignments.select("worker_id", left_on="end_date", reason="end_reason",
                                destination="end_destination"),
        on=["worker_id", "left_on"],
    )


def cites(themes: str | None, theme: str) -> bool:
    return theme in parse_themes(themes)[0]


def most_in_a_window(days: list[date], window: int) -> int:
    """The most leavings on days within `window` days of each other (first to last)."""
    days = sorted(days)
    return max(
        (sum(1 for other in days[i:] if (other - day).days <= window) for i, day in
         enumerate(days)),
        default=0,
    )


def test_the_same_seed_and_day_give_the_same_interviews_and_another_seed_others(demo):
    again = simulate_exit_interviews(demo, 1, TODAY)
    assert again.equals(demo.exit_interviews)
    assert not simulate_exit_interviews(demo, 2, TODAY).equals(demo.exit_interviews)


def test_every_interview_is_of_a_real_leaving_in_the_register(demo):
    real = set(parts.leavers(demo.assignments).select("worker_id", "end_date").iter_rows())
    interviews = set(demo.exit_interviews.select("worker_id", "left_on").iter_rows())
    assert interviews <= real
    assert demo.exit_interviews.select("worker_id", "left_on").is_duplicated().sum() == 0


def test_most_leavers_are_invited_and_most_interviews_held_some_declined(demo):
    leavers = parts.leavers(demo.assignments).filter(pl.col("end_date") <= TODAY).height
    statuses = dict(demo.exit_interviews["status"].value_counts().iter_rows())
    invited = demo.exit_interviews.height
    assert 0.85 < invited / leavers < 0.99
    assert 0.7 < statuses["held"] / invited < 0.9
    assert 0.05 < statuses["declined"] / invited < 0.2
    interviews = demo.exit_interviews
    assert interviews.filter(pl.col("status") == "held")["held_on"].null_count() == 0
    assert interviews.filter(pl.col("status") != "held")["held_on"].null_count() == (
        interviews.filter(pl.col("status") != "held").height
    )
    assert (interviews["held_on"].drop_nulls() <= TODAY).all()


def test_the_most_recent_leavers_are_invited_or_scheduled_not_yet_interviewed(demo):
    recent = demo.exit_interviews.filter(pl.col("left_on") > TODAY - timedelta(weeks=6))
    assert recent.height >= 2
    assert (recent["status"] != "held").sum() / recent.height >= 0.6
    assert set(recent["status"]) & {"invited", "scheduled"}
    # A reason "not yet collected" means HR has not had the interview.
    pending = held(demo).filter(pl.col("reason") == 10)
    assert pending.is_empty()


def test_themes_follow_from_why_and_where_each_leaver_went(demo):
    interviews = held(demo)
    for row in interviews.iter_rows(named=True):
        themes = parse_themes(row["themes"])[0]
        if row["reason"] == RETIRED:
            assert themes.get("Retirement") == 3, row
        if row["destination"] == AGENCY:
            assert themes.get("Agency pay") == 3, row
        if row["destination"] == 1:
            assert {"Pay", "Progression", "Travel and geography", "Supervision and support"} & set(
                themes
            ), row
    # Agency pay is at its height in the 2022 shortage.
    agency_pay = interviews.filter(
        pl.col("themes").map_elements(lambda t: cites(t, "Agency pay"), return_dtype=pl.Boolean)
    )
    by_year = agency_pay.group_by(pl.col("left_on").dt.year()).len()
    assert by_year.sort("len", descending=True)["left_on"][0] == 2022


def test_those_with_high_caseloads_before_leaving_say_so(demo):
    themes = {
        (w, day): parse_themes(t)[0]
        for w, day, t in held(demo).select("worker_id", "left_on", "themes").iter_rows()
    }
    heavy = [leaving for leaving in leavings(demo) if leaving.high_caseload
             and (leaving.worker_id, leaving.left_on) in themes]
    assert len(heavy) >= 20
    assert all("Caseload" in themes[(h.worker_id, h.left_on)] for h in heavy)
    # Nobody whose caseload was light makes Caseload their main reason.
    light = [leaving for leaving in leavings(demo) if not leaving.high_caseload
             and (leaving.worker_id, leaving.left_on) in themes]
    assert not any(themes[(h.worker_id, h.left_on)].get("Caseload") == 3 for h in light)


def test_newly_qualified_workers_leaving_after_their_asye_cite_support_or_progression(demo):
    finished = demo.asye.filter(pl.col("completed_on").is_not_null()).select(
        "worker_id", "completed_on"
    )
    soon = held(demo).join(finished, on="worker_id").filter(
        (pl.col("left_on") > pl.col("completed_on"))
        & (pl.col("left_on") < pl.col("completed_on") + pl.duration(days=540))
        & ~pl.col("reason").is_in([RETIRED])
        & (pl.col("destination") != AGENCY)
    )
    assert soon.height >= 5
    for row in soon.iter_rows(named=True):
        assert {"Supervision and support", "Progression", "Pay"} & set(
            parse_themes(row["themes"])[0]
        ), row


def test_regretted_and_would_return_are_plausible(demo):
    interviews = held(demo)
    retired = interviews.filter(pl.col("reason") == RETIRED)
    assert retired.height >= 3 and retired["regretted"].sum() <= retired.height / 3
    to_northshire = interviews.filter(pl.col("new_employer") == "Northshire County Council")
    assert to_northshire["regretted"].mean() > 0.6  # type: ignore[operator]
    assert set(interviews["would_return"].drop_nulls()) == {"yes", "maybe", "no"}
    assert interviews["comments"].null_count() == 0
    assert not interviews["comments"].str.contains(r"[{}]").any()


def test_northshire_s_pay_rise_trips_both_early_warning_rules_in_the_exported_files(exported):
    left = {
        (a["worker_id"], a["end_date"]): a["end_destination"]
        for a in rows(exported / "assignments.csv")
        if a["end_reason"]
    }
    interviews = rows(exported / "exit_interviews.csv")
    rise = PAY_RISES[0]
    episode = [
        i for i in interviews
        if rise.on <= date.fromisoformat(i["left_on"]) < rise.on + timedelta(weeks=rise.weeks)
    ]
    pay_to_northshire = [
        date.fromisoformat(i["left_on"]) for i in episode
        if i["status"] == "held" and cites(i["themes"], "Pay")
        and i["new_employer"] == "Northshire County Council"
        and left[(i["worker_id"], i["left_on"])] == OTHER_LA
    ]
    # "3 or more leavers within 60 days citing the same theme"
    assert most_in_a_window(pay_to_northshire, 60) >= 3
    # "2 or more leavers to the same destination within 90 days"
    to_another_la = [date.fromisoformat(day) for (_, day), dest in left.items() if dest == OTHER_LA
                     and rise.on <= date.fromisoformat(day) < rise.on + timedelta(days=90)]
    assert most_in_a_window(to_another_la, 90) >= 3
    # Before the rise, nobody named Pay to Northshire in such a cluster.
    earlier = [
        date.fromisoformat(i["left_on"]) for i in interviews
        if date.fromisoformat(i["left_on"]) < rise.on and cites(i["themes"], "Pay")
        and i["new_employer"] == "Northshire County Council"
    ]
    assert most_in_a_window(earlier, 60) < 3


def test_the_pay_rise_is_part_of_the_simulation_whatever_the_seed():
    from stabilise.demo.simulation import simulate_council

    rise = PAY_RISES[0]
    for seed in (2, 3):
        frames = simulate_council(seed=seed, today=date(2026, 8, 1))
        went = frames.assignments.filter(
            pl.col("end_date").is_between(rise.on, rise.on + timedelta(weeks=rise.weeks))
            & (pl.col("end_destination") == 1) & (pl.col("end_reason") == 1)
            & pl.col("team_id").is_in(list(rise.team_ids))
        )
        assert went.height >= rise.leavers, seed


def test_the_exported_exit_interviews_pass_the_import_checks(exported):
    source = read_source(exported, max_bytes=10**10)
    tables, labels, problems = {}, {}, []
    for raw in source.tables:
        typed, bad = parse_table(raw)
        tables[raw.name], labels[raw.name] = typed, raw.label
        problems += bad
    assert "exit_interviews" in tables
    assert source.problems + problems + check_register(tables, labels, Existing()) == []
    assert tables["exit_interviews"].height > 200


def test_nothing_in_the_interviews_draws_on_the_global_random_state(council):
    np.random.seed(7)
    one = simulate_exit_interviews(with_academy(council, 1, TODAY), 1, TODAY)
    np.random.seed(8)
    assert one.equals(simulate_exit_interviews(with_academy(council, 1, TODAY), 1, TODAY))
