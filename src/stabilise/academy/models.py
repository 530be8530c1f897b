"""The ASYE academy: cohorts of newly qualified social workers (NQSWs), their reviews,
reflective supervision and the panel that passes the ASYE (contracts/academy.md).

Who is in post, who left and why stay in the register (workforce.Assignment); the academy keeps
only what the academy decides. Review due dates are never stored: they are worked out from the
programme start and the absences (analytics/asye_reviews.py). Every change is kept by
django-simple-history.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from stabilise.academy import codes
from stabilise.workforce.models import Worker


class Cohort(models.Model):
    """An intake of NQSWs, known by the label the council uses ("1", "2019 spring")."""

    label = models.CharField(max_length=50, unique=True)
    planned_start = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_start", "label"]

    def __str__(self) -> str:
        return self.label


class AsyeRecord(models.Model):
    """One NQSW on the programme in one cohort (the import matches on worker and cohort)."""

    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="asye_records")
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="records")
    programme_start = models.DateField()
    route = models.CharField(max_length=20, choices=codes.ROUTE, blank=True)
    practice_lead = models.CharField(max_length=200, blank=True)
    mentor = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="mentees"
    )
    outcome = models.CharField(max_length=20, choices=codes.OUTCOME, default=codes.IN_PROGRESS)
    completed_on = models.DateField(
        null=True, blank=True, help_text="The date of the panel that passed the ASYE."
    )
    review_9m_required = models.BooleanField(
        "9-month review required", default=False, help_text="The 9-month review is optional."
    )
    # The completion increment the council pays on passing (for the pay work): recorded when
    # the ASYE is passed, from the settings of the day.
    increment_from = models.DateField(null=True, blank=True)
    increment_amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    increment_note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme_start", "worker__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "cohort"], name="one_asye_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.worker} (cohort {self.cohort})"


REVIEW_CHOICES = [(m, f"{m}-month review") for m in codes.REVIEW_MONTHS]


class Review(models.Model):
    """A 3, 6, 9 or 12-month review, once held."""

    record = models.ForeignKey(AsyeRecord, on_delete=models.CASCADE, related_name="reviews")
    month = models.PositiveSmallIntegerField(choices=REVIEW_CHOICES)
    held_on = models.DateField()
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["record", "month"], name="one_review_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.month}-month review of {self.record.worker} on {self.held_on}"


class ReflectiveSupervision(models.Model):
    """Reflective supervision given by a practice lead (or another supervisor)."""

    record = models.ForeignKey(AsyeRecord, on_delete=models.CASCADE, related_name="supervisions")
    held_on = models.DateField()
    supervisor = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Reflective supervision of {self.record.worker} on {self.held_on}"


class PanelDecision(models.Model):
    """The practice lead's recommendation to the ASYE panel and the panel's decision (empty
    until the panel sits). A decision sets the record's outcome (services.record_panel)."""

    record = models.ForeignKey(AsyeRecord, on_delete=models.CASCADE, related_name="panels")
    panel_date = models.DateField()
    recommendation = models.CharField(max_length=10, choices=codes.DECISION, blank=True)
    decision = models.CharField(max_length=10, choices=codes.DECISION, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-panel_date"]
        constraints = [
            models.UniqueConstraint(fields=["record", "panel_date"], name="one_decision_a_panel")
        ]

    def __str__(self) -> str:
        return f"Panel of {self.panel_date} for {self.record.worker}"
