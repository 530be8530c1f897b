"""System checks of retention's settings: a server will not start with a notice period that
who may be next cannot use (`stabilise serve`, `migrate` and every other command run them)."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

# Longer than any social worker's contractual notice: a figure above it is a typing slip.
MOST_NOTICE_WEEKS = 26


@register()
def notice_period_is_whole_weeks(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    weeks = settings.NOTICE_WEEKS
    if isinstance(weeks, int) and 0 <= weeks <= MOST_NOTICE_WEEKS:
        return []
    return [
        Error(
            "STABILISE_NOTICE_WEEKS must be a whole number of weeks from 0 to "
            f"{MOST_NOTICE_WEEKS}.",
            hint="Unset it for the usual 4 weeks, or set e.g. STABILISE_NOTICE_WEEKS=8.",
            id="stabilise.E101",
        )
    ]
