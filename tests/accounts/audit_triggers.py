"""The audit log's triggers, as its migration installs them, for tests that need them."""

import importlib

from django.db import connection

migration = importlib.import_module("stabilise.accounts.migrations.0003_auditevent")


def clear_audit_events_on_sqlite() -> None:
    """Empty the audit table of an SQLite test database, its triggers set aside and restored."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for statement in migration.SQLITE_REVERSE:
            cursor.execute(statement)
        cursor.execute(f"DELETE FROM {migration.TABLE}")
        for statement in migration.SQLITE:
            cursor.execute(statement)
