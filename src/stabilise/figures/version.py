"""The version of the data every figure comes from: the register, caseloads, the academy and
leavers' exit interviews.

Any save or delete of a model in those apps (an import saves its ImportRun, so its bulk writes
count too; a form in the academy saves its record) adds a change with a new token, in the same
transaction as the change itself: figures cached under the old token are never read again once the
change is committed, and a change rolled back leaves the token as it was. Reading the token is
one query, so every process (each gunicorn worker, the command line) sees a change at once.
The same change empties the cache table, so no copy of the old data (names among it) outlives
the change in the database; each process's memory drops old entries as it fills with new ones.

Writes that send no signal must call `data_changed` themselves: QuerySet.update, bulk_create,
raw SQL, and deletes from the register or caseloads (DELETED_ONE_BY_ONE below). In the
application only the import writes that way, and it saves its ImportRun.
"""

import secrets
from typing import Any

from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from stabilise.figures.models import DataChange

# The apps whose data figures are computed from. Not accounts: who may see what is applied to
# figures after they are computed, and audit events are written on every page.
WATCHED_APPS = ("workforce", "caseloads", "academy", "retention")
# The apps whose records the application deletes (forms and services, one at a time). The
# register and caseloads are never deleted by it (an import deletes nothing; people in the audit
# log cannot be deleted), and a listener for their deletes would cost Django's fast delete of
# millions of caseload rows in one statement.
DELETED_ONE_BY_ONE = ("academy", "retention")
# The cache (settings.CACHES) figures are kept in.
CACHE = "figures"
# Rows of DataChange kept: every so many changes, the older ones go.
KEEP_CHANGES = 1000


def data_changed(**_: Any) -> None:
    """Give the data a new version (a signal receiver, or called after a write without one)."""
    change = DataChange.objects.create(token=secrets.token_hex(16), changed_at=timezone.now())
    if change.pk % KEEP_CHANGES == 0:
        DataChange.objects.filter(pk__lt=change.pk).delete()
    caches[CACHE].clear()


def data_version() -> str:
    """The current version's token: the latest change's."""
    token = DataChange.objects.order_by("-pk").values_list("token", flat=True).first()
    if token is None:  # a database emptied by a test's flush
        token = DataChange.objects.create(
            token=secrets.token_hex(16), changed_at=timezone.now()
        ).token
    return token


def _m2m_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and (
        sender._meta.app_label in WATCHED_APPS
    ):
        data_changed()


def watch_the_data() -> None:
    from django.apps import apps

    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            if hasattr(model, "instance_type"):  # django-simple-history's copy of a model
                continue
            post_save.connect(data_changed, sender=model, dispatch_uid=f"figures-save-{model}")
            if label in DELETED_ONE_BY_ONE:
                post_delete.connect(
                    data_changed, sender=model, dispatch_uid=f"figures-delete-{model}"
                )
    m2m_changed.connect(_m2m_changed, dispatch_uid="figures-m2m")
