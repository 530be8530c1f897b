"""The `stabilise` command: Django's management commands with the council's own verbs.

`stabilise import PATH` is the `import_council` command (`import` is a Python keyword, so it
cannot be a command module's name); every other word goes straight to Django.
"""

import os
import sys

ALIASES = {"import": "import_council"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stabilise.settings")
    if len(args) > 1 and args[1] in ALIASES:
        args[1] = ALIASES[args[1]]
    args[0] = "stabilise"
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
