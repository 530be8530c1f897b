"""Sign-in events into the audit log: signed in, signed out, failed, locked out.

Nothing goes to the application log: the audit log holds who and from where.
"""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from stabilise.accounts.audit import record
from stabilise.accounts.models import AuditAction


@receiver(user_logged_in)
def signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        record(request, AuditAction.SIGNED_IN)


@receiver(user_logged_out)
def signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # Sent before the session ends, so request.user is still who is signing out.
    if request is not None and user is not None:
        record(request, AuditAction.SIGNED_OUT)


@receiver(user_login_failed)
def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    if request is not None:
        username = str(credentials.get("username", ""))
        record(request, AuditAction.SIGN_IN_FAILED, username=username)


@receiver(user_locked_out)
def locked_out(sender: Any, request: HttpRequest, username: str, **kwargs: Any) -> None:
    record(request, AuditAction.LOCKED_OUT, username=username or "")
