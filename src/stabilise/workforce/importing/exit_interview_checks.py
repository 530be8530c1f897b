"""The checks of the `exit_interviews` file (README, "Importing past exit interviews") within its own rows; no
Django. The worker reference and one row per worker per leaving are checked with every other
file's, in checks.py.

`themes` lists the reasons given, each with its weight (1 minor, 2 major, 3 the main reason):
`Caseload:3; Pay:1`. A theme without a weight is a major one.
"""

import re

import polars as pl

from stabilise.workforce.importing.problems import Problem
from stabilise.workforce.importing.reading import ROW

THEME = re.compile(r"^\s*(?P<name>[^:;]+?)\s*(?::\s*(?P<weight>\S+)\s*)?$")
DEFAULT_WEIGHT = 2
WEIGHTS = (1, 2, 3)


def parse_themes(text: str | None) -> tuple[dict[str, int], list[str]]:
    """The themes of a cell by name with their weights, and what is wrong with it."""
    themes: dict[str, int] = {}
    errors: list[str] = []
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        match = THEME.match(part)
        if match is None:
            errors.append(f'"{part.strip()}" is not a theme: write Name:weight, e.g. Caseload:3')
            continue
        name, weight = match["name"], match["weight"]
        if weight is not None and weight not in {str(w) for w in WEIGHTS}:
            errors.append(f'theme "{name}" has weight "{weight}": use 1, 2 or 3')
            continue
        if name.casefold() in {n.casefold() for n in themes}:
            errors.append(f'theme "{name}" is given twice')
            continue
        themes[name] = int(weight) if weight else DEFAULT_WEIGHT
    return themes, errors


def check_exit_interviews(table: pl.DataFrame, label: str) -> list[Problem]:
    problems = [
        Problem(label, row, "themes", error)
        for row, text in table.select(ROW, "themes").iter_rows()
        for error in parse_themes(text)[1]
    ]
    early = table.filter(pl.col("held_on") < pl.col("left_on") - pl.duration(days=365))
    problems += [
        Problem(label, row, "held_on", "held_on is more than a year before left_on")
        for row in early.get_column(ROW).to_list()
    ]
    return problems
