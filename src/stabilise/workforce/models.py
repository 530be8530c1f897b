"""The register: teams, the establishment of posts, the people and who worked where, when.

Starters, leavers and vacancies are never stored: they are derived from assignments and posts
(analytics/measures.py). Every change to these records is kept by django-simple-history.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from stabilise import csww


class Team(models.Model):
    team_id = models.CharField("team id", max_length=50, unique=True)
    name = models.CharField(max_length=200)
    service = models.CharField(max_length=200, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    """A post in the establishment, funded from one date to another."""

    post_id = models.CharField("post id", max_length=50, unique=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="posts")
    org_role = models.PositiveSmallIntegerField(choices=csww.ORG_ROLE)
    job_title = models.CharField(max_length=200, blank=True)
    grade = models.CharField(max_length=50, blank=True)
    fte = models.DecimalField("FTE", max_digits=6, decimal_places=4)
    hard_to_fill = models.BooleanField(default=False)
    established_from = models.DateField()
    established_to = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["post_id"]

    def __str__(self) -> str:
        return f"{self.post_id} {self.job_title}".strip()


class Worker(models.Model):
    """A person, whatever their contract. Ethnicity and health are special-category data."""

    worker_id = models.CharField("worker id", max_length=50, unique=True)
    display_name = models.CharField(max_length=200)
    swe_number = models.CharField("Social Work England number", max_length=20, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.PositiveSmallIntegerField(choices=csww.GENDER, null=True, blank=True)
    ethnicity = models.CharField(max_length=4, choices=csww.ETHNICITY, blank=True)
    qual_level = models.PositiveSmallIntegerField(choices=csww.QUAL_LEVEL, null=True, blank=True)
    qual_institution = models.CharField(max_length=200, blank=True)
    qualified_on = models.DateField(null=True, blank=True)
    step_up_grad = models.BooleanField(default=False)
    frontline_grad = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name


class Assignment(models.Model):
    """A worker in a team (and usually a post) for a period, on one contract."""

    assignment_id = models.CharField("assignment id", max_length=50, unique=True)
    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="assignments")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="assignments")
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    org_role = models.PositiveSmallIntegerField(choices=csww.ORG_ROLE)
    job_title = models.CharField(max_length=200, blank=True)
    contract = models.CharField(max_length=20, choices=csww.CONTRACT)
    fte = models.DecimalField("FTE", max_digits=6, decimal_places=4)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    start_origin = models.PositiveSmallIntegerField(
        choices=csww.START_ORIGIN, null=True, blank=True
    )
    end_reason = models.PositiveSmallIntegerField(choices=csww.END_REASON, null=True, blank=True)
    end_destination = models.PositiveSmallIntegerField(
        choices=csww.END_DESTINATION, null=True, blank=True
    )
    agency_name = models.CharField(max_length=200, blank=True)
    hourly_rate = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    covers_vacancy = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "assignment_id"]
        indexes = [models.Index(fields=["start_date", "end_date"])]

    def __str__(self) -> str:
        return self.assignment_id


class Absence(models.Model):
    """A period away from work. Matched on re-import by worker, start date and reason."""

    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="absences")
    start_date = models.DateField()
    end_date = models.DateField()
    reason = models.CharField(max_length=3, choices=csww.ABSENCE_REASON)
    working_days_lost = models.DecimalField(max_digits=7, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "start_date", "reason"], name="one_absence_per_start_and_reason"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} from {self.start_date} to {self.end_date}"


class ImportRun(models.Model):
    """One import of a council's files: who, when, what, and what it changed."""

    started_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=500)
    imported_by = models.CharField(max_length=150)
    created = models.JSONField(default=dict)
    updated = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} by {self.imported_by} at {self.started_at:%Y-%m-%d %H:%M}"
