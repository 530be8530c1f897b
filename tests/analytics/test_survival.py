"""Retention curves against Kaplan-Meier values worked out by hand, and against a direct
product-limit written here (`product_limit`), with the risk set the module states: a spell is at
risk of leaving at t days when entry < t <= service_days.

Service is counted as leavers.py counts it: a spell starting on S and ending on L has
L - S + 1 days (`job(start, days)` below ends on S + days - 1). The exponential Greenwood bounds:
var = sum d / (n (n - d)); with z = 1.959964, lower = S ** exp(z sqrt(var) / -ln S) and
upper = S ** exp(-z sqrt(var) / -ln S).
"""

import math
from datetime import date, timedelta
from typing import Any

import numpy as np
import polars as pl
import pytest
from lifelines.statistics import logrank_test, multivariate_logrank_test
from scipy.stats import chi2

from stabilise.analytics.employment_spells import employment_spells, stability
from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.survival import TOO_FEW_EARLY, RetentionCurves, logrank

day = date.fromisoformat
Z = 1.959963984540054


def job(worker: str, start: str, days: int | None, *, team: str = "T1", **more: Any) -> dict:
    """An in-post assignment of `days` days from `start` (open-ended for None)."""
    begins = day(start)
    return {
        "assignment_id": f"{worker}-{start}",
        "worker_id": worker,
        "team_id": team,
        "org_role": 5,
        "contract": "permanent",
        "fte": 1.0,
        "start_date": begins,
        "end_date": None if days is None else begins + timedelta(days=days - 1),
        "start_origin": 2,
        **more,
    }


def frames_of(*jobs: dict) -> CouncilFrames:
    return CouncilFrames.of(
        teams=pl.DataFrame({"team_id": ["T1", "T2"], "team_name": ["Assessment", "In care"]}),
        assignments=pl.DataFrame(list(jobs)),
    )


def spells_frame(rows: list[tuple[str, int, bool, int]]) -> pl.DataFrame:
    """Spells given directly: (group, service_days, left, entry_days)."""
    return pl.DataFrame(
        rows, schema=["route", "service_days", "left", "entry_days"], orient="row"
    ).with_columns(pl.col("service_days", "entry_days").cast(pl.Int64))


def product_limit(spells: pl.DataFrame) -> list[tuple[int, int, int, float, float, float]]:
    """(t, at risk, left, survival, lower, upper) at each leaving time, straight from the
    definitions."""
    rows = list(spells.select("service_days", "left", "entry_days").iter_rows())
    survival, greenwood, out = 1.0, 0.0, []
    for t in sorted({service for service, left, _ in rows if left}):
        n = sum(1 for service, _, entry in rows if entry < t <= service)
        d = sum(1 for service, left, _ in rows if left and service == t)
        survival *= 1 - d / n
        greenwood += d / (n * (n - d)) if n > d else 0.0
        if 0 < survival < 1:
            spread = Z * math.sqrt(greenwood) / -math.log(survival)
            lower, upper = survival ** math.exp(spread), survival ** math.exp(-spread)
        else:
            lower = upper = survival
        out.append((t, n, d, survival, lower, upper))
    return out


def steps(curves: RetentionCurves, group: str) -> list[tuple[int, int, int, float, float, float]]:
    table = curves.survival_.filter((pl.col("group") == group) & (pl.col("left") > 0))
    return list(table.select("days", "at_risk", "left", "survival", "lower", "upper").iter_rows())


def assert_same_steps(ours: list[tuple], direct: list[tuple]) -> None:
    assert [row[:3] for row in ours] == [row[:3] for row in direct]
    for mine, theirs in zip(ours, direct, strict=True):
        assert mine[3:] == pytest.approx(theirs[3:], abs=1e-12)


# Records begin on 1 Jan 2020; the curves are as at 31 Dec 2022.
#   ANN 1 Jan 2020, 100 days, left     BEN 1 Jan 2020, 200 days, left
#   CAT 1 Jan 2020, in post: 2020 (366) + 2021 (365) + 2022 (365) = 1,096 days, censored
#   DEE 1 Jan 2020, 200 days, left     EVE 1 Jun 2022, in post: 30+31+31+30+31+30+31 = 214 days
#   FAY 1 Jan 2021, 100 days, left
# Product-limit: at 100 days 6 at risk, 2 leave: S = 1 - 2/6 = 2/3. At 200 days ANN and FAY
# have gone, BEN, CAT, DEE and EVE remain: 4 at risk, 2 leave: S = 2/3 x (1 - 2/4) = 1/3. EVE
# (214) and CAT (1,096) are censored: S stays 1/3, to 36 months (1,095 days) and beyond.
# Greenwood: 2/(6 x 4) + 2/(4 x 2) = 1/12 + 1/4 = 1/3; from 200 days z sqrt(1/3) / ln 3 =
# 1.96 x 0.5774 / 1.0986 = 1.0300, so lower = (1/3) ** e^1.0300 = (1/3) ** 2.801 = 0.0461
# and upper = (1/3) ** (1 / 2.801) = 0.6756.
CENSORED = [
    job("ANN", "2020-01-01", 100),
    job("BEN", "2020-01-01", 200),
    job("CAT", "2020-01-01", None),
    job("DEE", "2020-01-01", 200),
    job("EVE", "2022-06-01", None),
    job("FAY", "2021-01-01", 100),
]
BEGINS, AS_AT = day("2020-01-01"), day("2022-12-31")


def test_the_product_limit_with_censoring_is_the_one_worked_out_by_hand():
    spells = employment_spells(frames_of(*CENSORED), AS_AT, BEGINS)
    assert dict(spells.select("worker_id", "service_days").iter_rows()) == {
        "ANN": 100, "BEN": 200, "CAT": 1096, "DEE": 200, "EVE": 214, "FAY": 100,
    }  # fmt: skip
    assert spells.filter(~pl.col("left"))["worker_id"].sort().to_list() == ["CAT", "EVE"]
    curves = RetentionCurves().fit(spells)
    ours = steps(curves, "All social workers in post")
    assert [(t, n, d) for t, n, d, *_ in ours] == [(100, 6, 2), (200, 4, 2)]
    assert [row[3] for row in ours] == pytest.approx([2 / 3, 1 / 3])
    assert ours[1][4:] == pytest.approx((0.0461, 0.6756), abs=1e-4)
    assert_same_steps(ours, product_limit(spells))


def test_retention_at_12_24_and_36_months_reads_the_curve_at_365_730_and_1095_days():
    curves = RetentionCurves().fit(employment_spells(frames_of(*CENSORED), AS_AT, BEGINS))
    retention = curves.retention_.select("months", "days", "at_risk", "left", "survival")
    # At 365 days only CAT is still followed; the four leavers all left in the first 12 months.
    assert retention.rows() == [
        (12, 365, 1, 4, pytest.approx(1 / 3)),
        (24, 730, 1, 0, pytest.approx(1 / 3)),
        (36, 1095, 1, 0, pytest.approx(1 / 3)),
    ]
    # Past the longest service seen (1,096 days) the curve is not known.
    assert curves.at_months([37])["survival"].to_list() == [None]


# Late entries. Records begin on 1 Jan 2020, curves as at 31 Dec 2021.
#   GUS started 3 Oct 2019: 28 + 30 + 31 + 1 = 90 days before the records, so entry 90; leaves
#       with 300 days' service.
#   KIT started 1 Mar 2019: 30+30+31+30+31+31+30+31+30+31+1 = 306 days before; leaves at 400.
#   HAL 1 Jan 2020, leaves at 100; IVY 1 Jan 2020, leaves at 250; JON 1 Jan 2020 in post, 731.
#   LEO left on 30 Jun 2019, before the records: no spell.
# At risk (entry < t <= service): at 100 HAL, IVY, JON and GUS (90 < 100), not KIT (306):
# 4, S = 3/4. At 250: IVY, JON, GUS: S = 3/4 x 2/3 = 1/2. At 300: JON, GUS (KIT not yet in):
# S = 1/2 x 1/2 = 1/4. At 400: JON, KIT: S = 1/4 x 1/2 = 1/8.
# Counted from their first day instead, KIT would be at risk from 0: 4/5, 3/5, 2/5, 1/5.
LATE = [
    job("GUS", "2019-10-03", 300),
    job("KIT", "2019-03-01", 400),
    job("HAL", "2020-01-01", 100),
    job("IVY", "2020-01-01", 250),
    job("JON", "2020-01-01", None),
    job("LEO", "2019-01-01", 181),
]


def test_people_in_post_when_records_begin_join_the_risk_set_at_their_service_then():
    spells = employment_spells(frames_of(*LATE), day("2021-12-31"), BEGINS)
    assert dict(spells.select("worker_id", "entry_days").iter_rows()) == {
        "GUS": 90, "KIT": 306, "HAL": 0, "IVY": 0, "JON": 0,
    }  # fmt: skip
    assert spells.filter(pl.col("worker_id") == "JON")["service_days"].to_list() == [731]
    assert set(spells.filter(pl.col("entry_days") > 0)["start_year"]) == {
        "In post when records began"
    }
    ours = steps(RetentionCurves().fit(spells), "All social workers in post")
    assert [(t, n, d) for t, n, d, *_ in ours] == [
        (100, 4, 1),
        (250, 3, 1),
        (300, 2, 1),
        (400, 2, 1),
    ]
    assert [row[3] for row in ours] == pytest.approx([3 / 4, 1 / 2, 1 / 4, 1 / 8])
    assert_same_steps(ours, product_limit(spells))
    from_first_day = RetentionCurves().fit(spells.with_columns(entry_days=pl.lit(0)))
    assert [row[3] for row in steps(from_first_day, "All social workers in post")] == (
        pytest.approx([4 / 5, 3 / 5, 2 / 5, 1 / 5])
    )


def test_a_move_between_teams_is_not_a_leaving_but_leaving_and_returning_is_two_spells():
    # MAY: T1 for 2020 (366 days), then T2 from 1 Jan 2021 for 181 days: one spell of 547
    # days, in T2 where she left. NED: 182 days in 2020, back on 1 Jan 2021: two spells.
    # OLA was agency: no spell.
    frames = frames_of(
        job("MAY", "2020-01-01", 366),
        job("MAY", "2021-01-01", 181, team="T2"),
        job("NED", "2020-01-01", 182),
        job("NED", "2021-01-01", None),
        job("OLA", "2020-01-01", None, contract="agency"),
    )
    spells = employment_spells(frames, day("2021-12-31"), BEGINS)
    rows = spells.select("worker_id", "service_days", "left", "team_name").rows()
    assert rows == [
        ("MAY", 547, True, "In care"),
        ("NED", 182, True, "Assessment"),
        ("NED", 365, False, "Assessment"),
    ]


def test_groups_are_the_route_start_year_role_and_contract_of_the_spell():
    frames = frames_of(
        job("NQ", "2021-09-01", None, start_origin=1),
        job("EX", "2021-03-01", 30, start_origin=4, contract="Fixed_Term ", org_role=4),
        job("NK", "2022-02-01", None, start_origin=9, org_role=3),
        job("NQ2", "2021-09-01", 100, start_origin=1),
        job("NQ2", "2021-09-01", 60, start_origin=9, fte=0.4, team="T2"),
    )
    spells = employment_spells(frames, day("2022-12-31"), BEGINS)
    assert spells.select("worker_id", "route", "start_year", "role", "contract").rows() == [
        ("EX", "Experienced", "2021", "Senior practitioner", "Fixed term"),
        ("NQ", "Newly qualified", "2021", "Case holder", "Permanent"),
        # Two assignments begin NQ2's employment: the main one (full time) says where from.
        ("NQ2", "Newly qualified", "2021", "Case holder", "Permanent"),
        ("NK", "Not recorded", "2022", "First line manager", "Permanent"),
    ]


def test_a_leaving_after_the_day_asked_about_is_not_yet_a_leaving():
    spells = employment_spells(frames_of(job("PAT", "2020-01-01", 731)), day("2020-12-31"), BEGINS)
    assert spells.select("left", "service_days", "left_on").rows() == [(False, 366, None)]


def test_the_log_rank_test_finds_a_clear_difference_worked_out_by_hand():
    # X: five leave at 10, 20, 30, 40 and 50 days; Y: five stay, censored at 100. One leaving
    # at each time, so the hypergeometric factor d (n - d) / (n - 1) is 1.
    #   t   n  n_X  expected n_X/n  variance (n_X/n)(1 - n_X/n)
    #   10 10   5   1/2             1/4
    #   20  9   4   4/9             20/81
    #   30  8   3   3/8             15/64
    #   40  7   2   2/7             10/49
    #   50  6   1   1/6             5/36
    # Observed 5, expected 1.7718, so O - E = 3.2282; variance 1.0743;
    # chi-squared = 3.2282² / 1.0743 = 9.70 on 1 degree of freedom: p = 0.0018.
    spells = spells_frame(
        [("X", t, True, 0) for t in (10, 20, 30, 40, 50)] + [("Y", 100, False, 0)] * 5
    )
    expected = 1 / 2 + 4 / 9 + 3 / 8 + 2 / 7 + 1 / 6
    variance = 1 / 4 + 20 / 81 + 15 / 64 + 10 / 49 + 5 / 36
    statistic = (5 - expected) ** 2 / variance
    test = RetentionCurves().fit(spells, "route").logrank_
    assert test is not None
    assert test.test_statistic == pytest.approx(statistic)
    assert test.test_statistic == pytest.approx(9.70, abs=0.01)
    assert test.p_value == pytest.approx(chi2.sf(statistic, 1))
    assert test.p_value < 0.01 and test.differs
    assert test.degrees_of_freedom == 1
    lifelines_test = logrank_test([10, 20, 30, 40, 50], [100] * 5, [1] * 5, [0] * 5)
    assert test.p_value == pytest.approx(lifelines_test.p_value)


def _direct_logrank(rows: list[tuple[str, int, bool, int]]) -> float:
    """The two-group log-rank chi-squared from the definitions, risk sets entry < t <= T."""
    times = sorted({t for _, t, left, _ in rows if left})
    o_minus_e = variance = 0.0
    for t in times:
        at_risk = [(g, left and s == t) for g, s, left, e in rows if e < t <= s]
        n, n_a = len(at_risk), sum(1 for g, _ in at_risk if g == "A")
        d, d_a = (
            sum(1 for _, gone in at_risk if gone),
            sum(1 for g, gone in at_risk if gone and g == "A"),
        )
        o_minus_e += d_a - d * n_a / n
        if n > 1:
            variance += d * (n - d) / (n - 1) * (n_a / n) * (1 - n_a / n)
    return o_minus_e**2 / variance


def test_the_log_rank_test_uses_the_late_entries_risk_sets_and_agrees_with_lifelines_without():
    rng = np.random.default_rng(7)
    rows = [
        (g, int(t), bool(left), int(min(e, t - 1)))
        for g, t, left, e in zip(
            rng.choice(["A", "B"], 80),
            rng.integers(1, 400, 80),
            rng.random(80) < 0.7,
            np.where(rng.random(80) < 0.4, rng.integers(1, 200, 80), 0),
            strict=True,
        )
    ]
    spells = spells_frame(rows)
    late = logrank(
        spells["service_days"].to_numpy(),
        spells["left"].to_numpy(),
        spells["entry_days"].to_numpy(),
        spells["route"].to_list(),
    )
    assert late.test_statistic == pytest.approx(_direct_logrank(rows))
    none_late = spells.with_columns(entry_days=pl.lit(0))
    ours = RetentionCurves().fit(none_late, "route").logrank_
    theirs = multivariate_logrank_test(
        none_late["service_days"].to_numpy(),
        none_late["route"].to_numpy(),
        none_late["left"].to_numpy(),
    )
    assert ours is not None
    assert ours.test_statistic == pytest.approx(theirs.test_statistic)
    assert ours.p_value == pytest.approx(theirs.p_value)
    assert late.test_statistic != pytest.approx(ours.test_statistic)


def test_pairwise_tests_compare_every_two_groups_of_three():
    spells = spells_frame(
        [("A", t, True, 0) for t in (10, 20, 30, 40, 50)]
        + [("B", 100, False, 0)] * 5
        + [("C", t, True, 0) for t in (15, 25, 35, 45, 55)]
    )
    curves = RetentionCurves().fit(spells, "route")
    pairs = {(a, b): p for a, b, _, p in curves.pairwise_.iter_rows()}  # type: ignore[union-attr]
    assert set(pairs) == {("A", "B"), ("A", "C"), ("B", "C")}
    # A against B is the clear case above: p = 0.0018.
    assert pairs[("A", "B")] == pytest.approx(0.0018, abs=1e-4)
    assert pairs[("A", "C")] > 0.5  # A and C leave at much the same times
    assert curves.logrank_ is not None and curves.logrank_.degrees_of_freedom == 2


def test_small_groups_are_withheld_and_left_out_of_the_test():
    spells = spells_frame(
        [("A", t, True, 0) for t in (10, 20, 30, 40, 50)]
        + [("B", 100, False, 0)] * 5
        + [("C", 30, True, 0)] * 4
    )
    curves = RetentionCurves(smallest_group=5).fit(spells, "route")
    assert curves.groups_["group"].to_list() == ["A", "B"]
    assert curves.withheld_.select("group", "spells", "reason").rows() == [
        ("C", 4, "fewer than 5 people")
    ]
    assert curves.logrank_ is not None and curves.logrank_.groups == ("A", "B")
    assert set(curves.survival_["group"]) == {"A", "B"}


def test_a_group_whose_first_people_all_leave_before_anyone_else_is_counted_is_withheld():
    # Everyone in post when records began: the one at risk first (entry 5) leaves at 10,
    # before the others join the count at 50 and 60, so the product-limit falls to 0 for good.
    spells = spells_frame(
        [("A", 10, True, 5), ("A", 70, True, 50), ("A", 90, False, 60)]
        + [("B", t, True, 0) for t in (10, 20, 30)]
    )
    curves = RetentionCurves().fit(spells, "route")
    assert curves.withheld_.select("group", "reason").rows() == [("A", TOO_FEW_EARLY)]
    assert curves.groups_["group"].to_list() == ["B"]
    assert curves.logrank_ is None


def test_a_curve_is_not_known_before_anyone_in_its_group_is_observed():
    # Everyone in post when records began, the earliest with 50 days' service then: the curve
    # starts at 50 days (entry 50 < t), so 1 month (30 days) is not known but 3 months is.
    spells = spells_frame([("A", 200, True, 50), ("A", 300, False, 60)])
    rows = RetentionCurves().fit(spells, "route").at_months([1, 3, 7])
    assert rows.select("months", "at_risk", "survival").rows() == [
        (1, 0, None),
        (3, 2, 1.0),
        (7, 1, pytest.approx(0.5)),
    ]


# Stability on 30 Jun 2024: in post on 30 Jun 2023 and still in post, in the same spell, on
# 30 Jun 2024.
#   PIP T1 since 2020, stays                 QUE T1 2021 to 31 Jan 2024: left
#   ROB started 1 Jul 2023: not in post a year ago
#   SAM T1 from 2022, moved to T2 on 1 Jan 2024: a move, stays
#   TIA T2 2022 to 30 Sep 2023, back 1 Mar 2024: left in between, so not stable
#   UMA T2, last day 30 Jun 2023: in post a year ago, gone since
#   VIC agency: not in post     WIL T2, last day 30 Jun 2024: still in post today
# Council: 3 (PIP, SAM, WIL) of 6 (PIP, QUE, SAM, TIA, UMA, WIL) = 50 %. By team a year ago:
# T1 PIP, QUE, SAM: 2 of 3; T2 TIA, UMA, WIL: 1 of 3.
def _between(worker: str, start: str, end: str, **more: Any) -> dict:
    return job(worker, start, (day(end) - day(start)).days + 1, **more)


STABILITY = [
    job("PIP", "2020-01-01", None),
    _between("QUE", "2021-01-01", "2024-01-31"),
    job("ROB", "2023-07-01", None),
    _between("SAM", "2022-01-01", "2023-12-31"),
    job("SAM", "2024-01-01", None, team="T2"),
    _between("TIA", "2022-01-01", "2023-09-30", team="T2"),
    job("TIA", "2024-03-01", None, team="T2"),
    _between("UMA", "2022-01-01", "2023-06-30", team="T2"),
    job("VIC", "2022-01-01", None, contract="agency"),
    _between("WIL", "2022-01-01", "2024-06-30", team="T2"),
]


def test_stability_is_the_share_of_those_in_post_a_year_ago_still_in_post():
    frames = frames_of(*STABILITY)
    (council,) = stability(frames, day("2024-06-30"), begins=BEGINS)
    assert (council.year_ago, council.in_post_year_ago, council.still_in_post) == (
        day("2023-06-30"),
        6,
        3,
    )
    assert council.index == 50.0
    by_team = stability(frames, day("2024-06-30"), by="team_name", begins=BEGINS)
    assert [(s.group, s.in_post_year_ago, s.still_in_post) for s in by_team] == [
        ("Assessment", 3, 2),
        ("In care", 3, 1),
    ]


def test_stability_is_not_known_when_the_records_begin_after_a_year_ago():
    assert stability(frames_of(*STABILITY), day("2024-06-30"), begins=day("2023-07-01")) == []
