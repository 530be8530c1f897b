"""Figures computed once per version of the data (version.py) and kept for every page.

A page's figures come from the whole register (ten years of a council's measures, a year of
everyone's caseloads), so computing them on every request costs far more than the page itself.
They change only when the data does, or when the day does. So a page's selector asks
`@figures("name")`: the result is kept under the data's version token and the function's
arguments (dates, ids), first in this process's memory, then in the database's cache table
(settings.CACHES["figures"]) for every other process, and computed only when neither has it.

What is kept is figures and frames, and for some pages the figures as shown, once for each way
of seeing them (with small numbers, or with `c`); whose people a user may see is applied by the
page on every request. Values are shared between requests, so callers must not change them in
place (frames and frozen dataclasses cannot be).
"""

import functools
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction

from stabilise.figures.version import CACHE, data_version

logger = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

# This process keeps the most recently used values: a day's pages need a few dozen.
IN_MEMORY = 64
SIMPLE = (str, int, float, bool, date, type(None))

_memory: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()
_missing = object()


def _simple(value: object) -> bool:
    if isinstance(value, tuple | frozenset):
        return all(_simple(v) for v in value)
    return isinstance(value, SIMPLE)


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def cache_key(name: str, version: str, arguments: tuple[Any, ...]) -> str:
    digest = hashlib.sha256(f"{version}|{name}|{arguments!r}".encode()).hexdigest()
    return f"{name}:{digest[:40]}"


def cached(name: str, arguments: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or what it gave before for the same name and arguments and data version."""
    if not _simple(arguments):
        raise TypeError(f"figures {name!r}: cache keys are dates, text and numbers: {arguments!r}")
    key = cache_key(name, data_version(), arguments)
    with _lock:
        if key in _memory:
            _memory.move_to_end(key)
            return _memory[key]
    store = caches[CACHE]
    value = store.get(key, _missing)
    if value is _missing:
        value = compute()
        try:
            with transaction.atomic():
                store.set(key, value)
        except DatabaseError as error:
            # Figures not kept are computed again next time; the page still has them now.
            logger.warning("figures %s not kept: %s", name, type(error).__name__)
    with _lock:
        _memory[key] = value
        while len(_memory) > IN_MEMORY:
            _memory.popitem(last=False)
    return value


def figures(
    name: str, *, setting_names: tuple[str, ...] = ()
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Cache a selector's result by its arguments (and the settings it reads)."""

    def wrap(function: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            arguments = (
                tuple(_frozen(a) for a in args),
                tuple(sorted((k, _frozen(v)) for k, v in kwargs.items())),
                tuple(_frozen(getattr(settings, s)) for s in setting_names),
            )
            return cached(name, arguments, lambda: function(*args, **kwargs))

        return wrapper

    return wrap


def forget_in_this_process() -> None:
    """Empty this process's memory (tests; the database's cache table is untouched)."""
    with _lock:
        _memory.clear()
