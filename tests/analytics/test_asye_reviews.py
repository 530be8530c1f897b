"""When ASYE reviews fall due: month ends, leap years, pauses for long absence; hand-worked dates."""

from datetime import date as D

import polars as pl
import pytest

from stabilise.analytics.asye_reviews import (
    add_months,
    due_date,
    pauses_of,
    review_lines,
    reviews_due,
    status_of,
)
from stabilise.analytics.frames import CouncilFrames


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),  # 31 January + 1 month: February's last day
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # ... in a leap year
        (D(2019, 11, 30), 3, D(2020, 2, 29)),
        (D(2019, 8, 31), 6, D(2020, 2, 29)),
        (D(2020, 2, 29), 12, D(2021, 2, 28)),  # 29 February + a year
        (D(2020, 2, 29), 3, D(2020, 5, 29)),
        (D(2019, 5, 31), 3, D(2019, 8, 31)),
        (D(2019, 10, 31), 3, D(2020, 1, 31)),  # across the year end
        (D(2019, 9, 9), 12, D(2020, 9, 9)),
    ],
)
def test_a_review_is_months_after_the_start_on_the_same_day_or_the_months_last(
    start, months, expected
):
    assert add_months(start, months) == expected
    assert due_date(start, months, []) == expected


def test_maternity_leave_of_any_length_pauses_the_asye():
    assert pauses_of([(D(2020, 1, 6), D(2020, 1, 10), "MAT")], D(2019, 9, 9)) == [
        (D(2020, 1, 6), D(2020, 1, 10))
    ]


def test_a_short_sickness_does_not_pause_but_four_weeks_or_more_does():
    start = D(2019, 9, 9)
    assert pauses_of([(D(2019, 10, 1), D(2019, 10, 27), "SIC")], start) == []  # 27 days
    assert pauses_of([(D(2019, 10, 1), D(2019, 10, 28), "SIC")], start) == [
        (D(2019, 10, 1), D(2019, 10, 28))
    ]


def test_training_and_public_duties_never_pause_however_long():
    start = D(2019, 9, 9)
    absences = [(D(2019, 10, 1), D(2019, 12, 1), "TRN"), (D(2020, 1, 1), D(2020, 3, 1), "pub")]
    assert pauses_of(absences, start) == []


def test_an_absence_before_the_start_counts_only_from_the_start_and_overlaps_merge():
    start = D(2019, 9, 9)
    absences = [
        (D(2019, 8, 1), D(2019, 9, 20), "MAT"),  # 12 days from the start
        (D(2019, 9, 15), D(2019, 9, 30), "SIC"),  # under 28 days: no pause of its own
        (D(2019, 11, 1), D(2019, 11, 30), "MAT"),
        (D(2019, 11, 20), D(2019, 12, 10), "MAT"),
        (D(2018, 1, 1), D(2018, 6, 1), "MAT"),  # over before the start
    ]
    assert pauses_of(absences, start) == [
        (D(2019, 9, 9), D(2019, 9, 20)),
        (D(2019, 11, 1), D(2019, 12, 10)),
    ]


def test_a_pause_moves_each_review_after_it_by_its_length():
    start = D(2019, 9, 9)
    pauses = [(D(2019, 11, 1), D(2019, 11, 30))]  # 30 days, before the 3-month review
    assert due_date(start, 3, pauses) == D(2020, 1, 8)  # 9 Dec + 30 days
    assert due_date(start, 12, pauses) == D(2020, 10, 9)  # 9 Sep + 30 days


def test_a_pause_after_a_review_leaves_it_alone():
    start = D(2019, 9, 9)
    pauses = [(D(2020, 1, 6), D(2020, 4, 26))]  # 112 days of maternity leave
    assert due_date(start, 3, pauses) == D(2019, 12, 9)
    assert due_date(start, 6, pauses) == D(2020, 6, 29)  # 9 Mar + 112 days
    assert due_date(start, 12, pauses) == D(2020, 12, 30)


def test_a_later_pause_counts_when_an_earlier_one_has_moved_the_review_past_it():
    start = D(2019, 9, 9)
    pauses = [(D(2019, 10, 1), D(2019, 10, 31)), (D(2019, 12, 20), D(2019, 12, 29))]
    # 9 Dec + 31 days = 9 Jan, past the second pause (from 20 Dec): + 10 days.
    assert due_date(start, 3, pauses) == D(2020, 1, 19)


@pytest.mark.parametrize(
    ("held", "due", "optional", "expected"),
    [
        (D(2020, 1, 2), D(2020, 1, 8), False, "done"),
        (D(2020, 2, 20), D(2020, 1, 8), False, "overdue"),  # held after the day asked about
        (None, D(2020, 2, 9), False, "overdue"),
        (None, D(2020, 2, 10), False, "due"),  # today
        (None, D(2020, 3, 9), False, "due"),  # 28 days on
        (None, D(2020, 3, 10), False, "later"),
        (None, D(2020, 1, 1), True, "optional"),
        (D(2020, 1, 2), D(2020, 1, 1), True, "done"),
    ],
)
def test_a_review_is_done_overdue_due_in_four_weeks_later_or_optional(
    held, due, optional, expected
):
    assert status_of(held, due, D(2020, 2, 10), optional=optional) == expected


def _frames(**asye_changes) -> CouncilFrames:
    nqsw = {
        "worker_id": "N1",
        "cohort": "2019 autumn",
        "programme_start": D(2019, 9, 9),
        "practice_lead": "Shelley Gill",
        "mentor_worker_id": "M1",
        "review_3m": D(2019, 12, 12),
        "review_6m": None,
        "review_9m": None,
        "review_12m": None,
        "outcome": "in_progress",
        "completed_on": None,
        "review_9m_required": False,
    }
    nqsw.update(asye_changes)
    return CouncilFrames.of(
        assignments=pl.DataFrame(
            {
                "assignment_id": ["A1"],
                "worker_id": ["N1"],
                "contract": ["permanent"],
                "fte": [1.0],
                "start_date": [D(2019, 9, 9)],
                "end_date": [None],
            }
        ),
        absences=pl.DataFrame(
            {
                "worker_id": ["N1"],
                "start_date": [D(2019, 10, 1)],
                "end_date": [D(2019, 10, 30)],
                "reason": ["SIC"],
                "working_days_lost": [22.0],
            }
        ),
        asye=pl.DataFrame([nqsw]),
    )


def test_an_nqsws_reviews_as_at_a_day_with_a_pause_for_long_sickness():
    # 30 days of sickness from 1 October move every review on by 30 days.
    lines = review_lines(_frames(), D(2020, 4, 1))
    assert [(line.month, line.due_on, line.status, line.paused_days) for line in lines] == [
        (3, D(2020, 1, 8), "done", 30),
        (6, D(2020, 4, 8), "due", 30),
        (9, D(2020, 7, 9), "optional", 30),
        (12, D(2020, 10, 9), "later", 30),
    ]


def test_the_nine_month_review_falls_due_when_the_practice_lead_asks_for_it():
    lines = review_lines(_frames(review_9m_required=True), D(2020, 7, 20))
    nine = next(line for line in lines if line.month == 9)
    assert nine.status == "overdue"


def test_reviews_due_lists_the_overdue_and_the_next_four_weeks_only():
    report = reviews_due(_frames(review_3m=None), D(2020, 4, 1))
    assert [(line.month, line.due_on) for line in report.overdue] == [(3, D(2020, 1, 8))]
    assert [(line.month, line.due_on) for line in report.due] == [(6, D(2020, 4, 8))]
    assert report.on_programme == 1
    assert report.for_practice_lead("Someone else").overdue == []
    assert report.for_practice_lead("Shelley Gill").overdue == report.overdue


@pytest.mark.parametrize(
    ("changes", "listed"),
    [
        ({"outcome": "passed", "completed_on": D(2020, 3, 1)}, False),
        ({"outcome": "passed", "completed_on": D(2020, 9, 1)}, True),  # not yet passed on D
        ({"outcome": "withdrawn"}, False),
        ({"outcome": "extended"}, True),
        ({"programme_start": D(2020, 5, 1)}, False),  # not started on D
    ],
)
def test_only_nqsws_on_the_programme_on_the_day_have_reviews(changes, listed):
    assert bool(review_lines(_frames(**changes), D(2020, 4, 1))) is listed
