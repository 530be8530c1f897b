"""Wessex County Council's exit interviews, derived from what happened to each leaver.

HR invites most leavers (few of those dismissed) to an exit interview, held by an HR adviser
with the team manager in the fortnight either side of the last day. Most are held; some leavers
decline or never reply (and those whose reason for leaving is "Not known" are among them); the
most recent are invited or scheduled, not yet held, as are all whose reason is "Not yet
collected". This is the `exit_interviews` import file, loaded by the ordinary import.

A held interview's themes come from the leaver's own story in the simulation:
- a caseload well above their team's in the 13 weeks before handing cases over: Caseload,
  Working hours, Wellbeing and stress; long sickness in the year before: Wellbeing and stress;
- to agency work: Agency pay (the agency they return through, if they do, is the new employer);
  to another council: Pay, Progression, Travel and geography; retired: Retirement; left during
  the ASYE: Supervision and support; soon after it: Progression, Supervision and support;
- Northshire's pay rise (story.PAY_RISES): those who left the north teams for another council in
  the weeks after it went to Northshire County Council and give Pay as the main reason.
Whether the council could have kept them and whether they would return follow from the main
theme; the comment is in their words (exit_words). Nothing here imports Django, and nothing in
the simulation changes: the same seed and day always give the same interviews.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import polars as pl

from stabilise import csww
from stabilise.analytics.frames import CouncilFrames, conform
from stabilise.analytics.leavers import leaver_table
from stabilise.demo import exit_words as words
from stabilise.demo.establishment import ACADEMY, TEAM_MANAGER
from stabilise.demo.names import AGENCIES
from stabilise.demo.people import YEAR, one_of, pick
from stabilise.demo.reasons import (
    DEST_AGENCY,
    DEST_OTHER_LA,
    DISMISSED,
    MOVED_WITHIN_LA,
    OTHER_REASON,
    REASON_NOT_COLLECTED,
    REASON_NOT_KNOWN,
    RETIRED,
    VOLUNTARY_REDUNDANCY,
)
from stabilise.demo.story import PAY_RISES, PayRise

MAIN, MAJOR, MINOR = 3, 2, 1
MOST_THEMES = 4
# The 13 weeks before the last four, when cases are handed over (demo/caseloads.py).
BEFORE_HANDOVER = (119, 29)
HIGH_CASELOAD_RATIO = 1.1  # of the team's cases per FTE
VERY_HIGH_CASELOAD_RATIO = 1.25
HIGH_CASELOAD = 20  # cases, whatever the team carries
QUOTED_CASELOAD = 17  # a leaver quotes their caseload only when it is a big one
LONG_SICKNESS_DAYS = 15
SOON_AFTER_ASYE = timedelta(days=540)
RECENT = timedelta(weeks=6)
NEWLY_QUALIFIED = dict(csww.START_ORIGIN)[1]
# Themes a council can act on: leavers giving one as the main reason are usually "regretted".
KEEPABLE = ("Caseload", "Working hours", "Supervision and support", "Management", "Pay",
            "Agency pay", "Progression", "Training", "Office and equipment",
            "IT and case recording", "Wellbeing and stress")


@dataclass(frozen=True)
class Leaving:
    """What the interview draws on: one leaving and the leaver's circumstances."""

    worker_id: str
    left_on: date
    team_id: str
    team_name: str
    org_role: int
    contract: str
    reason: int | None
    destination: int | None
    years_in_social_work: int
    age: float | None
    newly_qualified: bool
    asye_outcome: str | None
    asye_completed: date | None
    cases: float | None  # mean in the 13 weeks before the handover
    caseload_ratio: float | None  # against the team's, per FTE
    sickness_days: float
    agency_after: str | None  # the agency they came back through, if they did
    pay_rise: PayRise | None  # the neighbour's pay rise they left for, if they did

    @property
    def high_caseload(self) -> bool:
        return (self.caseload_ratio or 0) >= HIGH_CASELOAD_RATIO or (
            self.cases or 0
        ) >= HIGH_CASELOAD


def _team_caseloads(frames: CouncilFrames) -> pl.DataFrame:
    """Each snapshot with the team and FTE of the case-holding assignment it falls in."""
    holding = frames.assignments.filter(pl.col("org_role").is_in([4, 5])).select(
        "worker_id", "team_id", "fte", "start_date", "end_date"
    )
    return (
        frames.caseloads.select("worker_id", "date", "cases")
        .join(holding, on="worker_id")
        .filter(
            (pl.col("date") >= pl.col("start_date"))
            & (pl.col("end_date").is_null() | (pl.col("date") <= pl.col("end_date")))
        )
        .with_columns(per_fte=pl.col("cases") / pl.col("fte"))
        .select("worker_id", "team_id", "date", "cases", "per_fte")
    )


def _caseloads_before(frames: CouncilFrames, leavers: pl.DataFrame) -> dict[tuple, tuple]:
    """(worker_id, left_on) → (mean cases, their cases per FTE against their team's)."""
    snapshots = _team_caseloads(frames)
    team_days = snapshots.group_by("team_id", "date").agg(team=pl.col("per_fte").mean())
    far, near = BEFORE_HANDOVER
    windows = leavers.select(
        "worker_id", "left_on", "team_id",
        _from=pl.col("left_on") - pl.duration(days=far),
        _to=pl.col("left_on") - pl.duration(days=near),
    )
    in_window = pl.col("date").is_between(pl.col("_from"), pl.col("_to"))
    own = (
        windows.join(snapshots, on=["worker_id", "team_id"]).filter(in_window)
        .group_by("worker_id", "left_on")
        .agg(cases=pl.col("cases").mean(), own=pl.col("per_fte").mean())
    )
    team = (
        windows.join(team_days, on="team_id").filter(in_window)
        .group_by("worker_id", "left_on").agg(pl.col("team").mean())
    )
    joined = own.join(team, on=["worker_id", "left_on"], how="left")
    return {
        (w, left): (cases, own_rate / team_rate if team_rate else None)
        for w, left, cases, own_rate, team_rate in joined.select(
            "worker_id", "left_on", "cases", "own", "team"
        ).iter_rows()
    }


def _pay_rise(destination: int | None, left_on: date) -> PayRise | None:
    """The pay rise a leaver to another council went for: the simulation sends the north teams'
    experienced workers; anyone else leaving for a council in those weeks goes there too."""
    for rise in PAY_RISES:
        if destination == DEST_OTHER_LA and rise.on <= left_on < rise.on + timedelta(
            weeks=rise.weeks
        ):
            return rise
    return None


def leavings(frames: CouncilFrames) -> list[Leaving]:
    """Every leaver's leaving with its circumstances, oldest first."""
    table = leaver_table(frames).sort("left_on", "worker_id")
    caseloads = _caseloads_before(frames, table)
    workers = {w["worker_id"]: w for w in frames.workers.iter_rows(named=True)}
    asye = {a["worker_id"]: a for a in frames.asye.sort("programme_start").iter_rows(named=True)}
    agency = frames.assignments.filter(pl.col("contract") == "agency").sort("start_date")
    returns: dict[str, list[tuple[date, str]]] = {}
    for w, start, name in agency.select("worker_id", "start_date", "agency_name").iter_rows():
        returns.setdefault(w, []).append((start, name))
    found = []
    for row in table.iter_rows(named=True):
        worker, left_on = workers[row["worker_id"]], row["left_on"]
        born, qualified = worker["date_of_birth"], worker["qualified_on"]
        cases, ratio = caseloads.get((row["worker_id"], left_on), (None, None))
        course = asye.get(row["worker_id"], {})
        found.append(Leaving(
            worker_id=row["worker_id"], left_on=left_on, team_id=row["team_id"],
            team_name=row["team_name"] or row["team_id"], org_role=row["org_role"],
            contract=row["contract"], reason=row["end_reason"],
            destination=row["end_destination"],
            years_in_social_work=max(1, round((left_on - qualified).days / YEAR))
            if qualified else 1,
            age=(left_on - born).days / YEAR if born else None,
            newly_qualified=row["came_from"] == NEWLY_QUALIFIED,
            asye_outcome=course.get("outcome"), asye_completed=course.get("completed_on"),
            cases=cases, caseload_ratio=ratio, sickness_days=row["sickness_days"],
            agency_after=next(
                (name for start, name in returns.get(row["worker_id"], []) if start > left_on),
                None,
            ),
            pay_rise=_pay_rise(row["end_destination"], left_on),
        ))
    return found


def _status(rng: np.random.Generator, leaving: Leaving,
            today: date) -> tuple[str, date | None] | None:
    """(status, held_on), or None for a leaver HR did not invite."""
    if leaving.reason == DISMISSED and rng.random() < 0.8:
        return None
    if rng.random() < 0.04:  # nobody sent the invitation
        return None
    day = leaving.left_on + timedelta(days=int(rng.integers(-14, 22)))
    behind = today - leaving.left_on < RECENT and rng.random() < 0.7  # HR's backlog
    if leaving.reason == REASON_NOT_COLLECTED or day > today or behind:
        return ("scheduled" if rng.random() < 0.5 else "invited"), None
    if leaving.reason == REASON_NOT_KNOWN:
        return ("declined" if rng.random() < 0.6 else "invited"), None
    draw = rng.random()
    if leaving.pay_rise is None and (leaving.reason == DISMISSED or draw < 0.11):
        return "declined", None
    if leaving.pay_rise is None and draw < 0.16:
        return "invited", None  # never replied
    return "held", day


def _main_reasons(rng: np.random.Generator, leaver: Leaving) -> list[tuple[str, int]]:
    """The themes that follow from why and where the leaver went, the main one first."""
    dest = leaver.destination
    if leaver.reason == RETIRED:
        return [("Retirement", MAIN)]
    if leaver.pay_rise is not None:
        return [("Pay", MAIN), ("Travel and geography", MAJOR if rng.random() < 0.6 else MINOR),
                *([("Progression", MINOR)] if rng.random() < 0.3 else [])]
    if dest == DEST_AGENCY:
        return [("Agency pay", MAIN), *([("Working hours", MAJOR)] if rng.random() < 0.5 else []),
                *([("Management", MINOR)] if rng.random() < 0.25 else [])]
    if leaver.team_id == ACADEMY:
        return [("Supervision and support", MAIN),
                *([("Wellbeing and stress", MINOR)] if rng.random() < 0.4 else [])]
    if leaver.newly_qualified and leaver.asye_completed and leaver.left_on - leaver.asye_completed < SOON_AFTER_ASYE:
        first, second = ("Progression", "Supervision and support")
        if rng.random() < 0.5:
            first, second = second, first
        return [(first, MAIN), (second, MAJOR)]
    if dest == DEST_OTHER_LA:
        first = pick(rng, (("Pay", 0.4), ("Progression", 0.35), ("Travel and geography", 0.25)))
        second = one_of(rng, [t for t in ("Pay", "Progression", "Travel and geography")
                              if t != first])
        return [(first, MAIN), *([(second, MINOR)] if rng.random() < 0.5 else [])]
    if leaver.reason == VOLUNTARY_REDUNDANCY:
        return [("Retirement" if (leaver.age or 0) >= 55 else "Different kind of work", MAIN)]
    if leaver.reason == MOVED_WITHIN_LA or dest in (4, 5):
        return [("Different kind of work", MAIN),
                *([("Progression", MINOR)] if rng.random() < 0.3 else [])]
    if leaver.contract == "fixed_term" and leaver.reason == OTHER_REASON:
        return [("Progression", MINOR)] if rng.random() < 0.4 else []
    return [(pick(rng, (("Personal or family", 0.6), ("Different kind of work", 0.25),
                        ("Wellbeing and stress", 0.15))), MAIN)]


def themes_of(rng: np.random.Generator, leaver: Leaving, employer: str | None) -> dict[str, int]:
    """Theme → weight: the main reasons, then what the leaver's circumstances add."""
    cited = dict(_main_reasons(rng, leaver))
    main = next((t for t, w in cited.items() if w == MAIN), None)

    def add(theme: str, weight: int) -> None:
        cited[theme] = max(cited.get(theme, 0), min(weight, MAJOR))

    if employer in {rise.employer for rise in PAY_RISES if leaver.left_on >= rise.on}:
        add("Pay", MAJOR)  # what the neighbour offers now

    if leaver.high_caseload:
        if (leaver.caseload_ratio or 0) >= VERY_HIGH_CASELOAD_RATIO and main not in (
            "Retirement", "Pay", "Agency pay", None
        ):
            cited = {t: min(w, MAJOR) for t, w in cited.items()}
            cited = {"Caseload": MAIN, **cited}
            main = "Caseload"
        add("Caseload", MAJOR if main != "Retirement" else MINOR)
        if rng.random() < 0.6:
            add("Working hours", MAJOR if rng.random() < 0.5 else MINOR)
        if rng.random() < 0.4:
            add("Wellbeing and stress", MINOR)
        if rng.random() < 0.15:
            add("Supervision and support", MINOR)
    if leaver.sickness_days >= LONG_SICKNESS_DAYS:
        add("Wellbeing and stress", MAJOR)
    if leaver.org_role == TEAM_MANAGER:
        for theme in ("Management", "Working hours"):
            if rng.random() < 0.4:
                add(theme, MAJOR)
    year, month = leaver.left_on.year, leaver.left_on.month
    if (2020, 4) <= (year, month) <= (2021, 9) and rng.random() < 0.12:
        add("Office and equipment", MINOR)  # working from home through Covid-19
    if year == 2023 and rng.random() < 0.25:
        add("IT and case recording", MINOR)  # the new case recording system
    if year == 2022 and rng.random() < 0.15:
        add("Management", MINOR)
    if rng.random() < 0.05:
        add("Training", MINOR)
    ordered = sorted(cited.items(), key=lambda item: -item[1])  # stable: the main one first
    return dict(ordered[:MOST_THEMES])


def _regretted(rng: np.random.Generator, main: str | None, left_on: date) -> bool | None:
    if rng.random() < (0.25 if left_on.year < 2020 else 0.05):
        return None  # the spreadsheet days often left it blank
    if main in KEEPABLE:
        return bool(rng.random() < 0.85)
    if main == "Travel and geography":
        return bool(rng.random() < 0.4)
    return bool(rng.random() < 0.15)


def _would_return(rng: np.random.Generator, main: str | None, leaver: Leaving) -> str:
    if rng.random() < 0.08:
        return ""
    shares: tuple[tuple[str, float], ...]
    if main == "Retirement":
        shares = (("no", 0.6), ("maybe", 0.4))
    elif main == "Agency pay":
        shares = (("yes", 1.0),) if leaver.agency_after else (
            ("maybe", 0.5), ("no", 0.3), ("yes", 0.2))
    elif main in ("Pay", "Progression", "Travel and geography"):
        shares = (("maybe", 0.55), ("yes", 0.3), ("no", 0.15))
    elif main is None:
        shares = (("yes", 0.7), ("maybe", 0.3))
    elif main in KEEPABLE:
        shares = (("no", 0.45), ("maybe", 0.45), ("yes", 0.1))
    else:
        shares = (("yes", 0.35), ("maybe", 0.45), ("no", 0.2))
    return pick(rng, shares)


def _new_employer(rng: np.random.Generator, leaver: Leaving) -> str | None:
    if leaver.pay_rise is not None:
        return leaver.pay_rise.employer
    if leaver.destination == DEST_OTHER_LA:
        after = [rise for rise in PAY_RISES if leaver.left_on >= rise.on]
        if after and rng.random() < 0.35:
            return after[-1].employer  # Northshire keeps recruiting
        return pick(rng, words.OTHER_COUNCILS)
    if leaver.destination == DEST_AGENCY:
        return leaver.agency_after or pick(rng, AGENCIES)
    if leaver.reason == MOVED_WITHIN_LA:
        return "Wessex County Council adult social care"
    if leaver.destination == 4:
        return one_of(rng, words.NON_LA_SOCIAL_WORK)
    if leaver.destination == 5:
        return one_of(rng, words.OTHER_SOCIAL_CARE)
    return None


def _say(rng: np.random.Generator, theme: str, leaver: Leaving, employer: str | None) -> str:
    said = words.SAYS[theme]
    if (leaver.cases or 0) < QUOTED_CASELOAD:
        said = tuple(s for s in said if "{cases}" not in s)
    text = one_of(rng, said).format(
        cases=round(leaver.cases or HIGH_CASELOAD), employer=employer or "they",
        years=leaver.years_in_social_work, team=leaver.team_name,
    )
    return text[0].upper() + text[1:]


def _comments(rng: np.random.Generator, themes: dict[str, int], leaver: Leaving,
              employer: str | None) -> str:
    if not themes or max(themes.values()) < MAIN:
        return one_of(rng, words.FIXED_TERM_ENDED)
    said = [_say(rng, next(iter(themes)), leaver, employer)]
    others = list(themes)[1:]
    if others and rng.random() < 0.6:
        said.append(_say(rng, others[0], leaver, employer))
    return " ".join(said)


class Managers:
    """Who managed each team on a day, by name."""

    def __init__(self, frames: CouncilFrames) -> None:
        names = dict(frames.workers.select("worker_id", "display_name").iter_rows())
        self._spells: dict[str, list[tuple[date, date | None, str, str]]] = {}
        managing = frames.assignments.filter(pl.col("org_role") == TEAM_MANAGER)
        for team, start, end, worker in managing.select(
            "team_id", "start_date", "end_date", "worker_id"
        ).iter_rows():
            self._spells.setdefault(team, []).append((start, end, worker, names[worker]))

    def on(self, team_id: str, day: date, leaver: str) -> str | None:
        for start, end, worker, name in self._spells.get(team_id, []):
            if start <= day and (end is None or day <= end) and worker != leaver:
                return name
        return None


def simulate_exit_interviews(frames: CouncilFrames, seed: int, today: date) -> pl.DataFrame:
    """The `exit_interviews` frame of the demo council's leavers up to `today`."""
    rng = np.random.default_rng([seed, 5])
    managers = Managers(frames)
    rows: list[dict[str, object]] = []
    for leaver in leavings(frames):
        if leaver.left_on > today:
            continue
        status = _status(rng, leaver, today)
        if status is None:
            continue
        row: dict[str, object] = {"worker_id": leaver.worker_id, "left_on": leaver.left_on,
                                  "status": status[0]}
        if status[0] == "held":
            held_on = status[1]
            assert held_on is not None
            employer = _new_employer(rng, leaver)
            themes = themes_of(rng, leaver, employer)
            main = next((t for t, w in themes.items() if w == MAIN), None)
            manager = managers.on(leaver.team_id, min(held_on, leaver.left_on), leaver.worker_id)
            adviser = one_of(rng, words.HR_ADVISERS)
            row |= {
                "held_on": held_on,
                "held_by": f"{adviser} (HR) and {manager} (team manager)" if manager
                else f"{adviser} (HR) and the service manager",
                "regretted": _regretted(rng, main, leaver.left_on),
                "would_return": _would_return(rng, main, leaver) or None,
                "themes": "; ".join(f"{t}:{w}" for t, w in themes.items()) or None,
                "comments": _comments(rng, themes, leaver, employer),
                "new_employer": employer,
            }
        rows.append(row)
    if not rows:
        return conform("exit_interviews", pl.DataFrame())
    return conform("exit_interviews", pl.DataFrame(rows, infer_schema_length=None))


def with_exit_interviews(frames: CouncilFrames, seed: int, today: date) -> CouncilFrames:
    """The frames with their exit interviews (after with_academy: the ASYE outcomes count)."""
    return CouncilFrames(
        **{**vars(frames), "exit_interviews": simulate_exit_interviews(frames, seed, today)}
    )
