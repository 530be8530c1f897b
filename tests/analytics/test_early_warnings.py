"""Early-warning occurrences on hand-built leavers, worked out by hand from the definitions in
analytics/early_warnings.py.

Leavers (team, destination code, themes cited):

    ANN  2025-01-10  T1  1 (another LA)   Pay
    BEN  2025-02-01  T1  1                Pay, Caseload
    CAT  2025-02-20  T2  3 (agency)       Caseload
    DEE  2025-03-05  T1  1                Pay
    EVE  2025-03-25  T2  8 (not known)    -
    FAY  2025-06-30  T1  1                Pay
    GUS  2025-07-20  T2  1                Pay

Rule "3 leavers within 60 days citing the same theme": Pay is cited on 10 Jan, 1 Feb, 5 Mar,
30 Jun, 20 Jul. From ANN (10 Jan), the window runs to 11 Mar: ANN, BEN, DEE: an occurrence
that reached 3 on 5 March. The scan carries on after 11 March: FAY and GUS, only 2. Caseload
(BEN, CAT) is 2: none.

Rule "2 leavers within 90 days to the same destination": another LA (1) on 10 Jan, 1 Feb,
5 Mar, 30 Jun, 20 Jul. From ANN, the window runs to 10 April: ANN, BEN, DEE, reached on 1 Feb.
Next from FAY (30 Jun, to 28 Sep): FAY, GUS, reached 20 Jul. Agency (CAT) alone; EVE's "not
known" is no destination.
"""

from datetime import date, timedelta

import polars as pl
import pytest

from stabilise.analytics.early_warnings import (
    DESTINATION,
    TEAM,
    THEME,
    Leaving,
    Recorded,
    Rule,
    early_warnings,
)

day = date.fromisoformat
LEFT = {
    "ANN": ("2025-01-10", "T1", 1, ["Pay"]),
    "BEN": ("2025-02-01", "T1", 1, ["Pay", "Caseload"]),
    "CAT": ("2025-02-20", "T2", 3, ["Caseload"]),
    "DEE": ("2025-03-05", "T1", 1, ["Pay"]),
    "EVE": ("2025-03-25", "T2", 8, []),
    "FAY": ("2025-06-30", "T1", 1, ["Pay"]),
    "GUS": ("2025-07-20", "T2", 1, ["Pay"]),
}
THEME_IDS = {"Pay": "5", "Caseload": "1"}
SAME_THEME = Rule(rule_id=1, kind=THEME, threshold=3, window_days=60)
SAME_DESTINATION = Rule(rule_id=2, kind=DESTINATION, threshold=2, window_days=90)


def frames(left: dict[str, tuple[str, str, int, list[str]]] = LEFT):
    leavers = pl.DataFrame(
        [
            {
                "worker_id": w,
                "left_on": day(d),
                "team_id": team,
                "team_name": {"T1": "Assessment North", "T2": "Children in Care"}[team],
                "end_destination": dest,
            }
            for w, (d, team, dest, _) in left.items()
        ]
    )
    cited = pl.DataFrame(
        [
            {"worker_id": w, "left_on": day(d), "theme_id": THEME_IDS[t], "theme": t}
            for w, (d, _, _, themes) in left.items()
            for t in themes
        ],
        schema={
            "worker_id": pl.String,
            "left_on": pl.Date,
            "theme_id": pl.String,
            "theme": pl.String,
        },
    )
    return leavers, cited


def summary(found):
    return [
        (o.rule_id, o.label, o.first_left_on, o.reached_on, [x.worker_id for x in o.leavings])
        for o in found
    ]


def test_three_leavers_citing_pay_within_60_days_are_one_occurrence_and_two_later_are_not():
    leavers, cited = frames()
    found = early_warnings([SAME_THEME], leavers, cited, day("2025-08-31"))
    assert summary(found) == [
        (1, "Pay", day("2025-01-10"), day("2025-03-05"), ["ANN", "BEN", "DEE"]),
    ]
    assert found[0].key == "5" and found[0].window_ends_on == day("2025-03-11")


def test_two_to_another_council_within_90_days_twice_with_the_window_between():
    leavers, cited = frames()
    found = early_warnings([SAME_DESTINATION], leavers, cited, day("2025-08-31"))
    another_la = "Social worker role in a different LA in England"
    assert summary(found) == [
        (2, another_la, day("2025-01-10"), day("2025-02-01"), ["ANN", "BEN", "DEE"]),
        (2, another_la, day("2025-06-30"), day("2025-07-20"), ["FAY", "GUS"]),
    ]


def test_leavings_after_the_day_asked_about_are_not_known_yet():
    leavers, cited = frames()
    found = early_warnings([SAME_THEME, SAME_DESTINATION], leavers, cited, day("2025-02-28"))
    # Pay: only ANN and BEN by then; another LA: ANN and BEN reached 2 on 1 February.
    assert summary(found) == [
        (
            2,
            "Social worker role in a different LA in England",
            day("2025-01-10"),
            day("2025-02-01"),
            ["ANN", "BEN"],
        )
    ]


def test_the_last_day_of_the_window_is_in_it_and_the_next_is_not():
    # ANN 10 Jan; the window of 60 days ends on 11 March.
    on_the_day = {**LEFT, "DEE": ("2025-03-11", "T1", 1, ["Pay"])}
    one_after = {**LEFT, "DEE": ("2025-03-12", "T1", 1, ["Pay"])}
    assert len(early_warnings([SAME_THEME], *frames(on_the_day), day("2025-08-31"))) == 1
    # From BEN (1 Feb, to 2 April): BEN and DEE only; from DEE on: DEE, FAY (30 Jun) too far.
    assert early_warnings([SAME_THEME], *frames(one_after), day("2025-08-31")) == []


def test_a_rule_for_one_team_looks_at_that_team_alone():
    leavers, cited = frames()
    t2 = Rule(rule_id=3, kind=TEAM, threshold=2, window_days=40, key="T2")
    any_team = Rule(rule_id=4, kind=TEAM, threshold=3, window_days=60)
    found = early_warnings([t2, any_team], leavers, cited, day("2025-08-31"))
    # T2: CAT 20 Feb and EVE 25 Mar (33 days); T1: ANN, BEN, DEE within 60 days of 10 Jan.
    assert summary(found) == [
        (4, "Assessment North", day("2025-01-10"), day("2025-03-05"), ["ANN", "BEN", "DEE"]),
        (3, "Children in Care", day("2025-02-20"), day("2025-03-25"), ["CAT", "EVE"]),
    ]


def test_a_recorded_occurrence_keeps_its_start_when_an_earlier_leaving_is_entered_late():
    leavers, cited = frames()
    first = early_warnings([SAME_THEME], leavers, cited, day("2025-08-31"))[0]
    recorded = Recorded(1, first.key, first.first_left_on, 3, 60)
    # HAL left on 1 December 2024 citing Pay, entered only now: from HAL the window would run
    # to 30 January and hold HAL, ANN (2 of 3), so the scan would start again; but ANN's
    # occurrence is recorded and keeps its window, so HAL stays outside it, alone.
    late = {**LEFT, "HAL": ("2024-12-01", "T1", 4, ["Pay"])}
    found = early_warnings([SAME_THEME], *frames(late), day("2025-08-31"), [recorded])
    assert summary(found) == [
        (1, "Pay", day("2025-01-10"), day("2025-03-05"), ["ANN", "BEN", "DEE"]),
    ]
    assert found[0].recorded


def test_a_later_leaver_in_the_window_joins_the_occurrence():
    leavers, cited = frames()
    first = early_warnings([SAME_THEME], leavers, cited, day("2025-08-31"))[0]
    recorded = Recorded(1, first.key, first.first_left_on, 3, 60)
    more = {**LEFT, "IVY": ("2025-03-10", "T2", 1, ["Pay"])}
    found = early_warnings([SAME_THEME], *frames(more), day("2025-08-31"), [recorded])
    assert [(o.recorded, [x.worker_id for x in o.leavings]) for o in found] == [
        (True, ["ANN", "BEN", "DEE", "IVY"])
    ]


def test_a_switched_off_rule_finds_nothing_new_but_keeps_what_it_found():
    leavers, cited = frames()
    off = Rule(rule_id=1, kind=THEME, threshold=3, window_days=60, on=False)
    assert early_warnings([off], leavers, cited, day("2025-08-31")) == []
    kept = early_warnings(
        [off], leavers, cited, day("2025-08-31"), [Recorded(1, "5", day("2025-01-10"), 3, 60)]
    )
    assert [o.leavers for o in kept] == [3]


def test_an_occurrence_is_news_only_within_its_window_after_it_reached_the_threshold():
    leavers, cited = frames()
    (pay,) = early_warnings([SAME_THEME], leavers, cited, day("2025-08-31"))
    # Reached on 5 March, window 60 days: current from 5 March to 4 May.
    assert not pay.current(day("2025-03-04"))
    assert pay.current(day("2025-03-05")) and pay.current(day("2025-05-04"))
    assert not pay.current(day("2025-05-05"))


def test_rules_must_make_sense():
    with pytest.raises(ValueError):
        Rule(rule_id=1, kind="grade", threshold=3, window_days=60)
    with pytest.raises(ValueError):
        Rule(rule_id=1, kind=THEME, threshold=1, window_days=60)


def test_leaving_days_tied_are_ordered_by_worker_id():
    same_day = {
        "ZED": ("2025-01-10", "T1", 1, []),
        "AMY": ("2025-01-10", "T1", 1, []),
    }
    (found,) = early_warnings([SAME_DESTINATION], *frames(same_day), day("2025-01-31"))
    assert found.leavings == (
        Leaving("AMY", day("2025-01-10")),
        Leaving("ZED", day("2025-01-10")),
    )
    assert found.window_ends_on == day("2025-01-10") + timedelta(days=90)
