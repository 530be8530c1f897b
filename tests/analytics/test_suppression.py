"""Small-number suppression as the DfE publishes: 1 to 4 shown as `c`, rates on them withheld."""

import pytest

from stabilise.analytics.suppression import (
    RESTS_ON,
    SUPPRESSED,
    count_or_c,
    measure_or_c,
    measure_suppressed,
    withheld_unless,
)


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, 0), (1, "c"), (2, "c"), (3, "c"), (4, "c"), (5, 5), (120, 120), (None, None)],
)
def test_counts_from_1_to_4_are_shown_as_c_and_zero_and_5_up_as_they_are(count, shown) -> None:
    assert count_or_c(count) == shown


def test_a_rate_on_a_small_numerator_or_denominator_is_withheld() -> None:
    assert withheld_unless(12.5, 4, 40) == "c"
    assert withheld_unless(12.5, 40, 3) == "c"
    assert withheld_unless(12.5, 5, 40) == 12.5
    assert withheld_unless(0.0, 0, 40) == 0.0, "nobody is identified by a zero"


def test_an_fte_below_5_may_be_fewer_than_5_people_so_is_withheld() -> None:
    assert withheld_unless(17.9, 50, ftes=(4.8,)) == "c"
    assert withheld_unless(17.9, 50, ftes=(5.0,)) == 17.9
    assert withheld_unless(None, 0, ftes=(0.0,)) is None


MEASURES = {
    "inpost_headcount": 40,
    "inpost_fte": 37.5,
    "agency_headcount": 3,
    "agency_fte": 2.5,
    "agency_rate_fte": 6.25,
    "vacancy_fte": 4.0,
    "vacancy_rate_fte": 9.6,
    "agency_cover_fte": 2.0,
    "agency_cover_rate_fte": 5.0,
    "vacancy_agency_cover_rate_fte": 50.0,
    "starters_headcount": 6,
    "starters_fte": 5.5,
    "leavers_headcount": 2,
    "leavers_fte": 2.0,
    "turnover_rate_fte": 5.3,
    "cases": 610,
    "case_holders_fte": 34.0,
    "caseload_fte": 17.9,
    "working_days_lost_fte": 120.0,
    "absence_rate_fte": 1.3,
}


def test_each_measure_is_withheld_exactly_when_a_count_behind_it_is_small() -> None:
    shown = {key: measure_or_c(MEASURES, key) for key in MEASURES}

    assert shown == {
        **MEASURES,
        "agency_headcount": SUPPRESSED,
        "agency_fte": SUPPRESSED,
        "agency_rate_fte": SUPPRESSED,
        "agency_cover_fte": SUPPRESSED,
        "agency_cover_rate_fte": SUPPRESSED,
        "vacancy_agency_cover_rate_fte": SUPPRESSED,
        "leavers_headcount": SUPPRESSED,
        "leavers_fte": SUPPRESSED,
        "turnover_rate_fte": SUPPRESSED,
    }


def test_a_small_team_shows_no_figure_about_its_people_but_its_vacant_posts() -> None:
    team = {**MEASURES, "inpost_headcount": 4, "case_holders_fte": 3.6, "cases": 70}

    withheld = {key for key in RESTS_ON if measure_suppressed(team, key)}

    assert withheld == set(RESTS_ON) - {"vacancy_fte", "starters_headcount", "starters_fte"}


def test_every_measure_of_analytics_and_every_benchmarked_one_has_a_suppression_rule() -> None:
    from stabilise.analytics.benchmark import MEASURE_KEYS as BENCHMARKED
    from stabilise.analytics.measures import MEASURE_KEYS

    assert set(RESTS_ON) == set(MEASURE_KEYS) | set(BENCHMARKED)


def test_the_headcount_rates_rest_on_their_headcounts() -> None:
    few_leavers = {"leavers_headcount": 3, "agency_headcount": 7, "inpost_headcount": 40}

    assert measure_suppressed(few_leavers, "turnover_rate_headcount")
    assert not measure_suppressed(few_leavers, "agency_rate_headcount")
    assert measure_suppressed({**few_leavers, "inpost_headcount": 2}, "agency_rate_headcount")
