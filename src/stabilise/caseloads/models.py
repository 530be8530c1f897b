"""Caseload snapshots: how many children each worker holds, day by day.

Millions of rows, so their history is not django-simple-history's one row per save but a change
log written only when a re-import alters a value.
"""

from django.db import models


class CaseloadSnapshot(models.Model):
    # The key is the worker and the day: one index serves lookups by worker and the import's
    # matching, and a million-row import pays for no other (a surrogate id and a date index
    # made PostgreSQL's insert three times slower). Reads by date scan, which is fast enough.
    pk = models.CompositePrimaryKey("worker", "date")
    worker = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        related_name="caseload_snapshots",
        db_index=False,
    )
    date = models.DateField()
    cases = models.PositiveIntegerField()
    weighted_points = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.date}: {self.cases}"


class CaseloadChange(models.Model):
    """The old value of a snapshot that an import changed."""

    worker = models.ForeignKey("workforce.Worker", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    old_cases = models.PositiveIntegerField()
    old_weighted_points = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    new_cases = models.PositiveIntegerField()
    new_weighted_points = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    import_run = models.ForeignKey(
        "workforce.ImportRun", on_delete=models.PROTECT, related_name="caseload_changes"
    )

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.date}: {self.old_cases} to {self.new_cases}"
