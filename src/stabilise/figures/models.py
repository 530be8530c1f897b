"""What the figures cache needs in the database: the data's version, and the cache's table."""

from django.db import models


class DataChange(models.Model):
    """One row for each change of the data figures come from (version.py); the latest row's
    token is the data's version.

    A row per change rather than one row updated: a transaction that saves thousands of
    records would otherwise update one row thousands of times, and PostgreSQL walks every
    version of that row it made on each update. A random token rather than the row's number, so
    a database made again from nothing (a test run, a restored backup) never meets figures
    cached under the same version for other data.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"data version {self.token} since {self.changed_at:%Y-%m-%d %H:%M:%S}"


class CachedFigures(models.Model):
    """The table of Django's database cache backend (settings.CACHES["figures"]), made by a
    migration like every other table, so `stabilise migrate` is all a deployment runs. Its
    columns are the ones Django's `createcachetable` would make."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "figures_cache"

    def __str__(self) -> str:
        return self.cache_key
