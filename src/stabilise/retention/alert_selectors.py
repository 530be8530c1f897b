"""Reads for early warnings: the rules, leavers and cited themes as the analytics take them."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import polars as pl
from django.conf import settings

from stabilise.accounts.models import Role, User
from stabilise.analytics.early_warnings import CITED, Occurrence, early_warnings
from stabilise.retention.alert_models import EarlyWarning, EarlyWarningRule
from stabilise.retention.models import InterviewTheme
from stabilise.retention.selectors import leavers_without_caseloads


def cited_theme_keys() -> pl.DataFrame:
    """One row per theme an exit interview cited, by theme id (CITED of the analytics)."""
    rows = InterviewTheme.objects.values_list(
        "interview__worker__worker_id", "interview__left_on", "theme_id", "theme__name"
    )
    return pl.DataFrame(
        [(w, left, str(theme_id), name) for w, left, theme_id, name in rows],
        schema=CITED,
        orient="row",
    )


def all_leavers() -> pl.DataFrame:
    """Every leaver, without the caseload columns' figures (early warnings need none)."""
    return leavers_without_caseloads()


def rules() -> list[EarlyWarningRule]:
    return list(EarlyWarningRule.objects.select_related("theme", "team"))


@dataclass(frozen=True)
class Found:
    """An occurrence beside its rule and, once recorded, its record."""

    occurrence: Occurrence
    rule: EarlyWarningRule
    warning: EarlyWarning | None

    @property
    def label(self) -> str:
        return self.warning.key_label if self.warning else self.occurrence.label


def early_warnings_as_at(as_at: date, leavers: pl.DataFrame | None = None) -> list[Found]:
    """Every occurrence of every rule as at `as_at` (the switched-off rules' recorded ones too),
    newest first."""
    by_pk = {rule.pk: rule for rule in rules()}
    recorded = {
        (w.rule_id, w.key, w.first_left_on): w for w in EarlyWarning.objects.select_related("rule")
    }
    found = early_warnings(
        [rule.as_rule() for rule in by_pk.values()],
        all_leavers() if leavers is None else leavers,
        cited_theme_keys(),
        as_at,
        [w.as_recorded() for w in recorded.values()],
    )
    return [
        Found(o, by_pk[o.rule_id], recorded.get((o.rule_id, o.key, o.first_left_on)))
        for o in reversed(found)
    ]


def new_early_warnings(found: Iterable[Found], as_at: date) -> list[Found]:
    """The occurrences to email: not recorded yet, and current on `as_at` (the analytics'
    definition: reached the threshold within the window's length of days to as_at)."""
    return [f for f in found if f.warning is None and f.occurrence.current(as_at)]


def early_warning_recipients() -> list[str]:
    """The workforce lead and service managers with an email address, and the addresses in
    STABILISE_EARLY_WARNING_RECIPIENTS; each once, however it is cased."""
    users = User.objects.filter(
        role__in=[Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER], is_active=True
    ).exclude(email="")
    addresses: dict[str, str] = {}
    for address in [*users.order_by("email").values_list("email", flat=True),
                    *settings.EARLY_WARNING_RECIPIENTS]:  # fmt: skip
        addresses.setdefault(address.strip().casefold(), address.strip())
    return list(addresses.values())
