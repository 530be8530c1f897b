"""No personal data in the application log.

Django names the path of a refused or failed request ("Not Found: /workers/W123/"), and a path
can hold a worker's id. This filter, on Django's request and CSRF loggers (settings.LOGGING),
writes the URL's pattern instead ("workers/<path:worker_id>/"). Who saw whom is the audit log's
business, in the database, never the log's.
"""

import logging

from django.urls import Resolver404, resolve

WITHHELD = "(address withheld)"


def pattern_of(path: str) -> str:
    try:
        match = resolve(path)
    except Resolver404:
        return WITHHELD
    return f"/{match.route}" if match.route else WITHHELD


class RedactRequestPaths(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str) and isinstance(record.args, tuple):
            get_full_path = getattr(request, "get_full_path", None)
            full = get_full_path() if callable(get_full_path) else path
            record.args = tuple(
                pattern_of(path) if arg in (path, full) else arg for arg in record.args
            )
        return True
