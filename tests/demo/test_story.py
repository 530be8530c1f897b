"""The demo council has what a real one has: history, teams, intakes, moves, agency, leavers."""

from datetime import date, timedelta

import polars as pl

from stabilise.analytics.frames import CouncilFrames
from tests.demo.conftest import START, TODAY
from tests.demo.values import average, highest, lowest, percentile

ONE_DAY = timedelta(days=1)


def in_post(council: CouncilFrames) -> pl.DataFrame:
    return council.assignments.filter(pl.col("contract") != "agency")


def next_assignments(council: CouncilFrames) -> pl.DataFrame:
    """Each in-post assignment joined to the same worker's in-post assignment the day after."""
    rows = in_post(council)
    return rows.join(
        rows.with_columns(day_before=pl.col("start_date") - ONE_DAY),
        left_on=["worker_id", "end_date"],
        right_on=["worker_id", "day_before"],
        suffix="_next",
    )


def test_it_has_at_least_six_years_of_history(council: CouncilFrames) -> None:
    first, last = lowest(council.caseloads["date"]), highest(council.caseloads["date"])
    assert first - START < timedelta(days=7) and TODAY - last < timedelta(days=7)
    assert (last - first).days >= 6 * 365
    # People were already in post when the records began.
    assert (council.assignments["start_date"] < START).sum() >= 150


def test_it_has_about_fourteen_teams_across_the_services(council: CouncilFrames) -> None:
    assert 12 <= council.teams.height <= 16
    services = set(council.teams["service"])
    assert {"Families First", "Child Assessment", "Child Protection", "Children Looked After",
            "Care Leavers", "Fostering", "Adoption", "Children with Disabilities"} <= services
    roles = council.posts.group_by("team_id").agg(pl.col("org_role").unique().sort())
    assert all(sorted(r) == [3, 4, 5] for r in roles["org_role"])


def test_the_establishment_changes_over_time(council: CouncilFrames) -> None:
    posts = council.posts
    assert (posts["established_from"] > START).sum() >= 10
    assert posts["established_to"].drop_nulls().len() >= 5
    assert 5 <= posts["hard_to_fill"].sum() <= 40
    assert (posts["fte"] < 1).sum() >= 10 and average(posts["fte"] == 1) > 0.8


def test_newly_qualified_workers_join_in_march_and_september_every_year(
    council: CouncilFrames,
) -> None:
    intakes = council.assignments.filter(pl.col("start_origin") == 1)
    assert set(intakes["start_date"].dt.month()) == {3, 9}
    assert set(intakes["org_role"]) == {5}
    assert set(intakes["contract"]) == {"permanent"}
    by_year = intakes.group_by(pl.col("start_date").dt.year().alias("year")).agg(
        pl.col("start_date").dt.month().unique().sort().alias("months"), pl.len()
    )
    for year in range(START.year, TODAY.year + 1):
        row = by_year.filter(pl.col("year") == year)
        assert row["months"].to_list() == [[3, 9]], year
        assert 6 <= row["len"].item() <= 24, year


def test_newly_qualified_workers_hold_a_protected_caseload(council: CouncilFrames) -> None:
    day = date(2024, 11, 5)
    active = council.assignments.filter(
        (pl.col("start_date") <= day - timedelta(days=90))
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= day))
        & (pl.col("org_role") == 5)
    )
    per_fte = (
        council.caseloads.filter(pl.col("date") == day)
        .join(active, on="worker_id")
        .group_by(pl.col("team_id") == "ASYE")
        .agg((pl.col("cases").sum() / pl.col("fte").sum()).alias("per_fte"))
    )
    rates = dict(per_fte.iter_rows())
    assert 0.7 * rates[False] < rates[True] < 0.95 * rates[False]


def test_part_timers_hold_fewer_cases(council: CouncilFrames) -> None:
    day = date(2023, 5, 10)
    held = council.caseloads.filter(pl.col("date") == day).join(
        council.assignments.filter(
            (pl.col("start_date") <= day - timedelta(days=90))
            & (pl.col("end_date").is_null() | (pl.col("end_date") >= day))
            & (pl.col("org_role") == 5) & (pl.col("team_id") != "ASYE")
        ),
        on="worker_id",
    )
    mean = dict(held.group_by(pl.col("fte") < 1).agg(pl.col("cases").mean()).iter_rows())
    assert mean[True] < 0.85 * mean[False]


def test_caseloads_change_smoothly_day_to_day(council: CouncilFrames) -> None:
    steps = council.caseloads.sort("worker_id", "date").with_columns(
        step=(pl.col("cases") - pl.col("cases").shift(1)).abs().over("worker_id")
    )["step"].drop_nulls()
    assert average(steps) < 1.0
    assert percentile(steps, 0.99) <= 3


def test_people_move_between_teams_without_counting_as_leavers(council: CouncilFrames) -> None:
    moves = next_assignments(council).filter(pl.col("team_id") != pl.col("team_id_next"))
    assert moves.height >= 60  # ASYE graduates, sideways moves, promotions, restructures
    assert moves["end_reason"].null_count() == moves.height
    assert moves["start_origin_next"].null_count() == moves.height


def test_case_holders_are_promoted_to_senior_practitioner(council: CouncilFrames) -> None:
    promotions = next_assignments(council).filter(
        (pl.col("org_role") == 5) & (pl.col("org_role_next") == 4)
    )
    assert promotions.height >= 8


def test_agency_workers_cover_vacancies_and_add_capacity(council: CouncilFrames) -> None:
    agency = council.assignments.filter(pl.col("contract") == "agency")
    assert agency["agency_name"].null_count() == 0
    assert lowest(agency["hourly_rate"]) >= 30 and highest(agency["hourly_rate"]) <= 55
    cover = agency.filter(pl.col("post_id").is_not_null())
    extra = agency.filter(pl.col("post_id").is_null())
    assert cover["covers_vacancy"].all() and cover.height >= 100
    assert not extra["covers_vacancy"].any() and extra.height >= 5
    # Some agency workers take a permanent post; some leavers come back through an agency.
    made_permanent = in_post(council).filter(pl.col("start_origin") == 4)
    assert made_permanent.join(agency, on="worker_id").height >= 5
    returners = agency.join(in_post(council), on="worker_id").filter(
        pl.col("start_date") > pl.col("end_date_right")
    )
    assert returners.height >= 1


def test_leavers_mostly_resign_and_go_to_realistic_destinations(council: CouncilFrames) -> None:
    leavers = in_post(council).filter(pl.col("end_reason").is_not_null())
    assert leavers.height >= 150
    reasons = leavers["end_reason"].value_counts(sort=True)
    assert reasons["end_reason"][0] == 1 and reasons["count"][0] / leavers.height > 0.6
    destinations = set(leavers["end_destination"])
    assert {1, 3, 6, 8} <= destinations  # another council, agency, out of social work, unknown
    assert (leavers["end_reason"] == 5).sum() >= 1  # retirements


def test_starters_come_from_many_places(council: CouncilFrames) -> None:
    origins = set(in_post(council)["start_origin"].drop_nulls())
    assert {1, 2, 3, 4, 9} <= origins


def test_absence_is_mostly_short_sickness_with_some_long_term_maternity_and_training(
    council: CouncilFrames,
) -> None:
    absences = council.absences
    assert set(absences["reason"]) == {"SIC", "MAT", "TRN"}
    sick = absences.filter(pl.col("reason") == "SIC")
    assert sick.filter(pl.col("working_days_lost") >= 20).height >= 50
    assert average(sick["working_days_lost"] <= 5) > 0.7


def test_workers_have_realistic_characteristics(council: CouncilFrames) -> None:
    workers = council.workers
    assert workers["swe_number"].n_unique() == workers.height
    assert 0.55 < average(workers["ethnicity"] == "WBRI") < 0.85
    assert 0.75 < average(workers["gender"] == 2) < 0.92
    assert workers["step_up_grad"].sum() >= 5 and workers["frontline_grad"].sum() >= 5
    age_at_qualifying = (
        (workers["qualified_on"] - workers["date_of_birth"]).dt.total_days() / 365.25
    )
    assert lowest(age_at_qualifying) >= 21 and highest(age_at_qualifying) < 60
    first_start = council.assignments.group_by("worker_id").agg(pl.col("start_date").min())
    qualified_first = workers.join(first_start, on="worker_id").filter(
        pl.col("qualified_on") > pl.col("start_date")
    )
    assert qualified_first.is_empty()
