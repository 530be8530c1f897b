"""Caseload snapshots: how many children each worker holds, day by day.

Millions of rows, so their history is not django-simple-history's one row per save but a change
log written only when a re-import alters a value.
"""

from django.db import models


class CaseloadSnapshot(models.Model):
    # The key is the worker and the day: it serves lookups by worker and the import's matching,
    # and rows are inserted in its order. Reads by date (a week of snapshots for the measures,
    # thirteen for the weekly report) go two ways (benchmarks/README.md):
    # - PostgreSQL has an index on the date as well (migration 0002): 9 ms for a week of 2.7
    #   million rows instead of a 180 ms scan, at a cost within the import benchmark's noise;
    # - SQLite has none: there it made a million-row import's write 40-180 % slower, and
    #   SQLite, with no statistics of ranges, also took it for wide ranges, reading most of the
    #   table row by row through it. The readers (workforce/selectors.py) go worker by worker
    #   through the key instead, one short range each: 30 ms for a week.
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
