"""The exit-interview form (HR) and the leaver's questionnaire: one weight field per theme.

The themes offered are those in use; HR's form of an interview also shows any retired theme it
already cites, so that its answer is seen and kept (a retired theme keeps its past answers).
"""

from typing import Any

from django import forms

from stabilise.retention.models import ExitInterview, InterviewTheme, Theme

NOT_CITED = "0"
WEIGHTS = [
    (NOT_CITED, "Not a reason"),
    *[(str(v), label) for v, label in InterviewTheme.Weight.choices],
]
REGRETTED = [("", "Not said"), ("yes", "Yes"), ("no", "No")]


class AnswersForm(forms.Form):
    """What the leaver said: themes with weights, regretted, would return, comments."""

    regretted = forms.ChoiceField(
        choices=REGRETTED, required=False, label="Could the council have kept them?"
    )
    would_return = forms.ChoiceField(
        choices=[("", "Not said"), *ExitInterview.WouldReturn.choices],
        required=False,
        label="Would they come back?",
    )
    new_employer = forms.CharField(
        required=False,
        max_length=200,
        label="Where they are going (the new employer, if known)",
    )
    comments = forms.CharField(widget=forms.Textarea, required=False, label="In their words")

    def __init__(
        self, *args: Any, interview: ExitInterview | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        offered = Theme.objects.filter(in_use=True)
        if interview is not None:
            offered = Theme.objects.filter(in_use=True) | Theme.objects.filter(
                cited__interview=interview
            )
        self.theme_list = list(offered.distinct())
        for theme in self.theme_list:
            label = theme.name if theme.in_use else f"{theme.name} (no longer offered)"
            self.fields[f"theme_{theme.pk}"] = forms.ChoiceField(
                choices=WEIGHTS, initial=NOT_CITED, label=label, required=False
            )

    def theme_fields(self) -> list[forms.BoundField]:
        return [self[f"theme_{theme.pk}"] for theme in self.theme_list]

    def themes(self) -> dict[Theme, int]:
        chosen = {t: int(self.cleaned_data.get(f"theme_{t.pk}") or 0) for t in self.theme_list}
        return {theme: weight for theme, weight in chosen.items() if weight}

    def regretted_value(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("regretted") or "")

    @staticmethod
    def initial_from(interview: ExitInterview | None) -> dict[str, Any]:
        if interview is None:
            return {}
        initial: dict[str, Any] = {
            "regretted": {True: "yes", False: "no"}.get(interview.regretted, ""),  # type: ignore[arg-type]
            "would_return": interview.would_return,
            "comments": interview.comments,
            "new_employer": interview.new_employer,
            "status": interview.status,
            "held_on": interview.held_on.isoformat() if interview.held_on else "",
            "held_by": interview.held_by,
        }
        for cited in interview.cited.all():
            initial[f"theme_{cited.theme_id}"] = str(cited.weight)
        return initial


class InterviewForm(AnswersForm):
    """HR's record: the answers plus the interview's status, date and who held it."""

    status = forms.ChoiceField(choices=ExitInterview.Status.choices, label="Status")
    held_on = forms.DateField(required=False, label="Held on (YYYY-MM-DD)")
    held_by = forms.CharField(
        required=False, max_length=200, label="Held by (HR and the team manager)"
    )
