"""What the `stabilise` commands share: reading a date given on the command line, and writing
a line exactly as it is."""

import datetime as dt

from django.core.management.base import CommandError


def iso_date(text: str, option: str = "") -> dt.date:
    """`text` as a YYYY-MM-DD date, or a CommandError that says it is not one (naming the
    `option` it was given to, such as "--as-at", where the message should)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        given = f"{option} {text!r}" if option else f'"{text}"'
        raise CommandError(f"{given} is not a date: use YYYY-MM-DD") from None


def plain(text: str) -> str:
    """A style_func for stdout.write that leaves the text as it is (Django's own would colour
    a line it takes for a warning or an error)."""
    return text
