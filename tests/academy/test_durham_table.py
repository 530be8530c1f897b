"""Durham's Table 1 (seeds/003), rebuilt record by record and loaded through the import, gives
the report's numbers under the definitions of contracts/academy.md.

The report's "Retention once ASYE completed %" column is 100 × remain / numbers for cohorts 1 to
3 (7/12 = 58%, 8/19 = 42%, 9/12 = 75%): the table's `retained_of_started_pct`. Paragraph 18's
"68% of the NQSWs the Academy has supported to complete the ASYE" is 25 of the 37 who completed:
the total's `retained_of_completed_pct`. For cohort 4 the report counts "Remain" among those who
completed (1 of 1, "To date 100%"); the contract's `remain` counts all 26 still in post.
"""

import pytest

from stabilise.academy.selectors import academy_frames
from stabilise.analytics.academy import cohort_table, progression
from stabilise.workforce.importing import import_council
from tests.academy.durham import AS_AT, durham_files
from tests.workforce.council_files import write_folder

pytestmark = pytest.mark.django_db

OTHER_LA = "Social worker role in a different LA in England"
AGENCY = "Agency or consultancy in social work"
LEFT_PROFESSION = "Non-social care role, no employment, redundancy, career break or left England"

# cohort: numbers, completed, remain, left after completing, left mid, redeployed mid,
# yet to complete, retained of started %, retained of completed %, leaving destinations
EXPECTED = {
    "1": (12, 12, 7, 5, 0, 0, 0, 100 * 7 / 12, 100 * 7 / 12, {AGENCY: 5}),
    "2": (19, 13, 8, 5, 5, 1, 0, 100 * 8 / 19, 100 * 8 / 13, {OTHER_LA: 6, LEFT_PROFESSION: 4}),
    "3": (12, 11, 9, 2, 1, 0, 0, 75.0, 100 * 9 / 11, {OTHER_LA: 1, LEFT_PROFESSION: 2}),
    "4": (26, 1, 26, 0, 0, 0, 25, 100.0, 100.0, {}),
    "5": (14, 0, 14, 0, 0, 0, 14, 100.0, None, {}),
    "6": (10, 0, 10, 0, 0, 0, 10, 100.0, None, {}),
}
KEYS = (
    "numbers",
    "completed",
    "remain",
    "left_after_completing",
    "left_mid",
    "redeployed_mid",
    "yet_to_complete",
    "retained_of_started_pct",
    "retained_of_completed_pct",
    "leaving_destinations",
)


@pytest.fixture
def durham(tmp_path):
    result = import_council(write_folder(tmp_path / "durham", durham_files()), imported_by="test")
    assert result.ok, [str(p) for p in result.problems]
    return cohort_table(academy_frames(), AS_AT)


def _values(row) -> tuple:
    return tuple(getattr(row, key) for key in KEYS)


@pytest.mark.parametrize("cohort", sorted(EXPECTED))
def test_each_cohort_of_durhams_table_1_has_the_reports_numbers(durham, cohort):
    row = next(r for r in durham.cohorts if r.cohort == cohort)
    *counts, destinations = EXPECTED[cohort]
    assert _values(row)[:-1] == pytest.approx(tuple(counts))
    assert row.leaving_destinations == destinations


def test_cohort_2_has_19_nqsws_8_remaining_5_left_after_5_mid_1_redeployed_and_42_percent(durham):
    row = durham.cohorts[1]
    assert (row.cohort, row.numbers, row.remain) == ("2", 19, 8)
    assert (row.left_after_completing, row.left_mid, row.redeployed_mid) == (5, 5, 1)
    assert round(row.retained_of_started_pct) == 42


def test_over_all_cohorts_68_percent_of_those_who_completed_are_retained(durham):
    total = durham.total
    assert (total.cohort, total.numbers, total.completed) == ("Total", 93, 37)
    assert total.retained_of_completed_pct == pytest.approx(100 * 25 / 37)
    assert round(total.retained_of_completed_pct) == 68
    assert total.retained_of_started_pct == pytest.approx(100 * 74 / 93)
    assert (total.left_after_completing, total.left_mid, total.redeployed_mid) == (12, 6, 1)
    assert total.leaving_destinations == {OTHER_LA: 7, AGENCY: 5, LEFT_PROFESSION: 6}


def test_49_nqsws_are_yet_to_complete_from_the_week_beginning_7_october_2019(durham):
    # Paragraph 14: "the Social Work Academy will be supporting 49 NQSW to complete their ASYE".
    assert durham.total.yet_to_complete == 49


def test_cohort_4s_one_completer_still_in_post_is_the_reports_to_date_1_and_100_percent(durham):
    row = durham.cohorts[3]
    assert (row.numbers, row.completed, row.yet_to_complete) == (26, 1, 25)
    assert row.completed * row.retained_of_completed_pct / 100 == 1


def test_the_cohorts_come_in_order_of_their_first_start_with_their_periods(durham):
    assert [(r.cohort, r.period) for r in durham.cohorts] == [
        ("1", ("2016-05-09", "2016-05-23")),
        ("2", ("2017-01-09", "2017-02-06")),
        ("3", ("2017-09-11", "2017-10-02")),
        ("4", ("2018-09-03", "2019-03-04")),
        ("5", ("2019-09-02", "2019-09-02")),
        ("6", ("2019-10-07", "2019-10-07")),
    ]
    assert durham.total.period == ("2016-05-09", "2019-10-07")


def test_9_progressed_to_senior_social_worker_and_2_to_enhanced_practitioner(tmp_path, durham):
    steps = progression(academy_frames(), AS_AT)
    total = steps[-1]
    assert (total.cohort, total.completed) == ("Total", 37)
    assert (total.senior_practitioner, total.enhanced_practitioner, total.manager) == (9, 2, 0)
    assert [(p.cohort, p.senior_practitioner, p.enhanced_practitioner) for p in steps[:-1]] == [
        ("1", 5, 1),
        ("2", 3, 1),
        ("3", 1, 0),
        ("4", 0, 0),
    ]


def test_a_day_before_cohort_6_starts_it_is_not_in_the_table(durham):
    earlier = cohort_table(academy_frames(), AS_AT.replace(day=6))
    assert [r.cohort for r in earlier.cohorts] == ["1", "2", "3", "4", "5"]
    assert earlier.total.numbers == 83
