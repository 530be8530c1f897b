"""The early-warning rule form, in GOV.UK markup (academy/_field.html)."""

from typing import Any

from django import forms

from stabilise.academy.forms import GovUKForm
from stabilise.analytics import early_warnings as analytics
from stabilise.retention.alert_models import (
    DESTINATION_CHOICES,
    MAX_THRESHOLD,
    MAX_WINDOW_DAYS,
    EarlyWarningRule,
)
from stabilise.retention.models import Theme
from stabilise.workforce.models import Team

ANY = ""
# The one field that may name a key for each kind of rule.
KEY_FIELD = {analytics.THEME: "theme", analytics.DESTINATION: "destination", analytics.TEAM: "team"}
EMPTY = {"theme": "Any theme", "destination": "Any destination", "team": "Any team"}


class RuleForm(GovUKForm):
    kind = forms.ChoiceField(
        label="Warn about leavers",
        choices=EarlyWarningRule.Kind.choices,
        help_text="What the leavers have in common. It cannot be changed once the rule is saved.",
    )
    threshold = forms.IntegerField(
        label="How many leavers",
        min_value=2,
        max_value=MAX_THRESHOLD,
        help_text="Warn when this many or more leave within the window, for example 3",
        error_messages={
            "required": "Enter how many leavers",
            "invalid": "Enter how many leavers as a whole number, for example 3",
            "min_value": "A warning needs at least 2 leavers",
            "max_value": f"Enter {MAX_THRESHOLD} leavers or fewer",
        },
    )
    window_days = forms.IntegerField(
        label="Within how many days",
        min_value=1,
        max_value=MAX_WINDOW_DAYS,
        help_text="The last leaver left at most this many days after the first, for example 60",
        error_messages={
            "required": "Enter the number of days",
            "invalid": "Enter the number of days as a whole number, for example 60",
            "min_value": "Enter 1 day or more",
            "max_value": f"Enter {MAX_WINDOW_DAYS} days or fewer",
        },
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        empty_label=EMPTY["theme"],
        label="Which theme",
        help_text="Only for a rule about themes; any theme means each theme on its own",
    )
    destination = forms.TypedChoiceField(
        choices=[(ANY, EMPTY["destination"]), *DESTINATION_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        label="Which destination",
        help_text="Only for a rule about destinations; not known and not yet collected never count",
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        required=False,
        empty_label=EMPTY["team"],
        label="Which team",
        help_text="Only for a rule about teams",
    )
    is_on = forms.BooleanField(required=False, initial=True, label="On: check this rule every day")

    def __init__(self, *args: Any, rule: EarlyWarningRule | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rule = rule
        if rule is not None:
            # A rule about something else is a new rule: what it found before keeps its meaning.
            del self.fields["kind"]

    def kind_value(self) -> str:
        return self.rule.kind if self.rule is not None else self.cleaned_data.get("kind", "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = self.kind_value()
        about = EarlyWarningRule.Kind(kind).label.lower() if kind else ""
        for other_kind, field in KEY_FIELD.items():
            if other_kind != kind and data.get(field) not in (None, ANY):
                self.add_error(
                    field,
                    f"Choose {EMPTY[field].lower()}: this rule is about leavers {about}"
                    if kind
                    else "Choose what the leavers have in common",
                )
        return data

    @staticmethod
    def initial_from(rule: EarlyWarningRule) -> dict[str, Any]:
        return {
            "threshold": rule.threshold,
            "window_days": rule.window_days,
            "theme": rule.theme_id,
            "destination": rule.destination,
            "team": rule.team_id,
            "is_on": rule.is_on,
        }
