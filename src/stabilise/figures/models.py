"""What the figures cache needs in the database: the data's version, and the cache's table."""

from django.db import models


class DataVersion(models.Model):
    """One row: a new random token each time the data figures come from changes (version.py).

    A token rather than a counter, so that a database made again from nothing (a test run, a
    restored backup) never meets figures cached under the same number for other data.
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
