"""The checks of the `asye` file (contracts/academy.md) within its own rows; no Django.

References (the NQSW and the mentor are workers) and one row per worker per cohort are checked
with every other file's, in checks.py. These are the rules only the academy has.
"""

import polars as pl

from stabilise.academy import codes
from stabilise.workforce.importing.problems import Problem
from stabilise.workforce.importing.reading import ROW

DATES_AFTER_START = (*(f"review_{m}m" for m in codes.REVIEW_MONTHS), "completed_on")


def _problems(frame: pl.DataFrame, label: str, column: str, message: pl.Expr) -> list[Problem]:
    rows = frame.select(pl.col(ROW), message.alias("_message"))
    return [Problem(label, row, column, text) for row, text in rows.iter_rows()]


def check_asye(table: pl.DataFrame, label: str) -> list[Problem]:
    outcome = pl.col("outcome").fill_null(codes.IN_PROGRESS)
    problems = _problems(
        table.filter(pl.col("completed_on").is_not_null() & (outcome != codes.PASSED)),
        label,
        "completed_on",
        pl.format(
            'completed_on is only for a passed ASYE (outcome is "{}")',
            outcome,
        ),
    )
    problems += _problems(
        table.filter(pl.col("completed_on").is_null() & (outcome == codes.PASSED)),
        label,
        "completed_on",
        pl.lit("a passed ASYE needs completed_on, the date of the panel that passed it"),
    )
    for column in DATES_AFTER_START:
        early = table.filter(pl.col(column) <= pl.col("programme_start"))
        problems += _problems(
            early,
            label,
            column,
            pl.format(column + " {} is not after programme_start {}", column, "programme_start"),
        )
    problems += _problems(
        table.filter(pl.col("mentor_worker_id") == pl.col("worker_id")),
        label,
        "mentor_worker_id",
        pl.format('worker "{}" cannot be their own mentor', "worker_id"),
    )
    return problems
