"""Who may be next, on a hand-built council as at Friday 13 June 2025, worked out by hand.

The last six weeks end on the Fridays 9, 16, 23, 30 May, 6 and 13 June. Everyone is permanent
since 2020 unless said.

Team T1: Ann 18 cases on five of those Fridays and 10 on 6 June; Ben and Cat 10 every week.
    With Ann at 18 the average is 38 / 3 = 12.67, and 18 is 42 % above it; at 10 she is at the
    average. Ann: 5 of 6 weeks, a high caseload.
Team T2: Dan 12 on four Fridays and 11 on two (9 and 16 May); Eve 8 every week.
    12 against (12 + 8) / 2 = 10 is exactly 20 % above, so it counts; 11 against 9.5 is 15.8 %.
    Dan: 4 of 6 weeks, just enough.
Sickness in the year to 13 June (after 13 June 2024):
    Ben 6 to 31 January 2025, 20 working days lost: 20 days, long.
    Cat 3 to 30 March 2025, 15 days lost but 28 calendar days: a spell of 4 weeks, long.
        (Her 30 days in May 2024 are before the year.)
    Eve 3 February to 1 March 2025, 19 days lost, 27 calendar days: neither, not long.
Team T3, the ASYE:
    Fay started 4 November 2024: 3-month review (due 4 February) held 10 February, 6-month
        (due 4 May) not held: overdue. Last reflective supervision 1 April: 73 days before.
    Gus passed on 20 January 2025 (after 13 December 2024): just past the ASYE.
    Hal passed on 13 December 2024: exactly six months before, so not "in the last six".
    Ivy started 7 April 2025, no supervision yet: 67 days since the start, overdue; her
        3-month review is not due until 7 July.
Leavers in the year to 13 June 2025, each judged on their notice day, their leaving day less
the notice period (4 weeks unless said):
    Jo (T1) left Friday 14 March 2025; notice day Friday 14 February. 15 cases on every Friday
        from 10 January to 14 February against Ann, Ben and Cat's 10 (average 45 / 4 = 11.25,
        33 % above), then she hands them over: 12, 10, 8 and 6 on 21 and 28 February, 7 and
        14 March (12 against 42 / 4 = 10.5 is 14 % above, not enough).
        The six Fridays to her notice day: 6 of 6 above, a high caseload. With no notice
        period (her last day) the six Fridays 7 February to 14 March hold 2: not. With 1 week
        (7 March), 31 January to 7 March: 3, not. With 2 weeks (28 February): 4, high.
    Ned (T2) left Friday 2 May 2025; notice day 4 April. 16 cases against Eve's 8 (average 12,
        33 % above) on the six Fridays to 5 April 2024, a year before; 10 against her 8 (11 %
        above) on the six to 4 April 2025: not a high caseload.
    Kim (T2) left 30 April 2025 (notice day 2 April) after 30 working days' sickness from
        3 February: long.
    Lee (T3) left 30 September 2024 (notice day 2 September), having passed the ASYE on
        1 August 2024: just past it.
    Max left on 13 June 2024, exactly a year before: not in the year.
"""

from datetime import date, timedelta

import polars as pl
import pytest

from stabilise.analytics import who_may_be_next as signs
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.who_may_be_next import Grounding, circumstances, who_may_be_next

day = date.fromisoformat
AS_AT = day("2025-06-13")
FRIDAYS = [AS_AT - timedelta(weeks=n) for n in range(5, -1, -1)]  # 9 May to 13 June
TEAM = {"ANN": "T1", "BEN": "T1", "CAT": "T1", "DAN": "T2", "EVE": "T2",
        "FAY": "T3", "GUS": "T3", "HAL": "T3", "IVY": "T3"}  # fmt: skip
LEFT = {"JO": ("T1", "2025-03-14"), "KIM": ("T2", "2025-04-30"), "LEE": ("T3", "2024-09-30"),
        "MAX": ("T1", "2024-06-13"), "NED": ("T2", "2025-05-02")}  # fmt: skip
NOTICE_DAY = {"JO": day("2025-02-14"), "KIM": day("2025-04-02"), "LEE": day("2024-09-02"),
              "NED": day("2025-04-04")}  # fmt: skip


def fridays_to(last: str, weeks: int) -> list[date]:
    return [day(last) - timedelta(weeks=n) for n in range(weeks)]


def _council(dan_weeks_at_12: int = 4) -> CouncilFrames:
    assignments = [
        {"assignment_id": w, "worker_id": w, "team_id": t, "org_role": 5, "contract": "permanent",
         "fte": 1.0, "start_date": day("2020-01-01")}
        for w, t in TEAM.items()
    ] + [
        {"assignment_id": w, "worker_id": w, "team_id": t, "org_role": 5, "contract": "permanent",
         "fte": 1.0, "start_date": day("2020-01-01"), "end_date": day(left)}
        for w, (t, left) in LEFT.items()
    ]  # fmt: skip
    caseloads = []
    for n, friday in enumerate(FRIDAYS):
        caseloads += [
            ("ANN", friday, 10 if friday == day("2025-06-06") else 18),
            ("BEN", friday, 10),
            ("CAT", friday, 10),
            ("DAN", friday, 11 if n < 6 - dan_weeks_at_12 else 12),
            ("EVE", friday, 8),
        ]
    handed_over = dict(zip(fridays_to("2025-03-14", 4), [6, 8, 10, 12], strict=True))
    for friday in fridays_to("2025-03-14", 10):  # 10 January to 14 March
        caseloads += [("ANN", friday, 10), ("BEN", friday, 10), ("CAT", friday, 10)]
        caseloads.append(("JO", friday, handed_over.get(friday, 15)))
    for friday in fridays_to("2024-04-05", 6):
        caseloads += [("NED", friday, 16), ("EVE", friday, 8)]
    for friday in fridays_to("2025-04-04", 6):
        caseloads += [("NED", friday, 10), ("EVE", friday, 8)]
    absences = [
        ("BEN", "2025-01-06", "2025-01-31", "SIC", 20.0),
        ("CAT", "2025-03-03", "2025-03-30", "SIC", 15.0),
        ("CAT", "2024-05-01", "2024-05-30", "SIC", 30.0),
        ("EVE", "2025-02-03", "2025-03-01", "SIC", 19.0),
        ("KIM", "2025-02-03", "2025-03-14", "SIC", 30.0),
        ("MAX", "2024-01-08", "2024-03-01", "SIC", 40.0),
    ]
    asye = [
        {"worker_id": "FAY", "cohort": "C1", "programme_start": day("2024-11-04"),
         "outcome": "in_progress", "review_3m": day("2025-02-10")},
        {"worker_id": "GUS", "cohort": "C0", "programme_start": day("2023-12-04"),
         "outcome": "passed", "completed_on": day("2025-01-20")},
        {"worker_id": "HAL", "cohort": "C0", "programme_start": day("2023-12-04"),
         "outcome": "passed", "completed_on": day("2024-12-13")},
        {"worker_id": "IVY", "cohort": "C2", "programme_start": day("2025-04-07"),
         "outcome": "in_progress"},
        {"worker_id": "LEE", "cohort": "CX", "programme_start": day("2023-07-03"),
         "outcome": "passed", "completed_on": day("2024-08-01")},
    ]  # fmt: skip
    names = {w: w.title() for w in [*TEAM, *LEFT]}
    return CouncilFrames.of(
        teams=pl.DataFrame(
            {"team_id": ["T1", "T2", "T3"], "team_name": ["North", "South", "Academy"]}
        ),
        workers=pl.DataFrame({"worker_id": list(names), "display_name": list(names.values())}),
        assignments=pl.DataFrame(assignments),
        caseloads=pl.DataFrame(caseloads, schema=["worker_id", "date", "cases"], orient="row"),
        absences=pl.DataFrame(
            [(w, day(s), day(e), r, n) for w, s, e, r, n in absences],
            schema=["worker_id", "start_date", "end_date", "reason", "working_days_lost"],
            orient="row",
        ),
        asye=pl.DataFrame(asye),
    )


SUPERVISIONS = pl.DataFrame(
    [("FAY", "C1", day("2025-04-01")), ("FAY", "C1", day("2025-06-20"))],
    schema=signs.SUPERVISIONS,
    orient="row",
)


@pytest.fixture(scope="module")
def result() -> signs.WhoMayBeNext:
    return who_may_be_next(_council(), AS_AT, SUPERVISIONS)


def by_worker(result: signs.WhoMayBeNext) -> dict[str, dict]:
    return {row["worker_id"]: row for row in result.workers.to_dicts()}


def applying(row: dict) -> list[str]:
    return [c for c in signs.CIRCUMSTANCES if row[c]]


def test_each_worker_in_post_is_listed_with_exactly_the_circumstances_that_apply(result):
    assert {w: applying(row) for w, row in by_worker(result).items()} == {
        "ANN": [signs.HIGH_CASELOAD],
        "BEN": [signs.LONG_SICKNESS],
        "CAT": [signs.LONG_SICKNESS],
        "DAN": [signs.HIGH_CASELOAD],
        "FAY": [signs.REVIEW_OVERDUE, signs.SUPERVISION_OVERDUE],
        "GUS": [signs.AFTER_ASYE],
        "IVY": [signs.SUPERVISION_OVERDUE],
    }


def test_the_list_puts_most_reasons_first_then_names(result):
    assert result.workers["worker_id"].to_list() == [
        "FAY", "ANN", "BEN", "CAT", "DAN", "GUS", "IVY"
    ]  # fmt: skip
    assert by_worker(result)["FAY"]["reasons"] == 2


def test_the_figures_behind_each_reason(result):
    rows = by_worker(result)
    assert (rows["ANN"]["weeks_above"], rows["ANN"]["caseload"]) == (5, 18)
    assert rows["ANN"]["team_average"] == pytest.approx(38 / 3)
    assert rows["DAN"]["weeks_above"] == 4
    assert rows["FAY"]["overdue_reviews"] == [6]
    assert rows["FAY"]["last_supervision_on"] == day("2025-04-01")
    assert rows["IVY"]["last_supervision_on"] is None
    assert rows["GUS"]["asye_completed_on"] == day("2025-01-20")
    assert (rows["BEN"]["sickness_days"], rows["BEN"]["longest_spell_days"]) == (20.0, 26)
    assert (rows["CAT"]["sickness_days"], rows["CAT"]["longest_spell_days"]) == (15.0, 28)
    assert rows["ANN"]["team_name"] == "North" and rows["ANN"]["display_name"] == "Ann"


def test_just_under_each_line_is_not_enough():
    rows = by_worker(who_may_be_next(_council(dan_weeks_at_12=3), AS_AT, SUPERVISIONS))
    assert "DAN" not in rows  # 3 of 6 weeks
    assert "EVE" not in rows  # 19 working days, 27 calendar days
    assert "HAL" not in rows  # passed exactly six months ago


def test_how_many_of_the_last_years_leavers_had_each_circumstance_when_they_gave_notice(result):
    assert result.notice_weeks == 4
    assert result.grounding == (
        Grounding(signs.HIGH_CASELOAD, leavers_with=1, leavers=4, in_post_with=2, in_post=9),
        Grounding(signs.REVIEW_OVERDUE, leavers_with=0, leavers=4, in_post_with=1, in_post=9),
        Grounding(signs.SUPERVISION_OVERDUE, leavers_with=0, leavers=4, in_post_with=2, in_post=9),
        Grounding(signs.AFTER_ASYE, leavers_with=1, leavers=4, in_post_with=1, in_post=9),
        Grounding(signs.LONG_SICKNESS, leavers_with=1, leavers=4, in_post_with=2, in_post=9),
    )


def test_each_leaver_is_judged_on_their_notice_day_four_weeks_before_they_left(result):
    leavers = {row["worker_id"]: row for row in result.leavers.to_dicts()}
    assert {w: row["as_at"] for w, row in leavers.items()} == NOTICE_DAY
    assert {w: row["left_on"] for w, row in leavers.items()} == {
        w: day(LEFT[w][1]) for w in NOTICE_DAY
    }
    assert {w: applying(row) for w, row in leavers.items()} == {
        "JO": [signs.HIGH_CASELOAD],
        "KIM": [signs.LONG_SICKNESS],
        "LEE": [signs.AFTER_ASYE],
        "NED": [],
    }
    assert leavers["KIM"]["sickness_days"] == 30.0
    assert leavers["LEE"]["asye_completed_on"] == day("2024-08-01")
    # One rule for everyone: a leaver's row is circumstances() of them on their notice day.
    on_notice_day = circumstances(
        _council(), result.leavers.select("worker_id", "as_at"), SUPERVISIONS
    )
    assert result.leavers.drop("left_on").sort("worker_id").equals(on_notice_day)


def test_a_leaver_whose_caseload_was_high_until_the_hand_over_had_a_high_caseload(result):
    jo = result.leavers.filter(pl.col("worker_id") == "JO").row(0, named=True)
    assert (jo["weeks_above"], jo["caseload"]) == (6, 15)
    assert jo["team_average"] == pytest.approx(11.25)
    assert jo[signs.HIGH_CASELOAD]


def test_a_leaver_whose_caseload_was_high_only_a_year_before_did_not(result):
    ned = result.leavers.filter(pl.col("worker_id") == "NED").row(0, named=True)
    assert (ned["weeks_above"], ned["caseload"], ned["team_average"]) == (0, 10, 9.0)
    assert not ned[signs.HIGH_CASELOAD]
    # In the spring of 2024 he had one: the same rule, on a day then.
    then = circumstances(
        _council(), pl.DataFrame({"worker_id": ["NED"], "as_at": [day("2024-04-05")]})
    )
    assert then.row(0, named=True)["weeks_above"] == 6 and then[signs.HIGH_CASELOAD].item()


@pytest.mark.parametrize(
    ("notice_weeks", "notice_day", "weeks_above", "high"),
    [(0, "2025-03-14", 2, False), (1, "2025-03-07", 3, False), (2, "2025-02-28", 4, True),
     (4, "2025-02-14", 6, True)],
)  # fmt: skip
def test_the_notice_period_sets_the_day_a_leaver_is_judged_on(
    notice_weeks, notice_day, weeks_above, high
):
    found = who_may_be_next(_council(), AS_AT, SUPERVISIONS, notice_weeks=notice_weeks)
    jo = found.leavers.filter(pl.col("worker_id") == "JO").row(0, named=True)
    assert (jo["as_at"], jo["weeks_above"], jo[signs.HIGH_CASELOAD]) == (
        day(notice_day),
        weeks_above,
        high,
    )
    assert found.grounding[0] == Grounding(
        signs.HIGH_CASELOAD, leavers_with=int(high), leavers=4, in_post_with=2, in_post=9
    )
    assert found.notice_weeks == notice_weeks


def test_a_notice_period_cannot_be_negative():
    with pytest.raises(ValueError, match="not -1"):
        who_may_be_next(_council(), AS_AT, SUPERVISIONS, notice_weeks=-1)


def test_without_any_supervision_recorded_overdue_supervision_is_not_looked_for():
    result = who_may_be_next(_council(), AS_AT, None)
    rows = by_worker(result)
    assert "IVY" not in rows and applying(rows["FAY"]) == [signs.REVIEW_OVERDUE]
    assert rows["FAY"][signs.SUPERVISION_OVERDUE] is None
    assert not result.supervision_looked_for
    assert signs.SUPERVISION_OVERDUE not in [g.circumstance for g in result.grounding]
