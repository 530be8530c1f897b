"""Retention curves: how long social workers stay, as Kaplan-Meier curves of time in post.

The spells are employment_spells.employment_spells' (one per employment, from a starter's first
day to measures.md's leaving; a move between teams does not end one). Time is `service_days`,
counted as leavers.py counts service: the leaving day's service is L - S + 1 days, so S(t), the
survival at t days, is the share still in post t days after they started. A month is 365.25 / 12
days, so 12, 24 and 36 months are 365, 730 and 1,095 days.

`RetentionCurves(...).fit(spells, by)` fits one curve per group with lifelines'
KaplanMeierFitter, `entry=` the spell's `entry_days` (people in post when the records began join
the risk set at the length of service they had then; see employment_spells). lifelines counts a
spell at risk of leaving at t when entry < t <= service_days, and so does everything here. The
confidence intervals are lifelines' default, 95 % by the exponential Greenwood formula.

Results, lifelines-style (fit() returns self):

- `groups_`: one row per group curve: group, label, spells, left, late_entries, median_days
  (median time in post, null if the curve never falls to a half);
- `survival_`: every step of every curve: group, days, at_risk (the number the product-limit
  divides by at that time), left, censored, entered, survival, lower, upper;
- `retention_`: `at_months(RETENTION_MONTHS)`, the share still in post at 12, 24 and 36 months;
- `logrank_`: the multivariate log-rank test across the groups (`LogRank`), and `pairwise_`
  every pair of groups, when there are few enough groups to read (MAX_PAIRWISE_GROUPS);
- `withheld_`: groups not drawn and why (too small for `smallest_group`, or too few people
  early on for a product-limit with late entries: lifelines' StatError).

A curve is only known where someone is observed: from the smallest `entry_days` of its group
(0 unless everyone in it was in post when the records began) to its longest `service_days`.
`at_months` gives null survival outside that span.

The log-rank test is lifelines' multivariate_logrank_test's statistic (observed minus expected
leavers per group, hypergeometric covariance, chi-squared on groups - 1 degrees of freedom) with
the same risk sets as the curves. lifelines' own test takes no entry times, so it would count
everyone in post when the records began as at risk from their first day; on spells without late
entries the two agree (tests/analytics/test_survival.py checks it).
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
import polars as pl

from stabilise.analytics.employment_spells import (
    CONTRACTS,
    IN_POST_WHEN_RECORDS_BEGAN,
    NOT_RECORDED,
    ROUTES,
)
from stabilise.csww import ORG_ROLE

# lifelines (and with it pandas and SciPy) is imported where it is used, not with this module:
# the pages' URLs import this module, and pandas cannot be imported while a test has frozen the
# clock with freezegun (its C code finds freezegun's date class where the real one should be).

DAYS_PER_MONTH = 365.25 / 12
RETENTION_MONTHS = (12, 24, 36)
SIGNIFICANCE = 0.05
MAX_PAIRWISE_GROUPS = 12
# Past this many groups one test across them all says nothing a reader can use (and its
# covariance matrix grows as the square): England's 2,100 teams get curves but no test.
MAX_LOGRANK_GROUPS = 60
TOO_FEW_EARLY = (
    "too few people in post early on to draw a curve (everyone seen at the start left before "
    "anyone else joined the count)"
)


@dataclass(frozen=True)
class Breakdown:
    name: str
    key: str  # the spells' column holding the group
    label: str  # the spells' column naming it
    title: str
    order: tuple[str, ...] = ()  # labels in the order shown; others after, alphabetically


BREAKDOWNS: dict[str, Breakdown] = {
    b.name: b
    for b in (
        Breakdown("council", "council", "council", "The whole council"),
        Breakdown(
            "start_year",
            "start_year",
            "start_year",
            "Year they started",
            (IN_POST_WHEN_RECORDS_BEGAN,),
        ),
        Breakdown("route", "route", "route", "Route into the council", ROUTES),
        Breakdown("team", "team_id", "team_name", "Team (when they left, or today)"),
        Breakdown(
            "role",
            "role",
            "role",
            "Role (when they left, or today)",
            (
                *(label for _, label in ORG_ROLE),
                NOT_RECORDED,
            ),
        ),
        Breakdown(
            "contract",
            "contract",
            "contract",
            "Contract (when they left, or today)",
            (
                *CONTRACTS.values(),
                NOT_RECORDED,
            ),
        ),
    )
}
COUNCIL = "All social workers in post"


def months_to_days(months: float) -> int:
    return int(months * DAYS_PER_MONTH)


@dataclass(frozen=True)
class LogRank:
    """A log-rank test of whether the groups' curves differ."""

    groups: tuple[str, ...]
    test_statistic: float
    degrees_of_freedom: int
    p_value: float

    @property
    def differs(self) -> bool:
        """Whether the difference is larger than chance would often give (p < SIGNIFICANCE)."""
        return self.p_value < SIGNIFICANCE


def logrank(
    durations: np.ndarray, left: np.ndarray, entries: np.ndarray, groups: Sequence[str]
) -> LogRank:
    """The multivariate log-rank test over `groups` (one label per spell), risk sets
    entry < t <= duration. Needs at least two groups."""
    from scipy.stats import chi2

    labels, codes = np.unique(np.asarray(groups, dtype=object), return_inverse=True)
    times = np.unique(durations[left])
    at_risk = np.zeros((times.size, labels.size))
    leavers = np.zeros((times.size, labels.size))
    for g in range(labels.size):
        mine = codes == g
        entered = np.searchsorted(np.sort(entries[mine]), times, side="left")
        gone = np.searchsorted(np.sort(durations[mine]), times, side="left")
        at_risk[:, g] = entered - gone
        left_at = np.searchsorted(times, durations[mine & left])
        leavers[:, g] = np.bincount(left_at, minlength=times.size)
    n, d = at_risk.sum(axis=1), leavers.sum(axis=1)
    observed_minus_expected = leavers.sum(axis=0) - (at_risk * (d / n)[:, None]).sum(axis=0)
    # Hypergeometric variance, as lifelines: d (n - d) / (n - 1) / n², the last factor 1 at n = 1.
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(n > 1, (n - d) / (n - 1), 1.0) * d / n**2
    covariance = np.diag((at_risk * (factor * n)[:, None]).sum(axis=0))
    covariance -= (at_risk * factor[:, None]).T @ at_risk
    z = observed_minus_expected[:-1]
    statistic = float(z @ np.linalg.pinv(covariance[:-1, :-1]) @ z)
    freedom = labels.size - 1
    return LogRank(
        tuple(str(label) for label in labels),
        statistic,
        freedom,
        float(chi2.sf(statistic, freedom)),
    )


@dataclass(frozen=True)
class _Curve:
    """One group's fitted curve as arrays: the steps and the spells they came from."""

    timeline: np.ndarray
    survival: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    entries: np.ndarray  # sorted
    durations: np.ndarray  # sorted
    left_durations: np.ndarray  # sorted: the durations of the spells that ended in a leaving

    def value_at(self, values: np.ndarray, day: int) -> float | None:
        if self.entries.size == 0 or day < self.entries[0] or day > self.durations[-1]:
            return None
        return float(values[np.searchsorted(self.timeline, day, side="right") - 1])

    def at_risk(self, day: int) -> int:
        """At risk of leaving at `day` (entry < day <= duration); at 0, those counted from
        their first day (entry 0)."""
        since = max(day - 1, 0)
        return int(
            np.searchsorted(self.entries, since, side="right")
            - np.searchsorted(self.durations, since, side="right")
        )

    def left_between(self, after: int, until: int) -> int:
        return int(
            np.searchsorted(self.left_durations, until, side="right")
            - np.searchsorted(self.left_durations, after, side="right")
        )


class RetentionCurves:
    """Kaplan-Meier curves of time in post for each group of a breakdown (see the module)."""

    def __init__(self, alpha: float = 0.05, smallest_group: int = 1) -> None:
        self.alpha = alpha
        # Groups of fewer spells are withheld (councillors: 5, suppression.SMALLEST_SHOWN).
        self.smallest_group = smallest_group

    def fit(self, spells: pl.DataFrame, by: str = "council") -> Self:
        from lifelines.exceptions import StatError

        breakdown = BREAKDOWNS[by]
        self.breakdown_ = breakdown
        spells = spells.with_columns(council=pl.lit(COUNCIL)).with_columns(
            [
                pl.col(column).cast(pl.String).fill_null(NOT_RECORDED)
                for column in dict.fromkeys((breakdown.key, breakdown.label))
            ]
        )
        sizes = (
            spells.group_by(breakdown.key)
            .agg(
                pl.col(breakdown.label).first().alias("label"),
                spells=pl.len().cast(pl.Int64),
                left=pl.col("left").sum().cast(pl.Int64),
                late_entries=(pl.col("entry_days") > 0).sum().cast(pl.Int64),
            )
            .rename({breakdown.key: "group"})
        )
        sizes = _ordered(sizes, breakdown.order)
        parts = {
            str(key[0]): part
            for key, part in spells.partition_by(breakdown.key, as_dict=True).items()
        }
        self._curves: dict[str, _Curve] = {}
        rows, steps, withheld = [], [], []
        for size in sizes.iter_rows(named=True):
            if size["spells"] < self.smallest_group:
                withheld.append({**size, "reason": f"fewer than {self.smallest_group} people"})
                continue
            try:
                curve, table, median = self._fit_one(parts[size["group"]])
            except StatError:
                withheld.append({**size, "reason": TOO_FEW_EARLY})
                continue
            self._curves[size["group"]] = curve
            rows.append({**size, "median_days": median})
            steps.append(table.with_columns(group=pl.lit(size["group"])))
        self.groups_ = pl.DataFrame(rows, schema=_GROUPS_SCHEMA)
        self.survival_ = (
            pl.concat(steps).select("group", *_STEP_COLUMNS)
            if steps
            else pl.DataFrame(schema={"group": pl.String, **_STEP_SCHEMA})
        )
        self.withheld_ = pl.DataFrame(
            withheld, schema={**{k: _GROUPS_SCHEMA[k] for k in _SIZE_COLUMNS}, "reason": pl.String}
        )
        self.retention_ = self.at_months(RETENTION_MONTHS)
        self._test(spells.filter(pl.col(breakdown.key).is_in(list(self._curves))))
        return self

    def _fit_one(self, spells: pl.DataFrame) -> tuple[_Curve, pl.DataFrame, int | None]:
        from lifelines import KaplanMeierFitter

        durations = spells["service_days"].to_numpy().astype(float)
        left = spells["left"].to_numpy()
        entries = spells["entry_days"].to_numpy().astype(float)
        fitter = KaplanMeierFitter(alpha=self.alpha).fit(durations, left, entry=entries)
        events = fitter.event_table
        timeline = events.index.to_numpy().astype(float)
        # lifelines' at_risk counts those entering at t; its product-limit does not (see module).
        entering = events["entrance"].to_numpy().copy()
        entering[0] = 0
        bounds = fitter.confidence_interval_.to_numpy()
        survival = fitter.survival_function_.to_numpy()[:, 0]
        curve = _Curve(
            timeline,
            survival,
            bounds[:, 0],
            bounds[:, 1],
            np.sort(entries),
            np.sort(durations),
            np.sort(durations[left]),
        )
        table = pl.DataFrame(
            {
                "days": timeline.astype(np.int64),
                "at_risk": (events["at_risk"].to_numpy() - entering).astype(np.int64),
                "left": events["observed"].to_numpy().astype(np.int64),
                "censored": events["censored"].to_numpy().astype(np.int64),
                "entered": events["entrance"].to_numpy().astype(np.int64),
                "survival": survival,
                "lower": curve.lower,
                "upper": curve.upper,
            },
            schema=_STEP_SCHEMA,
        )
        median = fitter.median_survival_time_
        return curve, table, int(median) if np.isfinite(median) else None

    def _test(self, spells: pl.DataFrame) -> None:
        key = self.breakdown_.key
        groups = spells[key].to_list()
        self.logrank_: LogRank | None = None
        self.pairwise_: pl.DataFrame | None = None
        shown = list(self._curves)
        if not 2 <= len(shown) <= MAX_LOGRANK_GROUPS:
            return
        durations = spells["service_days"].to_numpy()
        left = spells["left"].to_numpy()
        entries = spells["entry_days"].to_numpy()
        self.logrank_ = logrank(durations, left, entries, groups)
        if len(shown) > MAX_PAIRWISE_GROUPS:
            return
        codes = np.asarray(groups, dtype=object)
        pairs = []
        for a, b in itertools.combinations(shown, 2):
            pair = (codes == a) | (codes == b)
            test = logrank(durations[pair], left[pair], entries[pair], list(codes[pair]))
            pairs.append((a, b, test.test_statistic, test.p_value))
        self.pairwise_ = pl.DataFrame(
            pairs,
            schema={
                "group": pl.String,
                "other": pl.String,
                "test_statistic": pl.Float64,
                "p_value": pl.Float64,
            },
            orient="row",
        )

    def at_months(self, months: Sequence[int]) -> pl.DataFrame:
        """Each curve at each of `months` (ascending), as R's summary of a survival fit gives
        it: at_risk at the time, left between the time before (0 for the first) and this one,
        survival and its bounds at the time (null where the curve is not known)."""
        rows = []
        labels = dict(zip(self.groups_["group"], self.groups_["label"], strict=True))
        for group, curve in self._curves.items():
            previous = 0
            for month in months:
                day = months_to_days(month)
                rows.append(
                    {
                        "group": group,
                        "label": labels[group],
                        "months": month,
                        "days": day,
                        "at_risk": curve.at_risk(day),
                        "left": curve.left_between(previous, day),
                        "survival": curve.value_at(curve.survival, day),
                        "lower": curve.value_at(curve.lower, day),
                        "upper": curve.value_at(curve.upper, day),
                    }
                )
                previous = day
        return pl.DataFrame(rows, schema=_AT_MONTHS_SCHEMA)


def _ordered(sizes: pl.DataFrame, order: tuple[str, ...]) -> pl.DataFrame:
    rank = {label: i for i, label in enumerate(order)}
    return (
        sizes.with_columns(
            _rank=pl.col("label").replace_strict(rank, default=len(rank), return_dtype=pl.Int64),
            _name=pl.col("label").str.to_lowercase(),
        )
        .sort("_rank", "_name", "group")
        .drop("_rank", "_name")
    )


_SIZE_COLUMNS = ("group", "label", "spells", "left", "late_entries")
_GROUPS_SCHEMA: dict[str, pl.DataType] = {
    "group": pl.String(),
    "label": pl.String(),
    "spells": pl.Int64(),
    "left": pl.Int64(),
    "late_entries": pl.Int64(),
    "median_days": pl.Int64(),
}
_STEP_SCHEMA: dict[str, pl.DataType] = {
    "days": pl.Int64(),
    "at_risk": pl.Int64(),
    "left": pl.Int64(),
    "censored": pl.Int64(),
    "entered": pl.Int64(),
    "survival": pl.Float64(),
    "lower": pl.Float64(),
    "upper": pl.Float64(),
}
_STEP_COLUMNS = tuple(_STEP_SCHEMA)
_AT_MONTHS_SCHEMA: dict[str, pl.DataType] = {
    "group": pl.String(),
    "label": pl.String(),
    "months": pl.Int64(),
    "days": pl.Int64(),
    "at_risk": pl.Int64(),
    "left": pl.Int64(),
    "survival": pl.Float64(),
    "lower": pl.Float64(),
    "upper": pl.Float64(),
}
