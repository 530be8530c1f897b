"""`/health/`: whether this server can answer, for a load balancer or monitoring to call.

It is open to anyone: a load balancer holds no account. It says only `ok`, or that the database
cannot be reached; nothing about the council or anyone in it. It asks the database one trivial
question, because a server that cannot reach its database cannot serve a single page.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def health(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("health check: the database cannot be reached (%s)", type(error).__name__)
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
