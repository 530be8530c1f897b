"""The academy's forms, in GOV.UK markup (templates/academy/_field.html)."""

from typing import Any

from django import forms

from stabilise.academy import codes
from stabilise.academy.models import REVIEW_CHOICES, AsyeRecord, Cohort
from stabilise.workforce.models import Worker

DATE_HINT = "For example, 2025-09-08"


class GovUKForm(forms.Form):
    """Sets each widget's GOV.UK class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                widget.attrs["class"] = "govuk-select"
            elif isinstance(widget, forms.Textarea):
                widget.attrs.update({"class": "govuk-textarea", "rows": "4"})
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "govuk-checkboxes__input"
            else:
                widget.attrs["class"] = "govuk-input govuk-!-width-one-half"
            if isinstance(field, forms.DateField):
                widget.input_type = "date"
                field.help_text = field.help_text or DATE_HINT


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": "Enter a real date, for example 2025-09-08"},
    )


class CohortForm(GovUKForm):
    label = forms.CharField(
        max_length=50, help_text="How the academy knows it, for example 7 or 2025 autumn"
    )
    planned_start = _date("Planned start", required=False)
    notes = forms.CharField(widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, cohort: Cohort | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort

    def clean_label(self) -> str:
        label = self.cleaned_data["label"].strip()
        if "/" in label:
            raise forms.ValidationError("A cohort's label cannot contain /")
        taken = Cohort.objects.filter(label=label)
        if self.cohort is not None:
            taken = taken.exclude(pk=self.cohort.pk)
        if taken.exists():
            raise forms.ValidationError(f"There is already a cohort {label}")
        return label


class NqswForm(GovUKForm):
    worker = forms.ModelChoiceField(
        Worker.objects.all(), label="Newly qualified social worker", to_field_name="worker_id"
    )
    programme_start = _date("Programme start")
    route = forms.ChoiceField(choices=[("", "Not recorded"), *codes.ROUTE], required=False)
    practice_lead = forms.CharField(max_length=200, required=False)
    mentor = forms.ModelChoiceField(
        Worker.objects.all(),
        required=False,
        to_field_name="worker_id",
        help_text="An experienced worker, such as an Enhanced Social Work Practitioner",
    )
    review_9m_required = forms.BooleanField(label="9-month review required", required=False)

    def __init__(self, *args: Any, record: AsyeRecord | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record = record
        if record is not None:
            self.fields["worker"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mentor") is not None and data.get("mentor") == data.get("worker"):
            self.add_error("mentor", "An NQSW cannot be their own mentor")
        return data


class ReviewForm(GovUKForm):
    month = forms.TypedChoiceField(choices=REVIEW_CHOICES, coerce=int, label="Review")
    held_on = _date("Held on")
    notes = forms.CharField(widget=forms.Textarea, required=False)


class SupervisionForm(GovUKForm):
    held_on = _date("Held on")
    supervisor = forms.CharField(max_length=200, required=False)
    notes = forms.CharField(widget=forms.Textarea, required=False)


class PanelForm(GovUKForm):
    panel_date = _date("Panel date")
    recommendation = forms.ChoiceField(
        choices=[("", "None yet"), *codes.DECISION],
        required=False,
        label="Practice lead's recommendation",
    )
    decision = forms.ChoiceField(
        choices=[("", "The panel has not decided yet"), *codes.DECISION],
        required=False,
        label="Panel's decision",
        help_text="Pass records the ASYE as passed on the panel date, with the completion increment",
    )
    notes = forms.CharField(widget=forms.Textarea, required=False)
