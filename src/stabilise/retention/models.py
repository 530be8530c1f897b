"""Exit interviews: one per leaving, with themes from the council's own list.

Exit-interview text and individual answers are special category (DESIGN.md): only the workforce
lead sees them (accounts.access.sees_special_category); everyone else sees counts.
"""

from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from stabilise.workforce.models import Worker


class Theme(models.Model):
    """A reason a leaver may give, from a list the council edits (seeded by migration 0002;
    edited on the theme list page, services.add_theme and friends)."""

    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    # A theme no longer offered keeps its past answers.
    in_use = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            # "Pay" and "pay" would split one reason's counts in two.
            models.UniqueConstraint(Lower("name"), name="theme_name_unique_ignoring_case")
        ]

    def __str__(self) -> str:
        return self.name


class ExitInterview(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        DECLINED = "declined", "Declined"

    class Source(models.TextChoices):
        INTERVIEW = "interview", "Recorded by HR"
        QUESTIONNAIRE = "questionnaire", "Answered by the leaver"
        IMPORT = "import", "Imported"

    class WouldReturn(models.TextChoices):
        YES = "yes", "Yes"
        MAYBE = "maybe", "Maybe"
        NO = "no", "No"

    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="exit_interviews")
    # The leaving day it is about (a worker can leave more than once).
    left_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    source = models.CharField(max_length=13, choices=Source.choices, default=Source.INTERVIEW)
    held_on = models.DateField(null=True, blank=True)
    # Held by HR with the team manager (Buckinghamshire): who was there.
    held_by = models.CharField(max_length=200, blank=True)
    # Could the council have kept them? None: not said.
    regretted = models.BooleanField(null=True, blank=True)
    would_return = models.CharField(max_length=5, choices=WouldReturn.choices, blank=True)
    comments = models.TextField(blank=True)
    # Who they are going to: "which councils and agencies take our staff".
    new_employer = models.CharField(max_length=200, blank=True)
    themes: "models.ManyToManyField[Theme, InterviewTheme]" = models.ManyToManyField(
        Theme, through="InterviewTheme", related_name="interviews"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["worker", "left_on"], name="one_interview_a_leaving")
        ]

    def __str__(self) -> str:
        return f"Exit interview of {self.worker_id} ({self.left_on})"


class InterviewTheme(models.Model):
    """A theme a leaver cited, with how much it weighed in leaving."""

    class Weight(models.IntegerChoices):
        MINOR = 1, "A minor reason"
        MAJOR = 2, "A major reason"
        MAIN = 3, "The main reason"

    interview = models.ForeignKey(ExitInterview, on_delete=models.CASCADE, related_name="cited")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="cited")
    weight = models.PositiveSmallIntegerField(choices=Weight.choices, default=Weight.MAJOR)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["interview", "theme"], name="a_theme_once_an_interview")
        ]

    def __str__(self) -> str:
        return f"{self.theme} ({self.get_weight_display()})"


class QuestionnaireLink(models.Model):
    """A one-time link for a leaver to answer the questionnaire themselves, without an account.

    Only a hash of the token is kept: the link cannot be rebuilt from the database."""

    interview = models.ForeignKey(ExitInterview, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Questionnaire link for {self.interview}"


# Early warnings live in a module of their own; imported here so that Django finds them.
from stabilise.retention.alert_models import EarlyWarning, EarlyWarningRule  # noqa: E402, F401
