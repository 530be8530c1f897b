"""GOV.UK pages for the two failures Django would otherwise answer in its own words: a form
sent without a valid security token, and an error in the application. Neither shows a
traceback or the request's details; what went wrong goes to the log, not to the person."""

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """settings.CSRF_FAILURE_VIEW. Most often a form left open across a sign-out, or opened in
    another browser: nothing was saved, and sending it again from a fresh page works."""
    # The reason is Django's fixed wording ("CSRF token missing."), never the form's contents.
    logger.warning("form refused without a valid CSRF token: %s", reason)
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. The page in the service's layout if it can be drawn; if drawing it fails too
    (the database is down, say), the same words on a page that needs nothing."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("the error page could not be drawn; sending the plain one")
        return HttpResponseServerError(render_to_string("500_plain.html"))
