"""`stabilise import PATH [--dry-run]`: load a council's files, all or nothing."""

import getpass
import logging
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from stabilise.figures.warming import warm_figures_after_import
from stabilise.workforce.importing import import_council
from stabilise.workforce.importing.problems import FILE_ORDER

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Import a folder of CSV files, a .zip of them or one .xlsx workbook (import-format.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a folder of .csv files, a .zip or a .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report; write nothing"
        )
        parser.add_argument(
            "--by", default=None, help="who is importing (default: your login name)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        bars: dict[str, tqdm[Any]] = {}
        show = sys.stderr.isatty() and options["verbosity"] > 0

        def progress(stage: str, rows: int) -> None:
            if not show:
                return
            if stage not in bars:
                bars[stage] = tqdm(desc=f"{stage:>12}", unit=" rows", unit_scale=True, leave=True)
            bars[stage].update(rows)

        try:
            result = import_council(
                path.expanduser(),
                imported_by=options["by"] or getpass.getuser(),
                dry_run=options["dry_run"],
                progress=progress,
            )
        except Exception as error:
            # The transaction has rolled back; the person needs to know that, not a traceback.
            logger.exception("import stopped by %s", type(error).__name__)
            self.stderr.write(
                f"The import stopped on an unexpected error ({type(error).__name__}); nothing was "
                "imported. Please report it with the log."
            )
            sys.exit(1)
        for bar in bars.values():
            bar.close()
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            self.stderr.write(
                f"{len(result.problems)} problem(s) found; nothing was imported. "
                "Fix them and run the import again."
            )
            sys.exit(2)
        if result.dry_run:
            rows = ", ".join(
                f"{result.rows[name]} {name}" for name in FILE_ORDER if name in result.rows
            )
            self.stdout.write(f"Dry run: no problems in {rows}. Nothing was written.")
            return
        changes = ", ".join(
            f"{name} {result.created.get(name, 0)} new, {result.updated.get(name, 0)} changed"
            for name in FILE_ORDER
            if name in result.rows
        )
        self.stdout.write(f"Imported {result.source}: {changes}.")
        self.stdout.write(warm_figures_after_import())
