"""The page someone sees when django-axes has locked their sign-in out (AXES_LOCKOUT_CALLABLE)."""

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


def locked_out(request: HttpRequest, response: Any = None, credentials: Any = None) -> HttpResponse:
    # No username or address here: the audit log has them (accounts/signals.py).
    logger.warning("a sign-in was refused by the lock-out; the audit log says whose")
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "ui/locked_out.html", context, status=429)
