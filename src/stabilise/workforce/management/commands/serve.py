"""`stabilise serve`: the web application under gunicorn, on 127.0.0.1:8000 by default."""

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve Stabilise with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("STABILISE_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3))
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # gunicorn reads its options from sys.argv; this process becomes the gunicorn master.
        from gunicorn.app.wsgiapp import run

        self.stdout.write(f"Serving Stabilise at http://{options['bind']}/ (Ctrl+C to stop)")
        self.stdout.flush()
        sys.argv = [
            "gunicorn",
            "stabilise.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            # Time, method, status, size and duration, but no path: a path can hold a worker's
            # id, and the log must hold no personal data (the audit log says who saw what).
            "--access-logformat",
            '%(t)s "%(m)s" %(s)s %(B)s %(M)sms',
        ]
        run(prog="stabilise serve")
