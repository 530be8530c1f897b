"""The audit log: who viewed or changed whose record, when and from where.

Pages call `record(request, action, worker=..., special=...)`:

    from stabilise.accounts.audit import record
    record(request, "viewed", worker=worker, special=sees_special_category(request.user))

`action` is one of AuditAction's values ("viewed", "changed", "imported", "exported", …).
`special` says special-category data (ethnicity, health, exit-interview text) was shown.
`record_many` writes one event per person listed on a page in one statement. Code that runs
without a request in hand (the import pipeline) calls `record_event`: inside a web request it
still gets who and from where, through `AuditContextMiddleware`.

Events are never written to the application log: they hold personal data, the log must not.
"""

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from stabilise.accounts.models import AuditAction, AuditEvent, User
from stabilise.workforce.models import Worker

USER_AGENT_LENGTH = AuditEvent._meta.get_field("user_agent").max_length or 300
DETAIL_LENGTH = AuditEvent._meta.get_field("detail").max_length or 300


@dataclass(frozen=True)
class Who:
    """Who is acting and from where, as an audit event records them."""

    user: User | None
    username: str
    ip_address: str | None
    user_agent: str


_current: ContextVar[HttpRequest | None] = ContextVar("stabilise_audit_request", default=None)


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from. Behind a reverse proxy, the proxy must pass the
    client's address as REMOTE_ADDR (e.g. gunicorn's --forwarded-allow-ips with a proxy that
    sets it); X-Forwarded-For is not trusted here, as a client can forge it."""
    return request.META.get("REMOTE_ADDR") or None


def who_of(request: HttpRequest, username: str = "") -> Who:
    user = getattr(request, "user", None)
    if not (isinstance(user, User) and user.is_authenticated):
        user = None
    return Who(
        user=user,
        username=(user.get_username() if user else username)[:150],
        ip_address=client_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH],
    )


def _action(action: str) -> AuditAction:
    try:
        return AuditAction(action)
    except ValueError:
        known = ", ".join(AuditAction.values)
        raise ValueError(f"not an audit action: {action!r} (one of {known})") from None


def _event(who: Who, action: str, worker: Worker | None, special: bool, detail: str) -> AuditEvent:
    return AuditEvent(
        user=who.user,
        username=who.username,
        ip_address=who.ip_address,
        user_agent=who.user_agent,
        action=_action(action),
        worker=worker,
        special_category=special,
        detail=detail[:DETAIL_LENGTH],
    )


def record(
    request: HttpRequest,
    action: str,
    worker: Worker | None = None,
    special: bool = False,
    detail: str = "",
    username: str = "",
) -> AuditEvent:
    """Record one event by the request's user (or `username`, for a failed sign-in)."""
    event = _event(who_of(request, username), action, worker, special, detail)
    event.save()
    return event


def record_many(
    request: HttpRequest,
    action: str,
    workers: Iterable[Worker],
    special: bool = False,
    detail: str = "",
) -> int:
    """One event for each of `workers` (the people a page lists), written in one statement."""
    who = who_of(request)
    events = [_event(who, action, worker, special, detail) for worker in workers]
    AuditEvent.objects.bulk_create(events)
    return len(events)


def record_event(
    action: str,
    *,
    username: str = "",
    worker: Worker | None = None,
    special: bool = False,
    detail: str = "",
) -> AuditEvent:
    """Record an event where no request is in hand: the current web request's user and address
    if there is one (AuditContextMiddleware), else `username` (a command-line import)."""
    request = _current.get()
    who = who_of(request) if request is not None else Who(None, username[:150], None, "")
    event = _event(who, action, worker, special, detail)
    event.save()
    return event


class AuditContextMiddleware:
    """Makes the request known to record_event for the request's length."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
