"""The `stabilise` command: Django's management commands with the council's own verbs.

`stabilise import PATH` is the `import_council` command (`import` is a Python keyword, so it
cannot be a command module's name); every other word goes straight to Django.
"""

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

ALIASES = {"import": "import_council"}


def _log_unexpected(error: BaseException) -> Path | None:
    """Keep the traceback for whoever supports the system; the person sees one line."""
    try:
        from django.conf import settings

        folder = Path(settings.DATA_DIR) / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "stabilise-errors.log"
        with log.open("a", encoding="utf-8") as file:
            file.write(
                f"--- {dt.datetime.now().isoformat(timespec='seconds')} {' '.join(sys.argv[1:2])}\n"
            )
            file.write("".join(traceback.format_exception(error)))
        return log
    except Exception:
        return None


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stabilise.settings")
    if len(args) > 1 and args[1] in ALIASES:
        args[1] = ALIASES[args[1]]
    args[0] = "stabilise"
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(args)
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("Stopped.\n")
        sys.exit(130)
    except Exception as error:
        if os.environ.get("STABILISE_TRACEBACK"):
            raise
        log = _log_unexpected(error)
        where = f"; the details are in {log}" if log else ""
        sys.stderr.write(
            f"stabilise: an unexpected error stopped the command ({type(error).__name__}){where}.\n"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
