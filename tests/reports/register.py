"""A small register built through the ORM, with the weekly report's figures worked out by hand.

The week ends on Friday 7 March 2025 (W); today is Monday 10 March, so W is the default week.
W-7 is 28 February. Caseload on a day is the latest snapshot in the seven days to it; the trend
is over the fourteen days to it.

    Assessment North (T1)  Ann (W1) permanent 1.0 since 2020: 27 Feb 20, 5 Mar 24
                           Bob (W2) agency 0.5 since 2024:    27 Feb 12, 6 Mar 11
                           Cy (W3) permanent 1.0 from 3 Mar:  7 Mar 0
    Children in Care (T2)  Dee (W4) permanent 1.0 since 2020: 28 Feb 19, 7 Mar 18
    Leaving Care (T3)      nobody

Week ending 7 March:
    T1  headcount 3 (W-7: Ann, Bob = 2, so +1); case holders Ann 24 and Bob 11 (Cy holds 0):
        cases 35, average 17.5, per FTE 35 / 1.5 = 23.33 -> 23.3, highest 24, lowest 11;
        trend over 22 Feb-7 Mar: 27 Feb (20 + 12) / 2 = 16, 5 Mar 24, 6 Mar 11 -> 17.0;
        a week earlier 16.0 (27 Feb only): +1.0, up.
    T2  headcount 1 (+0), 1 case holder, 18 cases, average 18.0, per FTE 18.0, 18 and 18;
        trend (19 + 18) / 2 = 18.5, a week earlier 19.0: down.
    T3  headcount 0, everything else 0 or not available.
    All headcount 4 (+1), 3 case holders, 53 cases, average 17.67 -> 17.7, per FTE
        53 / 2.5 = 21.2, highest 24, lowest 11; trend: 27 Feb 16, 28 Feb 19, 5 Mar 24,
        6 Mar 11, 7 Mar 18 -> 88 / 5 = 17.6; a week earlier (16 + 19) / 2 = 17.5: +0.1, steady.
Week ending 28 February: T1 average (20 + 12) / 2 = 16.0, headcount 2, trend 16.0; T2 19.0,
1, 19.0; All (20 + 12 + 19) / 3 = 17.0, 3, 17.5. Earlier weeks: no snapshots, so T1 has
headcount 2 and no average.

Above the threshold of 20: Ann, 24, in Assessment North (average 17.5).
"""

import datetime as dt
from decimal import Decimal

from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Assignment, Team, Worker

TODAY = dt.date(2025, 3, 10)
W = dt.date(2025, 3, 7)

# The summary as the page and the email show it, one decimal place, in the report's order.
SUMMARY = {
    "Assessment North": ["3", "+1", "2", "35", "17.5", "23.3", "24", "11", "17.0", "Up"],
    "Children in Care": ["1", "0", "1", "18", "18.0", "18.0", "18", "18", "18.5", "Down"],
    "Leaving Care": ["0", "0", "0", "0"] + ["Not available"] * 6,
    "All teams": ["4", "+1", "3", "53", "17.7", "21.2", "24", "11", "17.6", "Steady"],
}
# The same as numbers, as the workbook holds them (blank when not available).
SUMMARY_CELLS = {
    "Assessment North": [3, 1, 2, 35, 17.5, 23.3, 24, 11, 17.0, "Up"],
    "Children in Care": [1, 0, 1, 18, 18.0, 18.0, 18, 18, 18.5, "Down"],
    "Leaving Care": [0, 0, 0, 0, None, None, None, None, None, None],
    "All teams": [4, 1, 3, 53, 17.7, 21.2, 24, 11, 17.6, "Steady"],
}
# As councillors and the committee read it: every team here has 1 to 4 people, so each figure
# on them is `c`; the empty team's zeros identify nobody and stay. Highest and lowest are one
# person's caseload: always `c`.
SUMMARY_SUPPRESSED = {
    "Assessment North": ["c"] * 10,
    "Children in Care": ["c"] * 10,
    "Leaving Care": SUMMARY["Leaving Care"],
    "All teams": ["c"] * 10,
}
SUMMARY_CELLS_SUPPRESSED = {
    "Assessment North": ["c"] * 10,
    "Children in Care": ["c"] * 10,
    "Leaving Care": SUMMARY_CELLS["Leaving Care"],
    "All teams": ["c"] * 10,
}


def build_register(t1_name: str = "Assessment North") -> None:
    t1 = Team.objects.create(team_id="T1", name=t1_name)
    t2 = Team.objects.create(team_id="T2", name="Children in Care")
    Team.objects.create(team_id="T3", name="Leaving Care")
    ann, bob, cy, dee = (
        Worker.objects.create(worker_id=f"W{n}", display_name=name)
        for n, name in enumerate(["Ann Able", "Bob Baker", "Cy Cole", "Dee Dale"], start=1)
    )
    for id, worker, team, contract, fte, start in [
        ("A1", ann, t1, "permanent", "1", dt.date(2020, 1, 1)),
        ("A2", bob, t1, "agency", "0.5", dt.date(2024, 1, 1)),
        ("A3", cy, t1, "permanent", "1", dt.date(2025, 3, 3)),
        ("A4", dee, t2, "permanent", "1", dt.date(2020, 1, 1)),
    ]:
        Assignment.objects.create(
            assignment_id=id,
            worker=worker,
            team=team,
            org_role=5,
            contract=contract,
            fte=Decimal(fte),
            start_date=start,
        )
    for worker, day, cases in [
        (ann, dt.date(2025, 2, 27), 20),
        (ann, dt.date(2025, 3, 5), 24),
        (bob, dt.date(2025, 2, 27), 12),
        (bob, dt.date(2025, 3, 6), 11),
        (cy, dt.date(2025, 3, 7), 0),
        (dee, dt.date(2025, 2, 28), 19),
        (dee, dt.date(2025, 3, 7), 18),
    ]:
        CaseloadSnapshot.objects.create(worker=worker, date=day, cases=cases)
