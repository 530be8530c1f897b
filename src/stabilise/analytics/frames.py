"""The frames every analytic takes: the import files' columns, typed.

The Django side (workforce/selectors.py) builds them from the database, the demo builds them
from its simulation, and tests build them by hand; the analytics never know which.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl
from polars._typing import PolarsDataType

TEAMS: dict[str, PolarsDataType] = {
    "team_id": pl.String,
    "team_name": pl.String,
    "service": pl.String,
    "parent_team_id": pl.String,
}
POSTS: dict[str, PolarsDataType] = {
    "post_id": pl.String,
    "team_id": pl.String,
    "org_role": pl.Int64,
    "job_title": pl.String,
    "grade": pl.String,
    "fte": pl.Float64,
    "hard_to_fill": pl.Boolean,
    "established_from": pl.Date,
    "established_to": pl.Date,
}
WORKERS: dict[str, PolarsDataType] = {
    "worker_id": pl.String,
    "display_name": pl.String,
    "swe_number": pl.String,
    "date_of_birth": pl.Date,
    "gender": pl.Int64,
    "ethnicity": pl.String,
    "qual_level": pl.Int64,
    "qual_institution": pl.String,
    "qualified_on": pl.Date,
    "step_up_grad": pl.Boolean,
    "frontline_grad": pl.Boolean,
}
ASSIGNMENTS: dict[str, PolarsDataType] = {
    "assignment_id": pl.String,
    "worker_id": pl.String,
    "team_id": pl.String,
    "post_id": pl.String,
    "org_role": pl.Int64,
    "job_title": pl.String,
    "contract": pl.String,
    "fte": pl.Float64,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "start_origin": pl.Int64,
    "end_reason": pl.Int64,
    "end_destination": pl.Int64,
    "agency_name": pl.String,
    "hourly_rate": pl.Float64,
    "covers_vacancy": pl.Boolean,
}
CASELOADS: dict[str, PolarsDataType] = {
    "worker_id": pl.String,
    "date": pl.Date,
    "cases": pl.Int64,
    "weighted_points": pl.Float64,
}
ABSENCES: dict[str, PolarsDataType] = {
    "worker_id": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "reason": pl.String,
    "working_days_lost": pl.Float64,
}

# The ASYE academy (contracts/academy.md): the `asye` file's columns, plus whether the practice
# lead has asked for the optional 9-month review (set in the application, not in the file).
ASYE: dict[str, PolarsDataType] = {
    "worker_id": pl.String,
    "cohort": pl.String,
    "programme_start": pl.Date,
    "route": pl.String,
    "practice_lead": pl.String,
    "mentor_worker_id": pl.String,
    "review_3m": pl.Date,
    "review_6m": pl.Date,
    "review_9m": pl.Date,
    "review_12m": pl.Date,
    "outcome": pl.String,
    "completed_on": pl.Date,
    "review_9m_required": pl.Boolean,
}

# Past exit interviews (README, "Importing past exit interviews"): the file's columns. `themes`
# is the file's text, "Name:weight; Name:weight".
EXIT_INTERVIEWS: dict[str, PolarsDataType] = {
    "worker_id": pl.String,
    "left_on": pl.Date,
    "status": pl.String,
    "held_on": pl.Date,
    "held_by": pl.String,
    "regretted": pl.Boolean,
    "would_return": pl.String,
    "themes": pl.String,
    "comments": pl.String,
    "new_employer": pl.String,
}

SCHEMAS: Mapping[str, Mapping[str, PolarsDataType]] = {
    "teams": TEAMS,
    "posts": POSTS,
    "workers": WORKERS,
    "assignments": ASSIGNMENTS,
    "caseloads": CASELOADS,
    "absences": ABSENCES,
}
# Frames beside the register's (which SCHEMAS lists, as the benchmarks and tests iterate it).
OTHER_SCHEMAS: Mapping[str, Mapping[str, PolarsDataType]] = {
    "asye": ASYE,
    "exit_interviews": EXIT_INTERVIEWS,
}


def _schema(name: str) -> Mapping[str, PolarsDataType]:
    return SCHEMAS[name] if name in SCHEMAS else OTHER_SCHEMAS[name]


def empty(name: str) -> pl.DataFrame:
    return pl.DataFrame(schema=_schema(name))


def conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with exactly the schema's columns, in order, cast; missing columns are null."""
    schema = _schema(name)
    if frame.width == 0:
        # A frame with no columns has no rows either; selecting literals from it would give one.
        return empty(name)
    return frame.select(
        [
            (pl.col(col) if col in frame.columns else pl.lit(None)).cast(dtype).alias(col)
            for col, dtype in schema.items()
        ]
    )


@dataclass(frozen=True)
class CouncilFrames:
    """One council's register as frames. Any frame may be empty; none is ever missing."""

    teams: pl.DataFrame = field(default_factory=lambda: empty("teams"))
    posts: pl.DataFrame = field(default_factory=lambda: empty("posts"))
    workers: pl.DataFrame = field(default_factory=lambda: empty("workers"))
    assignments: pl.DataFrame = field(default_factory=lambda: empty("assignments"))
    caseloads: pl.DataFrame = field(default_factory=lambda: empty("caseloads"))
    absences: pl.DataFrame = field(default_factory=lambda: empty("absences"))
    asye: pl.DataFrame = field(default_factory=lambda: empty("asye"))
    exit_interviews: pl.DataFrame = field(default_factory=lambda: empty("exit_interviews"))

    @classmethod
    def of(cls, **frames: pl.DataFrame) -> "CouncilFrames":
        """Frames given by hand (tests, demo), conformed to the schemas."""
        return cls(**{name: conform(name, frame) for name, frame in frames.items()})
