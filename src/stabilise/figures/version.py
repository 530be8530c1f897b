"""The version of the data every figure comes from: the register, caseloads, the academy and
leavers' exit interviews.

Any save or delete of a model in those apps (an import saves its ImportRun, so its bulk writes
count too; a form in the academy saves its record) gives the version a new token, in the same
transaction as the change: figures cached under the old token are never read again once the
change is committed, and a change rolled back leaves the token as it was. Reading the token is
one query, so every process (each gunicorn worker, the command line) sees a change at once.
The same change empties the cache table, so no copy of the old data (names among it) outlives
the change in the database; each process's memory drops old entries as it fills with new ones.

Writes that send no signals (QuerySet.update, bulk_create, raw SQL) must call `data_changed`
themselves; in the application only the import writes that way, inside its ImportRun.
"""

import secrets
from typing import Any

from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from stabilise.figures.models import DataVersion

# The apps whose data figures are computed from. Not accounts: who may see what is applied to
# figures after they are computed, and audit events are written on every page.
WATCHED_APPS = ("workforce", "caseloads", "academy", "retention")
ROW = 1
# The cache (settings.CACHES) figures are kept in.
CACHE = "figures"


def data_changed(**_: Any) -> None:
    """Give the data a new version (a signal receiver, or called after a write without one)."""
    token = secrets.token_hex(16)
    if not DataVersion.objects.filter(pk=ROW).update(token=token, changed_at=timezone.now()):
        _first(token)
    caches[CACHE].clear()


def data_version() -> str:
    """The current version's token."""
    token = DataVersion.objects.filter(pk=ROW).values_list("token", flat=True).first()
    return token if token is not None else _first(secrets.token_hex(16))


def _first(token: str) -> str:
    """The row, made if it is missing (a database emptied by a test's flush)."""
    try:
        with transaction.atomic():
            return DataVersion.objects.get_or_create(
                pk=ROW, defaults={"token": token, "changed_at": timezone.now()}
            )[0].token
    except IntegrityError:  # another process made it first
        return DataVersion.objects.get(pk=ROW).token


def _m2m_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and (
        sender._meta.app_label in WATCHED_APPS
    ):
        data_changed()


def watch_the_data() -> None:
    from django.apps import apps

    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            post_save.connect(data_changed, sender=model, dispatch_uid=f"figures-save-{model}")
            post_delete.connect(data_changed, sender=model, dispatch_uid=f"figures-del-{model}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="figures-m2m")
