"""Mentor loads, protected caseloads and intake planning, on a small hand-made academy."""

from datetime import date as D

import polars as pl

from stabilise.analytics.frames import CouncilFrames
from stabilise.analytics.mentoring import intake_plan, mentoring

AS_AT = D(2021, 3, 1)
START = D(2020, 9, 7)
# NQSW: mentor (None: none), caseload on D (None: no snapshot)
NQSWS = {
    "N1": ("M1", 17),
    "N2": ("M1", 16),
    "N3": ("M2", None),
    "N4": ("M3", 12),
    "N5": ("M3", 12),
    "N6": ("M3", 12),
    "N7": (None, 14),
    "N8": ("M4", 10),
}
# experienced and mentors: caseload on D; M4 has left
STAFF = {"E1": 20, "E2": 16, "E3": 0, "M1": 10, "M2": 9, "M3": 8}


def _assignment(worker: str, start: D, end: D | None = None, contract: str = "permanent"):
    return {
        "assignment_id": f"A-{worker}",
        "worker_id": worker,
        "team_id": "T",
        "org_role": 5,
        "contract": contract,
        "fte": 1.0,
        "start_date": start,
        "end_date": end,
    }


def frames() -> CouncilFrames:
    assignments = [_assignment(w, START) for w in NQSWS]
    assignments += [_assignment(w, D(2015, 1, 5)) for w in STAFF]
    assignments += [
        _assignment("M4", D(2015, 1, 5), D(2020, 12, 31)),  # a leaver in the year to D
        _assignment("AG", D(2020, 1, 6), contract="agency"),
    ]
    caseloads = [
        {"worker_id": w, "date": D(2021, 2, 26), "cases": cases}
        for w, (_, cases) in NQSWS.items()
        if cases is not None
    ]
    caseloads += [{"worker_id": w, "date": D(2021, 2, 26), "cases": c} for w, c in STAFF.items()]
    caseloads.append({"worker_id": "AG", "date": D(2021, 3, 1), "cases": 40})  # agency: not counted
    caseloads.append({"worker_id": "E2", "date": D(2021, 2, 20), "cases": 30})  # older: not used
    asye = [
        {
            "worker_id": w,
            "cohort": "2020 autumn",
            "programme_start": START,
            "practice_lead": "Shelley Gill" if w < "N5" else "Rachel Harris",
            "mentor_worker_id": mentor,
            "outcome": "in_progress",
        }
        for w, (mentor, _) in NQSWS.items()
    ]
    return CouncilFrames.of(
        assignments=pl.DataFrame(assignments),
        caseloads=pl.DataFrame(caseloads),
        asye=pl.DataFrame(asye),
    )


def test_each_mentor_has_a_warning_below_two_above_the_maximum_or_out_of_post():
    result = mentoring(frames(), AS_AT, mentor_max=2, protected_pct=90)
    assert [(m.mentor_worker_id, m.nqsws, m.caseload, m.warning) for m in result.mentors] == [
        ("M1", ["N1", "N2"], 10, None),
        ("M2", ["N3"], 9, "fewer than two NQSWs"),
        ("M3", ["N4", "N5", "N6"], 8, "more than 2 NQSWs"),
        ("M4", ["N8"], None, "not in post: their NQSWs need another mentor"),
    ]
    assert result.without_mentor == ["N7"]


def test_nqsws_above_90_percent_of_experienced_workers_average_caseload_are_flagged():
    result = mentoring(frames(), AS_AT, mentor_max=2, protected_pct=90)
    # E1 20 and E2 16 (E3 holds no cases; mentors, NQSWs and agency workers are left out).
    assert result.experienced_average == 18
    assert [(n.worker_id, n.caseload, n.over) for n in result.nqsws] == [
        ("N1", 17, True),  # above 16.2
        ("N2", 16, False),
        ("N3", None, False),
        ("N4", 12, False),
        ("N5", 12, False),
        ("N6", 12, False),
        ("N7", 14, False),
        ("N8", 10, False),
    ]
    assert result.nqsws[0].limit == 18 * 0.9


def test_intake_places_are_the_fewer_of_mentors_and_practice_leads_free_places():
    plan = intake_plan(
        frames(),
        AS_AT,
        D(2021, 9, 6),
        mentor_max=2,
        practice_lead_max=5,
        intakes_per_year=2,
        mentor_pool=["E1"],
    )
    # All eight are still on the programme on 6 September (their year ends on 7 September).
    assert (plan.on_programme_now, plan.still_on_at_intake) == (8, 8)
    # In post: E1 (0 of 2), M1 (2), M2 (1), M3 (3): 2 + 0 + 1 + 0 free places.
    assert (plan.mentors, plan.mentor_places) == (4, 3)
    assert (plan.practice_leads, plan.practice_lead_places) == (2, 2)
    assert plan.places == 2
    # M4's 1.0 FTE left in the year to D; two intakes a year; no posts, so no vacancies.
    assert plan.leavers_fte_last_12_months == 1.0 and plan.expected_vacancies_fte == 0.5
    assert plan.suggested_intake == 1


def test_holders_of_enhanced_practitioner_posts_count_as_mentors_with_free_places():
    council = frames()
    enhanced = pl.DataFrame([_assignment("ESWP", D(2016, 4, 4))]).with_columns(
        job_title=pl.lit("Enhanced Social Work Practitioner")
    )
    council = CouncilFrames.of(
        assignments=pl.concat([council.assignments, enhanced], how="diagonal_relaxed"),
        caseloads=council.caseloads,
        asye=council.asye,
    )
    plan = intake_plan(
        council, AS_AT, D(2021, 9, 6), mentor_max=2, practice_lead_max=5, intakes_per_year=2
    )
    assert (plan.mentors, plan.mentor_places) == (4, 3)  # M1, M2, M3 and the ESWP's two


def test_nqsws_finishing_before_the_intake_free_their_mentors_places():
    plan = intake_plan(
        frames(),
        AS_AT,
        D(2021, 9, 7),
        mentor_max=2,
        practice_lead_max=5,
        intakes_per_year=2,
    )
    assert plan.still_on_at_intake == 0
    assert (plan.mentors, plan.mentor_places, plan.practice_lead_places) == (3, 6, 10)
