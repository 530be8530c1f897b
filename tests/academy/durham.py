"""Durham's Social Work Academy as at 7 October 2019, record by record (seeds/003, Table 1).

Each group is some NQSWs with the same story; the import files are made from these, so the
cohort table is worked out from people and assignments exactly as a council's own files would be.
The report gives, for cohorts 1 to 6: numbers, remaining, left after completing, left mid-ASYE
(cohort 2: "5 (+ 1 re-deployed)"), the retention percentage and the reasons for leaving
(cohort 1: all 5 to agency work; cohort 2: 4 left the profession, 6 moved to another LA;
cohort 3: 2 left the profession, 1 moved to another LA). Cohort 4: 26 NQSWs, 25 yet to
complete, 1 completed and remaining ("To date 1", "To date 100%"); cohort 5: 14 yet to
complete; cohort 6: 10 Frontline graduates starting in the week beginning 7 October 2019.
Paragraph 18: 68% of those who completed since 2016 retained; 9 progressed to senior social
work posts and a further 2 are now Enhanced Social Work Practitioners.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

AS_AT = dt.date(2019, 10, 7)
# end_destination codes
OTHER_LA, AGENCY, OTHER_SOCIAL_CARE, LEFT_PROFESSION = 1, 3, 5, 6
RESIGNED, REDEPLOYED = 1, 7


@dataclass(frozen=True)
class Group:
    cohort: str
    count: int
    start: str  # programme_start
    outcome: str = "in_progress"
    completed_on: str | None = None
    last_day: str | None = None  # the last day in post, for those who left
    end_reason: int | None = None
    destination: int | None = None
    seniors: int = 0  # of the group, how many became senior social workers after the ASYE
    enhanced: int = 0  # ... and Enhanced Social Work Practitioners
    route: str = "university"


GROUPS = (
    Group("1", 6, "2016-05-09", "passed", "2017-05-18", seniors=4, enhanced=1),
    Group("1", 1, "2016-05-23", "passed", "2017-06-15", seniors=1),
    Group("1", 5, "2016-05-23", "passed", "2017-06-15", "2017-12-29", RESIGNED, AGENCY),
    Group("2", 6, "2017-01-09", "passed", "2018-01-18", seniors=3, enhanced=1),
    Group("2", 2, "2017-02-06", "passed", "2019-03-21"),  # extended, passed in 2019
    Group("2", 4, "2017-01-09", "passed", "2018-01-18", "2018-08-31", RESIGNED, OTHER_LA),
    Group("2", 1, "2017-02-06", "passed", "2018-02-15", "2019-01-31", RESIGNED, LEFT_PROFESSION),
    Group("2", 2, "2017-01-09", "withdrawn", None, "2017-07-28", RESIGNED, OTHER_LA),
    Group("2", 3, "2017-02-06", "withdrawn", None, "2017-11-30", RESIGNED, LEFT_PROFESSION),
    Group("2", 1, "2017-01-09", "withdrawn", None, "2017-09-29", REDEPLOYED, OTHER_SOCIAL_CARE),
    Group("3", 7, "2017-09-11", "passed", "2018-09-20", seniors=1),
    Group("3", 2, "2017-10-02", "passed", "2019-01-17"),
    Group("3", 1, "2017-09-11", "passed", "2018-09-20", "2019-03-29", RESIGNED, LEFT_PROFESSION),
    Group("3", 1, "2017-10-02", "passed", "2019-01-17", "2019-06-28", RESIGNED, OTHER_LA),
    Group("3", 1, "2017-09-11", "withdrawn", None, "2018-02-28", RESIGNED, LEFT_PROFESSION),
    Group("4", 1, "2018-09-03", "passed", "2019-09-19"),
    Group("4", 4, "2018-09-03", "extended"),
    Group("4", 8, "2018-10-01"),
    Group("4", 13, "2019-03-04"),
    Group("5", 14, "2019-09-02"),
    Group("6", 10, "2019-10-07", route="frontline"),
)

PROMOTED_ON = dt.date(2019, 4, 1)
ONE_DAY = dt.timedelta(days=1)


def _assignment(n: int, worker: str, team: str, start: dt.date, **more: Any) -> dict[str, Any]:
    return {
        "assignment_id": f"{worker}-A{n}",
        "worker_id": worker,
        "team_id": team,
        "org_role": more.pop("org_role", 5),
        "job_title": more.pop("job_title", "Social Worker"),
        "contract": "permanent",
        "fte": "1",
        "start_date": start.isoformat(),
        **{k: ("" if v is None else str(v)) for k, v in more.items()},
    }


def durham_files() -> dict[str, list[dict[str, Any]]]:
    """The import files: teams, workers, assignments and asye."""
    workers, assignments, asye = [], [], []
    mentors = ["ESWP1", "ESWP2", "ESWP3"]
    for mentor in mentors:
        workers.append({"worker_id": mentor, "display_name": f"Mentor {mentor[-1]}"})
        assignments.append(
            _assignment(
                1,
                mentor,
                "FF",
                dt.date(2012, 4, 2),
                org_role=4,
                job_title="Enhanced Social Work Practitioner",
                end_date=None,
            )
        )
    counter: dict[str, int] = {}
    for group in GROUPS:
        for i in range(group.count):
            counter[group.cohort] = counter.get(group.cohort, 0) + 1
            worker = f"C{group.cohort}-{counter[group.cohort]:02d}"
            start = dt.date.fromisoformat(group.start)
            completed = dt.date.fromisoformat(group.completed_on) if group.completed_on else None
            last = dt.date.fromisoformat(group.last_day) if group.last_day else None
            ending = {"end_reason": group.end_reason, "end_destination": group.destination}
            workers.append({"worker_id": worker, "display_name": f"NQSW {worker}"})
            job = "Newly Qualified Social Worker"
            if completed is None:
                assignments.append(
                    _assignment(
                        1,
                        worker,
                        "ACAD",
                        start,
                        job_title=job,
                        end_date=last,
                        **(ending if last else {}),
                    )
                )
            else:
                # After the panel, a move from the academy to a team: not a leaver.
                assignments.append(
                    _assignment(1, worker, "ACAD", start, job_title=job, end_date=completed)
                )
                step = (
                    "senior"
                    if i < group.seniors
                    else "enhanced"
                    if i < group.seniors + group.enhanced
                    else None
                )
                team_end = PROMOTED_ON - ONE_DAY if step else last
                assignments.append(
                    _assignment(
                        2,
                        worker,
                        "FF",
                        completed + ONE_DAY,
                        end_date=team_end,
                        **(ending if last else {}),
                    )
                )
                if step:
                    title = (
                        "Senior Social Worker"
                        if step == "senior"
                        else "Enhanced Social Work Practitioner"
                    )
                    assignments.append(
                        _assignment(3, worker, "FF", PROMOTED_ON, org_role=4, job_title=title)
                    )
            asye.append(
                {
                    "worker_id": worker,
                    "cohort": group.cohort,
                    "programme_start": start.isoformat(),
                    "route": group.route,
                    "practice_lead": "Shelley Gill",
                    "mentor_worker_id": mentors[counter[group.cohort] % 3]
                    if group.cohort in "456"
                    else "",
                    "outcome": group.outcome,
                    "completed_on": group.completed_on or "",
                }
            )
    return {
        "teams": [
            {"team_id": "ACAD", "team_name": "Social Work Academy"},
            {"team_id": "FF", "team_name": "Families First"},
        ],
        "workers": workers,
        "assignments": assignments,
        "asye": asye,
    }
