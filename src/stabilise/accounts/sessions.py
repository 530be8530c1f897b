"""Session expiry: 30 minutes without a page, or 8 hours after signing in, whichever is first.

Django's own SESSION_COOKIE_AGE is the 8 hours from the last time the session was saved; this
adds the idle limit (SESSION_IDLE_SECONDS) and makes the 8 hours count from signing in, so an
open tab cannot keep a session alive all week. Either way the person signs in again (with
two-factor) and comes back to the page they asked for.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

SIGNED_IN_AT = "stabilise_signed_in_at"
LAST_SEEN = "stabilise_last_seen"
# Write the session at most once a minute for the idle clock, not on every page.
RESOLUTION_SECONDS = 60


def now() -> float:
    return time.time()


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        session = request.session
        moment = now()
        signed_in_at = session.setdefault(SIGNED_IN_AT, moment)
        last_seen = session.get(LAST_SEEN, moment)
        idle = moment - last_seen > settings.SESSION_IDLE_SECONDS
        too_long = moment - signed_in_at > settings.SESSION_COOKIE_AGE
        if idle or too_long:
            logout(request)
            # logout() leaves a fresh session, which carries the message to the sign-in page.
            messages.info(
                request,
                "You were signed out because you had not used Stabilise for "
                f"{settings.SESSION_IDLE_SECONDS // 60} minutes."
                if idle
                else "You were signed out because you signed in more than "
                f"{settings.SESSION_COOKIE_AGE // 3600} hours ago.",
            )
            return
        if moment - last_seen >= RESOLUTION_SECONDS or LAST_SEEN not in session:
            session[LAST_SEEN] = moment
