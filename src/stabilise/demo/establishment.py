"""Wessex County Council's teams, their establishment and how it changes.

Team names borrow Thomas Hardy's Wessex towns so that nobody mistakes the demo for a real
council. Sizes, caseload targets and leaving rates follow the council reports: front-door
teams (Child Assessment, Child Protection) carry the heaviest caseloads and lose the most
people; fostering, adoption and disabilities teams are steadier.
"""

from dataclasses import dataclass
from datetime import date

TEAM_MANAGER, SENIOR_PRACTITIONER, CASE_HOLDER = 3, 4, 5
ACADEMY = "ASYE"


@dataclass(frozen=True)
class TeamPlan:
    team_id: str
    team_name: str
    service: str
    seniors: int
    case_holders: int
    target_cases: float  # cases per full-time case holder when the team is fully staffed
    case_weight: float  # weighted points per case: how complex the team's work is
    leaving: float  # multiplies a member's chance of leaving
    hard_to_fill: int  # how many case-holder posts are hard to fill (manager's too if > 0)


TEAMS: tuple[TeamPlan, ...] = (
    TeamPlan("FF1", "Families First Casterbridge", "Families First", 3, 13, 17.5, 1.0, 1.2, 0),
    TeamPlan("FF2", "Families First Melchester", "Families First", 3, 13, 17.5, 1.0, 1.2, 0),
    TeamPlan("FF3", "Families First Sandbourne", "Families First", 3, 13, 17.5, 1.0, 1.2, 0),
    TeamPlan("CA1", "Child Assessment North", "Child Assessment", 3, 14, 18.5, 1.1, 1.35, 2),
    TeamPlan("CA2", "Child Assessment South", "Child Assessment", 3, 14, 18.5, 1.1, 1.35, 2),
    TeamPlan("CP1", "Child Protection North", "Child Protection", 3, 14, 16.5, 1.3, 1.3, 2),
    TeamPlan("CP2", "Child Protection South", "Child Protection", 3, 14, 16.5, 1.3, 1.3, 2),
    TeamPlan("CLA1", "Children Looked After North", "Children Looked After", 3, 13, 16.0, 1.2,
             1.0, 0),
    TeamPlan("CLA2", "Children Looked After South", "Children Looked After", 3, 13, 16.0, 1.2,
             1.0, 0),
    TeamPlan("CL", "Care Leavers", "Care Leavers", 2, 11, 18.0, 0.9, 0.9, 0),
    TeamPlan("FOS", "Fostering", "Fostering", 2, 11, 15.0, 0.9, 0.6, 0),
    TeamPlan("ADO", "Adoption", "Adoption", 2, 9, 13.0, 1.0, 0.6, 0),
    TeamPlan("CWD", "Children with Disabilities", "Children with Disabilities", 2, 11, 16.0,
             1.1, 0.7, 1),
    # Newly qualified social workers spend their assessed and supported year here.
    TeamPlan(ACADEMY, "ASYE Academy", "Social Work Academy", 2, 12, 17.0, 0.8, 0.45, 0),
)

JOB_TITLES = {TEAM_MANAGER: "Team Manager", SENIOR_PRACTITIONER: "Senior Practitioner",
              CASE_HOLDER: "Social Worker"}
ACADEMY_TITLES = {TEAM_MANAGER: "Academy Manager", SENIOR_PRACTITIONER: "Practice Lead",
                  CASE_HOLDER: "Newly Qualified Social Worker"}
GRADES = {TEAM_MANAGER: "Grade 12", SENIOR_PRACTITIONER: "Grade 11", CASE_HOLDER: "Grade 10"}
ACADEMY_CASE_HOLDER_GRADE = "Grade 9"


@dataclass(frozen=True)
class Change:
    """Posts added (count > 0) or disestablished (count < 0) from a Monday."""

    on: date
    team_id: str
    org_role: int
    count: int
    why: str


CHANGES: tuple[Change, ...] = (
    *(Change(date(2019, 4, 1), team, CASE_HOLDER, 2, "Rising demand at the front door")
      for team in ("CA1", "CA2", "CP1", "CP2")),
    Change(date(2020, 4, 6), "ADO", CASE_HOLDER, -4,
           "Adoption work moves to the regional adoption agency, Adopt Wessex"),
    *(Change(date(2021, 1, 4), team, CASE_HOLDER, 1, "Covid-19 recovery: more family support")
      for team in ("FF1", "FF2", "FF3")),
    *(Change(date(2021, 1, 4), team, CASE_HOLDER, 2, "More children in care")
      for team in ("CLA1", "CLA2")),
    Change(date(2022, 10, 3), ACADEMY, CASE_HOLDER, 4, "Grow our own: a bigger ASYE academy"),
    Change(date(2022, 10, 3), ACADEMY, SENIOR_PRACTITIONER, 1, "A third practice lead"),
    *(Change(date(2024, 4, 1), team, CASE_HOLDER, -1, "Families First restructure")
      for team in ("FF1", "FF2", "FF3")),
    Change(date(2024, 4, 1), "CWD", SENIOR_PRACTITIONER, 1, "Transitions lead for 16-25s"),
)


@dataclass(frozen=True)
class Surge:
    """Agency workers taken on above the establishment while demand is high."""

    team_id: str
    first: date
    last: date
    count: int
    why: str


SURGES: tuple[Surge, ...] = (
    Surge("CA1", date(2020, 10, 5), date(2022, 12, 23), 2, "Covid-19 demand at the front door"),
    Surge("CA2", date(2020, 10, 5), date(2022, 12, 23), 2, "Covid-19 demand at the front door"),
    Surge("CP1", date(2021, 3, 1), date(2022, 12, 23), 1, "Child protection plans at a peak"),
    Surge("CP2", date(2021, 3, 1), date(2022, 12, 23), 1, "Child protection plans at a peak"),
    Surge("FF2", date(2023, 3, 6), date(2023, 9, 29), 2, "Clearing a backlog of assessments"),
)


def intake_dates(first_year: int, last_year: int) -> list[date]:
    """ASYE intake Mondays: the first Monday in March and the second Monday in September."""
    dates = []
    for year in range(first_year, last_year + 1):
        for month, earliest in ((3, 1), (9, 8)):
            dates.append(monday_on_or_after(date(year, month, earliest)))
    return dates


def monday_on_or_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + (7 - day.weekday()) % 7)
