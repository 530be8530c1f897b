from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    WORKFORCE_LEAD = "workforce_lead", "Workforce lead (HR)"
    SERVICE_MANAGER = "service_manager", "Service manager"
    TEAM_MANAGER = "team_manager", "Team manager"
    ACADEMY_LEAD = "academy_lead", "Academy lead"
    COUNCILLOR = "councillor", "Councillor or director"
    SOCIAL_WORKER = "social_worker", "Social worker"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    """A person who signs in. Their role decides what they may see (DESIGN.md, 'Who uses it')."""

    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER)
    teams = models.ManyToManyField("workforce.Team", blank=True, related_name="managers")
    worker = models.OneToOneField(
        "workforce.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
