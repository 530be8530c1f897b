"""`stabilise demo`: load the fictional Wessex County Council, through the ordinary import."""

import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stabilise.demo.academy import with_academy
from stabilise.demo.accounts import DEMO_PASSWORD, create_demo_accounts
from stabilise.demo.exit_interviews import with_exit_interviews
from stabilise.demo.export import export_council
from stabilise.demo.simulation import simulate_council
from stabilise.figures.warming import warm_figures_after_import
from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Worker


class Command(BaseCommand):
    help = "Simulate the demo council and load it, or with --export write it as import files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=1, help="the same seed gives the same council"
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="the last day of its history, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--export",
            type=Path,
            metavar="DIR",
            help="write the import files to DIR instead of loading them",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="load only if the database holds no workers yet"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and not options["export"] and Worker.objects.exists():
            self.stdout.write("The database already holds a council; the demo was not loaded.")
            self._sign_in()
            return
        self.stdout.write("Simulating the demo council…")
        today = options["today"] or dt.date.today()
        frames = simulate_council(seed=options["seed"], today=today)
        frames = with_academy(frames, options["seed"], today)
        frames = with_exit_interviews(frames, options["seed"], today)
        if options["export"]:
            written = export_council(frames, options["export"])
            self.stdout.write(f"Wrote {len(written)} import files to {options['export']}.")
            return
        with tempfile.TemporaryDirectory() as folder:
            export_council(frames, Path(folder))
            result = import_council(
                Path(folder),
                imported_by="stabilise demo",
                label=f"demo council (seed {options['seed']})",
                progress=None,
            )
        if not result.ok:
            for problem in result.problems[:50]:
                self.stderr.write(str(problem))
            raise CommandError(
                "the demo council did not pass the import checks; nothing was loaded"
            )
        rows = ", ".join(f"{n:,} {name}" for name, n in result.created.items())
        self.stdout.write(f"Loaded the demo council: {rows}.")
        self.stdout.write(warm_figures_after_import())
        self._sign_in()

    def _sign_in(self) -> None:
        accounts = create_demo_accounts()
        self.stdout.write("Sign in at http://127.0.0.1:8000/ with one of these demo accounts:")
        for username, description in accounts:
            self.stdout.write(f"  {username:<12} password {DEMO_PASSWORD:<16} {description}")
        if settings.DEMO_MODE and settings.DEBUG:
            self.stdout.write(
                "Two-factor: demo mode is on, so these accounts skip it (never in production)."
            )
        else:
            self.stdout.write(
                "Two-factor: each account sets it up at first sign-in with an authenticator app "
                "(make run turns on demo mode, which skips it for these accounts)."
            )
        sys.stdout.flush()
