"""Early warnings: the rules the workforce lead sets, and each occurrence once found.

What a rule and an occurrence are is defined in analytics/early_warnings.py. A rule is never
deleted (switched off instead) and every change is kept (simple-history), so an occurrence
always points at the rule, and the rule as it was, that found it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from stabilise.analytics import early_warnings as analytics
from stabilise.workforce.models import Team

MAX_WINDOW_DAYS = 730
MAX_THRESHOLD = 50
DESTINATION_CHOICES = list(analytics.DESTINATIONS.items())


class EarlyWarningRule(models.Model):
    class Kind(models.TextChoices):
        THEME = analytics.THEME, "Citing the same exit-interview theme"
        DESTINATION = analytics.DESTINATION, "Going to the same destination"
        TEAM = analytics.TEAM, "Leaving from the same team"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    threshold = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2), MaxValueValidator(MAX_THRESHOLD)]
    )
    window_days = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WINDOW_DAYS)]
    )
    # One theme, destination or team; none of them: any.
    theme = models.ForeignKey(
        "retention.Theme", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    destination = models.PositiveSmallIntegerField(
        choices=DESTINATION_CHOICES, null=True, blank=True
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="early_warning_rules"
    )
    is_on = models.BooleanField("on", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_on", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=2) & models.Q(window_days__gte=1),
                name="early_warning_rule_sensible",
            ),
            models.CheckConstraint(
                condition=(models.Q(theme__isnull=True) | models.Q(kind=analytics.THEME))
                & (models.Q(destination__isnull=True) | models.Q(kind=analytics.DESTINATION))
                & (models.Q(team__isnull=True) | models.Q(kind=analytics.TEAM)),
                name="early_warning_rule_one_key_of_its_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def key(self) -> str | None:
        """The analytics' key of the one theme, destination or team; None for any."""
        if self.kind == analytics.THEME:
            return None if self.theme_id is None else str(self.theme_id)
        if self.kind == analytics.DESTINATION:
            return None if self.destination is None else str(self.destination)
        return None if self.team is None else self.team.team_id

    @property
    def key_label(self) -> str | None:
        if self.kind == analytics.THEME:
            return None if self.theme is None else self.theme.name
        if self.kind == analytics.DESTINATION:
            return None if self.destination is None else self.get_destination_display()
        return None if self.team is None else self.team.name

    @property
    def description(self) -> str:
        """The rule in words: "3 or more leavers within 60 days citing the same theme"."""
        which = self.key_label
        what = {
            analytics.THEME: f"citing “{which}”" if which else "citing the same theme",
            analytics.DESTINATION: f"going to “{which}”"
            if which
            else "going to the same destination",
            analytics.TEAM: f"leaving {which}" if which else "leaving the same team",
        }[self.kind]
        return f"{self.threshold} or more leavers within {self.window_days} days {what}"

    def as_rule(self) -> analytics.Rule:
        return analytics.Rule(
            rule_id=self.pk,
            kind=self.kind,
            threshold=self.threshold,
            window_days=self.window_days,
            key=self.key,
            on=self.is_on,
        )


class EarlyWarning(models.Model):
    """One occurrence of a rule, recorded when the daily check first found it (and emailed it).

    The unique constraint is what makes "once" hold when two checks run at the same time: the
    second one's insert fails, so it sends nothing (services.send_early_warnings)."""

    rule = models.ForeignKey(EarlyWarningRule, on_delete=models.PROTECT, related_name="warnings")
    # The analytics' key (theme id, destination code, team id) and what it was called then.
    key = models.CharField(max_length=100)
    key_label = models.CharField(max_length=200)
    first_left_on = models.DateField()
    reached_on = models.DateField()
    # The rule's threshold and window then, and how many leavers the cluster had when found.
    threshold = models.PositiveSmallIntegerField()
    window_days = models.PositiveSmallIntegerField()
    leavers = models.PositiveSmallIntegerField()
    found_on = models.DateField()
    recorded_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    emailed_to = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-reached_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "key", "first_left_on"], name="an_early_warning_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.key_label} from {self.first_left_on}"

    def as_recorded(self) -> analytics.Recorded:
        return analytics.Recorded(
            rule_id=self.rule_id,
            key=self.key,
            first_left_on=self.first_left_on,
            threshold=self.threshold,
            window_days=self.window_days,
        )
