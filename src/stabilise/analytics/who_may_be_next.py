"""Who may be next: workers in post whose circumstances are those that recent leavers had.

Each circumstance is worked out for a person on a day D, by the one function `circumstances`,
for both kinds of people:
- someone in post: D is today;
- a leaver: D is their **notice day**, their leaving day less the notice period (NOTICE_WEEKS,
  4 weeks by default, a social worker's usual notice; a setting). That is when they decided to
  go: in the weeks of their notice they hand their cases over and wind down, so on their last
  day nobody has a high caseload, whatever drove them out. What happens in the notice period
  itself (after D) is never looked at.

The circumstances, as they apply on D (for a leaver, "had it" means exactly this, with D their
notice day):

- **High caseload**: in at least CASELOAD_WEEKS_ABOVE of the last CASELOAD_WEEKS weeks, their
  caseload was at least CASELOAD_ABOVE_PCT % above their team's average. The weeks end on the
  Fridays up to D (the latest Friday on or before D and the ones before it); caseloads and
  team averages are the weekly caseload report's (analytics.caseload_views): the average of
  the case holders of the team of the worker's main assignment that Friday. For a leaver with
  the default notice, the 6 weeks before their notice day: the hand-over is not in them, and a
  high caseload a year before does not count.
- **ASYE review overdue**: on the ASYE programme on D with a review overdue on D
  (analytics.asye_reviews: due dates moved on by long absences; the optional 9-month review
  is never overdue).
- **Reflective supervision overdue**: on the programme on D, and the last reflective
  supervision on or before D (or the programme's start, if none yet) was more than
  SUPERVISION_DUE_DAYS days before D. Looked for only where the council records reflective
  supervision at all (`supervisions` given).
- **Just past the ASYE**: passed the ASYE in the AFTER_ASYE_MONTHS calendar months to D (after
  D minus six months, on or before D).
- **Long sickness absence**: sickness (SIC) absences starting in the year to D (measures.md's
  year) lost SICKNESS_DAYS working days or more between them, or one of them lasted
  SICKNESS_SPELL_DAYS calendar days or more (4 weeks; a spell still open, or running past D,
  counts to D).

In post on D: an in-post (permanent or fixed-term) assignment active on D. The last 12 months'
leavers: measures.md's leavers with a leaving day in the year to today (so their notice days
run from a year and a notice period ago); someone who leaves twice in the year counts twice.
A leaver whose notice day falls before they started with the council is judged on that day
all the same (they had no caseload or programme with it yet). Nothing here is a score: a
person is listed with the circumstances that apply, and the count of them only orders the list.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date

import polars as pl

from stabilise.academy import codes
from stabilise.analytics import measure_parts as parts
from stabilise.analytics.academy import in_post_on
from stabilise.analytics.asye_reviews import OVERDUE, on_programme, review_lines
from stabilise.analytics.caseload_views import caseloads_beside_team_average
from stabilise.analytics.frames import CouncilFrames

CASELOAD_WEEKS = 6
CASELOAD_WEEKS_ABOVE = 4
CASELOAD_ABOVE_PCT = 20
SUPERVISION_DUE_DAYS = 42
AFTER_ASYE_MONTHS = 6
SICKNESS_DAYS = 20
SICKNESS_SPELL_DAYS = 28
NOTICE_WEEKS = 4

HIGH_CASELOAD = "high_caseload"
REVIEW_OVERDUE = "review_overdue"
SUPERVISION_OVERDUE = "supervision_overdue"
AFTER_ASYE = "after_asye"
LONG_SICKNESS = "long_sickness"
CIRCUMSTANCES = (HIGH_CASELOAD, REVIEW_OVERDUE, SUPERVISION_OVERDUE, AFTER_ASYE, LONG_SICKNESS)

# One row per reflective supervision held (academy.ReflectiveSupervision).
SUPERVISIONS: dict[str, pl.DataType] = {
    "worker_id": pl.String(),
    "cohort": pl.String(),
    "held_on": pl.Date(),
}
PEOPLE: dict[str, pl.DataType] = {"worker_id": pl.String(), "as_at": pl.Date()}


def _fridays(people: pl.DataFrame) -> pl.DataFrame:
    """worker_id, as_at, friday: the CASELOAD_WEEKS Fridays up to each as_at, latest first."""
    # Polars' weekday is 1 (Monday) to 7; (weekday + 2) % 7 is the days back to Friday.
    latest = pl.col("as_at") - pl.duration(days=(pl.col("as_at").dt.weekday() + 2) % 7)
    return (
        people.with_columns(
            friday=pl.concat_list([latest - pl.duration(weeks=n) for n in range(CASELOAD_WEEKS)])
        )
        .explode("friday")
        .with_columns(latest=pl.col("friday") == latest)
    )


def _caseloads(frames: CouncilFrames, people: pl.DataFrame) -> pl.DataFrame:
    weeks = _fridays(people)
    fridays = weeks["friday"].unique().sort().to_list()
    beside = caseloads_beside_team_average(frames, fridays).rename({"as_at": "friday"})
    # At least CASELOAD_ABOVE_PCT % above the average, in whole numbers (no rounding at 20 %).
    above = pl.col("caseload") * pl.col("team_case_holders") * 100 >= pl.col("team_cases") * (
        100 + CASELOAD_ABOVE_PCT
    )
    return (
        weeks.join(beside, on=["friday", "worker_id"], how="left")
        .group_by("worker_id", "as_at")
        .agg(
            weeks_above=above.fill_null(False).sum().cast(pl.Int64),
            caseload=pl.col("caseload").filter("latest").first(),
            team_average=pl.col("team_average").filter("latest").first(),
        )
    )


def _reviews(frames: CouncilFrames, people: pl.DataFrame) -> pl.DataFrame:
    """worker_id, as_at, overdue_reviews (the months of the reviews overdue, e.g. [3, 6])."""
    rows: list[tuple[str, date, list[int]]] = []
    for (as_at,), group in people.group_by("as_at"):
        assert isinstance(as_at, date)
        theirs = frames.asye.filter(pl.col("worker_id").is_in(group["worker_id"].implode()))
        overdue: dict[str, list[int]] = {}
        for line in review_lines(dataclasses.replace(frames, asye=theirs), as_at):
            if line.status == OVERDUE:
                overdue.setdefault(line.worker_id, []).append(line.month)
        rows += [(worker_id, as_at, sorted(months)) for worker_id, months in overdue.items()]
    return pl.DataFrame(
        rows,
        schema={**PEOPLE, "overdue_reviews": pl.List(pl.Int64)},
        orient="row",
    )


def _supervision(
    frames: CouncilFrames, people: pl.DataFrame, supervisions: pl.DataFrame
) -> pl.DataFrame:
    """worker_id, as_at, last_supervision_on, supervision_overdue: NQSWs on the programme."""
    found: list[pl.DataFrame] = []
    for (as_at,), group in people.group_by("as_at"):
        assert isinstance(as_at, date)
        theirs = frames.asye.filter(pl.col("worker_id").is_in(group["worker_id"].implode()))
        nqsws = on_programme(dataclasses.replace(frames, asye=theirs), as_at).select(
            "worker_id", "cohort", "programme_start"
        )
        held = (
            supervisions.filter(pl.col("held_on") <= as_at)
            .group_by("worker_id", "cohort")
            .agg(last_supervision_on=pl.col("held_on").max())
        )
        since = pl.max_horizontal("programme_start", "last_supervision_on")
        found.append(
            nqsws.join(held, on=["worker_id", "cohort"], how="left")
            .with_columns(as_at=pl.lit(as_at, dtype=pl.Date))
            .with_columns(overdue=(pl.col("as_at") - since).dt.total_days() > SUPERVISION_DUE_DAYS)
            .group_by("worker_id", "as_at")
            .agg(
                last_supervision_on=pl.col("last_supervision_on").max(),
                supervision_overdue=pl.col("overdue").any(),
            )
        )
    schema = {**PEOPLE, "last_supervision_on": pl.Date(), "supervision_overdue": pl.Boolean()}
    if not found:
        return pl.DataFrame(schema=schema)
    return pl.concat(found).cast(schema)  # type: ignore[arg-type]


def _after_asye(frames: CouncilFrames, people: pl.DataFrame) -> pl.DataFrame:
    passed = frames.asye.filter(pl.col("outcome") == codes.PASSED).select(
        "worker_id", "completed_on"
    )
    return (
        people.join(passed, on="worker_id")
        .filter(
            (pl.col("completed_on") <= pl.col("as_at"))
            & (pl.col("completed_on") > pl.col("as_at").dt.offset_by(f"-{AFTER_ASYE_MONTHS}mo"))
        )
        .group_by("worker_id", "as_at")
        .agg(asye_completed_on=pl.col("completed_on").max())
    )


def _sickness(frames: CouncilFrames, people: pl.DataFrame) -> pl.DataFrame:
    absences = frames.absences
    sick = absences.filter(parts.spelled_as(absences, "reason", "sic"))
    ends = pl.min_horizontal(pl.col("end_date").fill_null(pl.col("as_at")), pl.col("as_at"))
    return (
        people.join(sick, on="worker_id")
        .filter(
            (pl.col("start_date") <= pl.col("as_at"))
            & (pl.col("start_date") > pl.col("as_at").dt.offset_by("-1y"))
        )
        .group_by("worker_id", "as_at")
        .agg(
            sickness_days=pl.col("working_days_lost").fill_null(0.0).sum(),
            longest_spell_days=((ends - pl.col("start_date")).dt.total_days() + 1).max(),
        )
    )


def circumstances(
    frames: CouncilFrames, people: pl.DataFrame, supervisions: pl.DataFrame | None = None
) -> pl.DataFrame:
    """One row per (worker_id, as_at) of `people`, with the figures behind each circumstance
    and one boolean column per circumstance (CIRCUMSTANCES), and `reasons`, how many apply.

    `supervisions` (SUPERVISIONS) is None where the council records no reflective supervision:
    then supervision_overdue is null (not known), never true."""
    people = people.select(list(PEOPLE)).cast(PEOPLE).unique()  # type: ignore[arg-type]
    table = (
        people.join(_caseloads(frames, people), on=["worker_id", "as_at"], how="left")
        .join(_reviews(frames, people), on=["worker_id", "as_at"], how="left")
        .join(_after_asye(frames, people), on=["worker_id", "as_at"], how="left")
        .join(_sickness(frames, people), on=["worker_id", "as_at"], how="left")
    )
    if supervisions is not None:
        table = table.join(
            _supervision(frames, people, supervisions), on=["worker_id", "as_at"], how="left"
        ).with_columns(pl.col("supervision_overdue").fill_null(False))
    else:
        table = table.with_columns(
            last_supervision_on=pl.lit(None, dtype=pl.Date),
            supervision_overdue=pl.lit(None, dtype=pl.Boolean),
        )
    table = table.with_columns(
        weeks_above=pl.col("weeks_above").fill_null(0),
        overdue_reviews=pl.col("overdue_reviews").fill_null([]),
        sickness_days=pl.col("sickness_days").fill_null(0.0),
        longest_spell_days=pl.col("longest_spell_days").fill_null(0),
    ).with_columns(
        high_caseload=pl.col("weeks_above") >= CASELOAD_WEEKS_ABOVE,
        review_overdue=pl.col("overdue_reviews").list.len() > 0,
        after_asye=pl.col("asye_completed_on").is_not_null(),
        long_sickness=(pl.col("sickness_days") >= SICKNESS_DAYS)
        | (pl.col("longest_spell_days") >= SICKNESS_SPELL_DAYS),
    )
    reasons = pl.sum_horizontal(pl.col(c).fill_null(False).cast(pl.Int64) for c in CIRCUMSTANCES)
    return table.with_columns(reasons=reasons).sort("worker_id", "as_at")


@dataclass(frozen=True)
class Grounding:
    """How common a circumstance was among the last year's leavers on their notice days, and
    among those in post now."""

    circumstance: str
    leavers_with: int
    leavers: int
    in_post_with: int
    in_post: int


@dataclass(frozen=True)
class WhoMayBeNext:
    as_at: date
    # Workers in post with at least one circumstance: worker_id, display_name, team_id,
    # team_name and circumstances()'s columns; most reasons first, then by name.
    workers: pl.DataFrame
    grounding: tuple[Grounding, ...]
    supervision_looked_for: bool
    notice_weeks: int
    # The last year's leavers: left_on and circumstances()'s columns, as_at their notice day.
    leavers: pl.DataFrame


def _team_on(frames: CouncilFrames, as_at: date) -> pl.DataFrame:
    """worker_id, team_id: the team of each worker's main assignment on `as_at`."""
    return (
        caseloads_beside_team_average(frames, [as_at])
        .select("worker_id", "team_id")
        .join(frames.teams.select("team_id", "team_name"), on="team_id", how="left")
    )


def leavers_at_notice(frames: CouncilFrames, as_at: date, notice_weeks: int) -> pl.DataFrame:
    """worker_id, left_on and as_at, their notice day: the leavers of the year to `as_at`."""
    if notice_weeks < 0:
        raise ValueError(f"a notice period is a number of weeks, not {notice_weeks}")
    year_ago = pl.lit(as_at, dtype=pl.Date).dt.offset_by("-1y")
    return (
        parts.leavers(frames.assignments)
        .filter((pl.col("end_date") <= as_at) & (pl.col("end_date") > year_ago))
        .select(
            "worker_id",
            left_on="end_date",
            as_at=pl.col("end_date") - pl.duration(weeks=notice_weeks),
        )
        .cast({"left_on": pl.Date, "as_at": pl.Date})
        .unique()
    )


def who_may_be_next(
    frames: CouncilFrames,
    as_at: date,
    supervisions: pl.DataFrame | None = None,
    *,
    notice_weeks: int = NOTICE_WEEKS,
) -> WhoMayBeNext:
    in_post = pl.DataFrame(
        {"worker_id": in_post_on(frames.assignments, as_at).sort(), "as_at": as_at},
        schema=PEOPLE,
    )
    leavers = leavers_at_notice(frames, as_at, notice_weeks)
    now = circumstances(frames, in_post, supervisions)
    then = leavers.join(
        circumstances(frames, leavers, supervisions), on=["worker_id", "as_at"], how="left"
    ).sort("left_on", "worker_id")
    looked_for = [c for c in CIRCUMSTANCES if supervisions is not None or c != SUPERVISION_OVERDUE]
    grounding = tuple(
        Grounding(
            circumstance=c,
            leavers_with=int(then[c].fill_null(False).sum()),
            leavers=then.height,
            in_post_with=int(now[c].fill_null(False).sum()),
            in_post=now.height,
        )
        for c in looked_for
    )
    workers = (
        now.filter(pl.col("reasons") > 0)
        .join(_team_on(frames, as_at), on="worker_id", how="left")
        .join(frames.workers.select("worker_id", "display_name"), on="worker_id", how="left")
        .sort(["reasons", "display_name", "worker_id"], descending=[True, False, False])
    )
    return WhoMayBeNext(as_at, workers, grounding, supervisions is not None, notice_weeks, then)
