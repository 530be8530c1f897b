"""Posts and assignments as the staffing simulation keeps them while it runs.

Each carries a little working state (who holds a post, who covers it, when recruitment can
finish) beside the fields of its import-file row; `row()` gives just the row.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

ROW_FIELDS_POST = ("post_id", "team_id", "org_role", "job_title", "grade", "fte",
                   "hard_to_fill", "established_from", "established_to")
ROW_FIELDS_ASSIGNMENT = ("assignment_id", "worker_id", "team_id", "post_id", "org_role",
                         "job_title", "contract", "fte", "start_date", "end_date",
                         "start_origin", "end_reason", "end_destination", "agency_name",
                         "hourly_rate", "covers_vacancy")


@dataclass(frozen=True)
class HeavySpell:
    """Weeks when a holder carries `extra` (a share) more than their usual caseload, from
    `first` to `last` (demo/heavy_caseloads.py)."""

    first: date
    last: date
    extra: float


@dataclass(eq=False)
class Assignment:
    assignment_id: str
    worker_id: str
    team_id: str
    post_id: str | None
    org_role: int
    job_title: str
    contract: str
    fte: float
    start_date: date
    end_date: date | None = None
    start_origin: int | None = None
    end_reason: int | None = None
    end_destination: int | None = None
    agency_name: str | None = None
    hourly_rate: float | None = None
    covers_vacancy: bool | None = None
    # Working state, not exported: when a fixed-term contract or an agency booking runs out.
    planned_end: date | None = None
    heavy: list[HeavySpell] = field(default_factory=list)  # heavy caseload spells

    @property
    def is_agency(self) -> bool:
        return self.contract == "agency"

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ROW_FIELDS_ASSIGNMENT}


@dataclass(eq=False)
class Post:
    post_id: str
    team_id: str
    org_role: int
    job_title: str
    grade: str
    fte: float
    hard_to_fill: bool
    established_from: date
    established_to: date | None = None
    # Working state.
    holder: Assignment | None = None  # the in-post (permanent or fixed-term) assignment
    cover: Assignment | None = None  # an agency assignment covering the vacancy
    vacant_since: date | None = None
    recruit_from: date | None = None  # the earliest day an appointment can start
    agency_wanted: bool = False  # whether managers chose to cover this vacancy with agency
    closing: bool = False  # disestablished: goes when its holder leaves

    def is_open(self, day: date) -> bool:
        return self.established_from <= day and (
            self.established_to is None or day <= self.established_to
        )

    def is_vacant(self, day: date) -> bool:
        return self.is_open(day) and self.holder is None and not self.closing

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ROW_FIELDS_POST}
