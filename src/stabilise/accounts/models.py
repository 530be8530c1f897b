from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


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
    # Made by `stabilise demo`: may skip two-factor in demo mode (settings.DEMO_MODE) only.
    is_demo = models.BooleanField(default=False)


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed"
    CHANGED = "changed", "Changed"
    IMPORTED = "imported", "Imported"
    EXPORTED = "exported", "Exported"
    SIGNED_IN = "signed_in", "Signed in"
    SIGNED_OUT = "signed_out", "Signed out"
    SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
    LOCKED_OUT = "locked_out", "Locked out"
    TWO_FACTOR_SET_UP = "two_factor_set_up", "Set up two-factor"
    TWO_FACTOR_FAILED = "two_factor_failed", "Wrong two-factor code"


class AuditImmutable(Exception):
    """Raised on any attempt to change or delete an audit event."""

    def __init__(self) -> None:
        super().__init__("audit events cannot be changed or deleted")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: object) -> int:
        raise AuditImmutable

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditImmutable

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        raise AuditImmutable


class AuditEvent(models.Model):
    """Who did what to whose record, when and from where. Written once, never changed.

    Written through stabilise.accounts.audit.record(). The application cannot update or delete a
    row (save() of an existing row, delete() and the queryset's update() and delete() all raise),
    and the database refuses it too: a trigger installed by migration 0003 on PostgreSQL and
    SQLite. Users and workers with audit events cannot be deleted (PROTECT); they are made
    inactive instead, so the record of who saw whom stays whole.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    # The username as typed or as it was then: kept for failed sign-ins (no user) and renames.
    username = models.CharField(max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=30, choices=AuditAction.choices, db_index=True)
    worker = models.ForeignKey(
        "workforce.Worker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    special_category = models.BooleanField(default=False)
    # Which page or file, in words without personal data: "team page T1", "workbook 2025-03-07".
    detail = models.CharField(max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["worker", "at"]), models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditImmutable
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditImmutable
