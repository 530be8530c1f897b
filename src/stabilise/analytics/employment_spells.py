"""Employment spells, what the retention curves are drawn from, and the stability index.

A **spell** is one employment with the council, in measures.md's words: it begins on a starter's
first day S (an in-post start with no in-post assignment active on S-1, measure_parts.starters)
and ends on that worker's first leaving day L on or after S (an in-post assignment ending on L
with no in-post assignment active on L+1, measure_parts.leavers: the one leaver definition). A
move between teams or posts is neither a start nor a leaving, so it never ends a spell; a worker
who leaves and comes back later has two spells. Agency work is not in post and makes no spell.

Each spell, as at a day D (`as_at`):

- `service_days`: L - S + 1 for a spell that has ended (`left`), as leavers.py counts service;
  D - S + 1 for one still running on D, which is censored there. A leaving day after D (an end
  date already typed in) is not yet a leaving.
- `entry_days`: the late entry. The register holds every leaving only from the day its records
  begin, R (analytics.benchmark.register_begins: its first caseload snapshot, absence or
  assignment end). Someone already in post on R has the true start date S < R, so their time is
  measured from S, but they could only have been seen to leave from R on: `entry_days` = R - S,
  the days of service before the records, and the spell is at risk of leaving only with more
  service than that (lifelines' `entry`, left truncation). Spells starting on or after R have 0.
  Spells ended before R are left out: the register cannot hold all of those.
- The groups it falls in: `start_year` (the year of S; "In post when records began" for S < R),
  `route` (the start origin of the assignment that began it: 1 is "Newly qualified", a known
  origin 2 to 8 "Experienced", 9, 10 or none "Not recorded") and `team_id`/`team_name`, `role`
  and `contract` of the worker's main in-post assignment (largest FTE, then earliest start, as
  the weekly caseload report picks it) on the spell's last day: the day they left, or D.

**Stability** on D (the stability index as the DfE and ADCS use it, and NHS workforce statistics
before them): of the workers in post a year ago, on D minus one calendar year (Polars' offset,
29 February becoming 28 February; the day before measures.md's year to D begins), the share
still in post on D in the same spell, i.e. without leaving in between. 100 x still / then, by
headcount; None when nobody was in post a year ago or the records begin after it. A worker who
left and came back within the year is not stable. By team, role or contract, a worker counts in
the group of their main in-post assignment a year ago.
"""

from dataclasses import dataclass
from datetime import date

import polars as pl

from stabilise import csww
from stabilise.analytics import measure_parts as parts
from stabilise.analytics.benchmark import register_begins
from stabilise.analytics.frames import CouncilFrames

IN_POST_WHEN_RECORDS_BEGAN = "In post when records began"
NEWLY_QUALIFIED, EXPERIENCED, NOT_RECORDED = "Newly qualified", "Experienced", "Not recorded"
NEWLY_QUALIFIED_ORIGIN = 1
KNOWN_ORIGINS = range(2, 9)  # START_ORIGIN 9 is "not known", 10 "not yet collected"
ROUTES = (NEWLY_QUALIFIED, EXPERIENCED, NOT_RECORDED)
CONTRACTS = dict(csww.CONTRACT)

SPELL_SCHEMA: dict[str, pl.DataType] = {
    "worker_id": pl.String(),
    "started_on": pl.Date(),
    "left_on": pl.Date(),
    "last_day": pl.Date(),
    "left": pl.Boolean(),
    "service_days": pl.Int64(),
    "entry_days": pl.Int64(),
    "start_year": pl.String(),
    "route": pl.String(),
    "team_id": pl.String(),
    "team_name": pl.String(),
    "role": pl.String(),
    "contract": pl.String(),
}
SPELL_COLUMNS = tuple(SPELL_SCHEMA)


def records_begin(frames: CouncilFrames) -> date | None:
    """The first day the frames hold records for (see the module docstring)."""

    def first(frame: pl.DataFrame, column: str) -> date | None:
        value = frame.get_column(column).min() if frame.height else None
        return value if isinstance(value, date) else None

    return register_begins(
        first_snapshot=first(frames.caseloads, "date"),
        first_absence=first(frames.absences, "start_date"),
        first_end=first(frames.assignments, "end_date"),
        first_start=first(frames.assignments, "start_date"),
    )


def _keyed_in_post(assignments: pl.DataFrame) -> pl.DataFrame:
    """In-post assignments with the columns the spells need, `_row` their row in the frame."""
    prepared = parts.prepare_assignments(assignments, pl.lit("")).filter("in_post")
    return prepared.select("_row", "worker_id", "fte", "start_date", "_end").join(
        assignments.with_row_index("_row").select(
            "_row", "team_id", "org_role", "contract", "start_origin"
        ),
        on="_row",
    )


def main_assignment_on(pairs: pl.DataFrame, in_post: pl.DataFrame, day: str) -> pl.DataFrame:
    """For each row of `pairs` (`_spell`, worker_id, and the date column `day`): team_id,
    org_role and contract of the worker's main in-post assignment active that day."""
    order, descending = parts._main_first()
    return (
        pairs.select("_spell", "worker_id", day)
        .join(in_post, on="worker_id")
        .filter((pl.col("start_date") <= pl.col(day)) & (pl.col("_end") >= pl.col(day)))
        .group_by("_spell")
        .agg(
            pl.col("team_id", "org_role", "contract").sort_by(order, descending=descending).first()
        )
    )


def _group_labels(frame: pl.DataFrame, teams: pl.DataFrame) -> pl.DataFrame:
    """team_name, role and contract as shown, from team_id, org_role and contract codes."""
    contract = pl.col("contract").str.strip_chars().str.to_lowercase()
    return frame.join(teams.select("team_id", "team_name"), on="team_id", how="left").with_columns(
        team_name=pl.col("team_name").fill_null(pl.col("team_id")).fill_null(NOT_RECORDED),
        role=pl.col("org_role")
        .replace_strict(dict(csww.ORG_ROLE), default=None, return_dtype=pl.String)
        .fill_null(NOT_RECORDED),
        contract=contract.replace_strict(CONTRACTS, default=NOT_RECORDED, return_dtype=pl.String),
    )


def _start_labels(begins: date) -> list[pl.Expr]:
    origin = pl.col("start_origin")
    return [
        pl.when(pl.col("started_on") < begins)
        .then(pl.lit(IN_POST_WHEN_RECORDS_BEGAN))
        .otherwise(pl.col("started_on").dt.year().cast(pl.String))
        .alias("start_year"),
        pl.when(origin == NEWLY_QUALIFIED_ORIGIN)
        .then(pl.lit(NEWLY_QUALIFIED))
        .when(origin.is_in(list(KNOWN_ORIGINS)))
        .then(pl.lit(EXPERIENCED))
        .otherwise(pl.lit(NOT_RECORDED))
        .alias("route"),
    ]


def employment_spells(
    frames: CouncilFrames, as_at: date, begins: date | None = None
) -> pl.DataFrame:
    """Every spell that began by `as_at` and had not ended before the records `begins`
    (default: `records_begin(frames)`), one row each with SPELL_COLUMNS, oldest first."""
    begins = begins if begins is not None else records_begin(frames)
    assignments = frames.assignments
    if begins is None or begins > as_at:
        return pl.DataFrame(schema=SPELL_SCHEMA)
    in_post = _keyed_in_post(assignments)
    keyed = assignments.with_row_index("_key")
    # Two assignments can begin the same employment on one day: the main one says where from.
    starts = (
        parts.starters(keyed)
        .filter(pl.col("start_date") <= as_at)
        .sort([pl.col("fte").fill_null(0.0), pl.col("_key")], descending=[True, False])
        .group_by("worker_id", "start_date", maintain_order=True)
        .agg(pl.col("start_origin").first())
        .rename({"start_date": "started_on"})
        .sort("started_on")
    )
    ends = (
        parts.leavers(keyed)
        .filter(pl.col("end_date") <= as_at)
        .select("worker_id", left_on="end_date")
        .unique()
        .with_columns(_leaving=pl.col("left_on"))
        .sort("_leaving")
    )
    spells = (
        starts.join_asof(
            ends,
            left_on="started_on",
            right_on="_leaving",
            by="worker_id",
            strategy="forward",
            check_sortedness=False,
        )
        .filter(pl.col("left_on").is_null() | (pl.col("left_on") >= begins))
        .with_columns(
            left=pl.col("left_on").is_not_null(),
            last_day=pl.col("left_on").fill_null(as_at),
        )
        .with_columns(
            *_start_labels(begins),
            service_days=(pl.col("last_day") - pl.col("started_on")).dt.total_days() + 1,
            entry_days=(pl.lit(begins) - pl.col("started_on")).dt.total_days().clip(lower_bound=0),
        )
        .with_row_index("_spell")
    )
    at_last_day = main_assignment_on(spells, in_post, "last_day")
    return (
        _group_labels(spells.join(at_last_day, on="_spell", how="left"), frames.teams)
        .sort("started_on", "worker_id")
        .select(SPELL_COLUMNS)
        .cast(SPELL_SCHEMA)  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Stability:
    """The stability index on `as_at` for one group (`group` "All" for the council)."""

    group: str
    as_at: date
    year_ago: date
    in_post_year_ago: int
    still_in_post: int

    @property
    def index(self) -> float | None:
        """100 x still_in_post / in_post_year_ago; None when nobody was in post a year ago."""
        if self.in_post_year_ago == 0:
            return None
        return 100.0 * self.still_in_post / self.in_post_year_ago


def year_before(day: date) -> date:
    """`day` minus one calendar year, as Polars offsets it (29 February to 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def stability(
    frames: CouncilFrames,
    as_at: date,
    by: str | None = None,
    begins: date | None = None,
) -> list[Stability]:
    """The stability index on `as_at` for the council (`by` None), or for each group of `by`:
    "team_name", "role", "contract" (as a year ago), "route" or "start_year". Empty when the
    records begin after the day a year ago."""
    year_ago = year_before(as_at)
    begins = begins if begins is not None else records_begin(frames)
    if begins is None or begins > year_ago:
        return []
    spells = employment_spells(frames, as_at, begins)
    then = spells.filter(
        (pl.col("started_on") <= year_ago) & (pl.col("last_day") >= year_ago)
    ).with_columns(stayed=pl.col("last_day") >= as_at, _year_ago=pl.lit(year_ago))
    if by in ("team_name", "role", "contract"):
        # The group of a year ago, not of the last day: a mover counts where they were then.
        then = then.drop("team_id", "team_name", "role", "contract").with_row_index("_spell")
        at_year_ago = main_assignment_on(then, _keyed_in_post(frames.assignments), "_year_ago")
        then = _group_labels(then.join(at_year_ago, on="_spell", how="left"), frames.teams)
    elif by is not None and by not in ("route", "start_year"):
        raise ValueError(
            f"stability breaks down by team_name, role, contract, route or start_year, not {by!r}"
        )
    group = pl.lit("All") if by is None else pl.col(by)
    counts = (
        then.group_by(group.alias("group"))
        .agg(
            in_post=pl.col("worker_id").n_unique(),
            stayed=pl.col("worker_id").filter("stayed").n_unique(),
        )
        .sort("group")
    )
    if counts.height == 0 and by is None:
        return [Stability("All", as_at, year_ago, 0, 0)]
    return [
        Stability(str(row["group"]), as_at, year_ago, row["in_post"], row["stayed"])
        for row in counts.iter_rows(named=True)
    ]
