"""Early warnings: clusters of leavers alike in one way, found by rules the council sets.

A **rule** says: `threshold` or more leavings within `window_days` days that share a **key**:

- `theme`: their exit interviews cited the same theme (with any weight); the key is the theme's
  id, so renaming a theme does not make its clusters new;
- `destination`: they went to the same destination (the census end_destination of the assignment
  that ended, 1 to 7; 8 "not known", 9 "not yet collected" and none are no destination at all);
- `team`: they left from the same team (the team of the assignment that ended).

A rule may name one key (the theme Pay, another LA, Assessment North); without one, every key is
looked at on its own. Leavings are measures.md's leavers (analytics.leavers.leaver_table): a move
between teams is not one. Within D days: the last leaving day is at most D days after the first.

**An occurrence.** For one rule and one key, take the key's leavings on or before the as-at day
in order (leaving day, then worker id). Scanning from the earliest, the first leaving L followed
by at least threshold - 1 more leavings on or before L + D is an occurrence's **first leaving**.
Its **window** is the days L to L + D; every leaving of the key in the window belongs to it; it
**reached** the threshold on the day of the threshold-th of them. The scan carries on from the
first leaving after the window. An occurrence is identified by (rule, key, day of its first
leaving): a later leaver inside its window joins it and is no new occurrence; a cluster after the
window has passed is a new one.

Occurrences already recorded (`Recorded`: emailed, say) keep their place whatever is recorded
later: their windows (as long as the rule's window was then) are claimed first, and the scan looks
only at the leavings outside them. So a leaving entered late, before a recorded occurrence,
cannot shift its start and make it look new again.

An occurrence is **current** on D when it reached the threshold in the window's length of days
to D (D - window_days <= reached_on <= D): only those are news. An older one is history, so
that the first check over ten years of leavers does not announce every cluster there ever was.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from stabilise import csww

THEME, DESTINATION, TEAM = "theme", "destination", "team"
KINDS = (THEME, DESTINATION, TEAM)
# Destinations that say nothing about where someone went.
NO_DESTINATION = (8, 9)
DESTINATIONS = {code: label for code, label in csww.END_DESTINATION if code not in NO_DESTINATION}

# One row per theme an exit interview cited (retention selectors give it from the database).
CITED: dict[str, pl.DataType] = {
    "worker_id": pl.String(),
    "left_on": pl.Date(),
    "theme_id": pl.String(),
    "theme": pl.String(),
}
KEYED: dict[str, pl.DataType] = {
    "key": pl.String(),
    "label": pl.String(),
    "worker_id": pl.String(),
    "left_on": pl.Date(),
}


@dataclass(frozen=True)
class Rule:
    rule_id: int
    kind: str
    threshold: int
    window_days: int
    # One theme id, destination code or team id as text; None for any.
    key: str | None = None
    # A rule switched off finds nothing new; what it found before stays.
    on: bool = True

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"a rule's kind is one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.threshold < 2 or self.window_days < 1:
            raise ValueError("a rule needs a threshold of 2 or more and a window of 1 day or more")


@dataclass(frozen=True)
class Recorded:
    """An occurrence found before, as recorded then."""

    rule_id: int
    key: str
    first_left_on: date
    threshold: int
    window_days: int


@dataclass(frozen=True)
class Leaving:
    worker_id: str
    left_on: date


@dataclass(frozen=True)
class Occurrence:
    rule_id: int
    key: str
    label: str
    first_left_on: date
    threshold: int
    window_days: int
    # The key's leavings in the window, on or before the as-at day, in order.
    leavings: tuple[Leaving, ...]
    recorded: bool

    @property
    def window_ends_on(self) -> date:
        return self.first_left_on + timedelta(days=self.window_days)

    @property
    def leavers(self) -> int:
        return len(self.leavings)

    @property
    def reached_on(self) -> date | None:
        """The day the threshold-th leaver left; None if fewer are known now (a recorded
        occurrence whose leavings were corrected since)."""
        enough = self.leavers >= self.threshold
        return self.leavings[self.threshold - 1].left_on if enough else None

    def current(self, as_at: date) -> bool:
        reached = self.reached_on
        return reached is not None and as_at - timedelta(days=self.window_days) <= reached <= as_at


def keyed_leavings(kind: str, leavers: pl.DataFrame, cited: pl.DataFrame) -> pl.DataFrame:
    """key, label, worker_id, left_on: one row per leaving per key it has (KEYED).

    `leavers` has leaver_table's worker_id, left_on, team_id, team_name, end_destination;
    `cited` the CITED columns. A theme cited in an exit interview of a day that is not a leaving
    (a leaving day corrected since) is left out."""
    if kind == THEME:
        rows = cited.join(
            leavers.select("worker_id", "left_on").unique(), on=["worker_id", "left_on"], how="semi"
        ).select(key="theme_id", label="theme", worker_id="worker_id", left_on="left_on")
    elif kind == DESTINATION:
        code = pl.col("end_destination")
        rows = leavers.filter(code.is_in(list(DESTINATIONS))).select(
            key=code.cast(pl.String),
            label=code.replace_strict(DESTINATIONS, return_dtype=pl.String),
            worker_id="worker_id",
            left_on="left_on",
        )
    elif kind == TEAM:
        rows = leavers.select(
            key="team_id",
            label=pl.col("team_name").fill_null(pl.col("team_id")),
            worker_id="worker_id",
            left_on="left_on",
        )
    else:
        raise ValueError(f"a rule's kind is one of {', '.join(KINDS)}, not {kind!r}")
    return rows.cast(KEYED).unique().sort("key", "left_on", "worker_id")  # type: ignore[arg-type]


def _scan(leavings: Sequence[Leaving], threshold: int, window: timedelta) -> list[int]:
    """The indexes of the first leavings of the occurrences among `leavings` (in order)."""
    firsts: list[int] = []
    i = 0
    while i < len(leavings):
        ends = leavings[i].left_on + window
        last = i
        while last + 1 < len(leavings) and leavings[last + 1].left_on <= ends:
            last += 1
        if last - i + 1 >= threshold:
            firsts.append(i)
            i = last + 1
        else:
            i += 1
    return firsts


def _occurrences_of(
    rule: Rule,
    key: str,
    label: str,
    leavings: list[Leaving],
    recorded: Iterable[Recorded],
) -> list[Occurrence]:
    found: list[Occurrence] = []
    claimed: set[Leaving] = set()
    for known in sorted(recorded, key=lambda r: r.first_left_on):
        ends = known.first_left_on + timedelta(days=known.window_days)
        inside = tuple(
            leaving
            for leaving in leavings
            if known.first_left_on <= leaving.left_on <= ends and leaving not in claimed
        )
        claimed.update(inside)
        found.append(
            Occurrence(
                rule_id=rule.rule_id,
                key=key,
                label=label,
                first_left_on=known.first_left_on,
                threshold=known.threshold,
                window_days=known.window_days,
                leavings=inside,
                recorded=True,
            )
        )
    if not rule.on or (rule.key is not None and key != rule.key):
        return found
    free = [leaving for leaving in leavings if leaving not in claimed]
    window = timedelta(days=rule.window_days)
    for first in _scan(free, rule.threshold, window):
        start = free[first].left_on
        inside = tuple(leaving for leaving in free[first:] if leaving.left_on <= start + window)
        found.append(
            Occurrence(
                rule_id=rule.rule_id,
                key=key,
                label=label,
                first_left_on=start,
                threshold=rule.threshold,
                window_days=rule.window_days,
                leavings=inside,
                recorded=False,
            )
        )
    return found


def early_warnings(
    rules: Iterable[Rule],
    leavers: pl.DataFrame,
    cited: pl.DataFrame,
    as_at: date,
    recorded: Iterable[Recorded] = (),
) -> list[Occurrence]:
    """Every occurrence of every rule as at `as_at` (leavings after it are not yet known), the
    recorded ones included, oldest first."""
    known: dict[tuple[int, str], list[Recorded]] = {}
    for r in recorded:
        known.setdefault((r.rule_id, r.key), []).append(r)
    leavers = leavers.filter(pl.col("left_on") <= as_at)
    by_kind: dict[str, dict[str, tuple[str, list[Leaving]]]] = {}
    found: list[Occurrence] = []
    for rule in rules:
        if rule.kind not in by_kind:
            groups: dict[str, tuple[str, list[Leaving]]] = {}
            for key, label, worker_id, left_on in keyed_leavings(
                rule.kind, leavers, cited
            ).iter_rows():
                groups.setdefault(key, (label, []))[1].append(Leaving(worker_id, left_on))
            by_kind[rule.kind] = groups
        groups = by_kind[rule.kind]
        keys = {key for rule_id, key in known if rule_id == rule.rule_id}
        if rule.on:
            keys |= set(groups) if rule.key is None else {rule.key}
        for key in sorted(keys):
            label, leavings = groups.get(key, (key, []))
            found += _occurrences_of(rule, key, label, leavings, known.get((rule.rule_id, key), []))
    return sorted(found, key=lambda o: (o.first_left_on, o.rule_id, o.key))
