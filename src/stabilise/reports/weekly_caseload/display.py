"""How the report's figures are written: one decimal place as the DfE publishes, and words.

The rounding itself is the UI's (`one_decimal`), so a figure reads the same on every page, in the
workbook and in the email.
"""

from dataclasses import dataclass

from stabilise.analytics.weekly_caseload import Direction, WeeklyCaseloadReport
from stabilise.reports.weekly_caseload.suppressed import ShownReport
from stabilise.ui.templatetags.stabilise_ui import NOT_AVAILABLE, one_decimal

DIRECTIONS: dict[str, str] = {"up": "Up", "down": "Down", "steady": "Steady"}


# Each of these passes `c` (a figure withheld from councillors, suppressed.py) through as it is.


def rounded(value: float | str | None) -> float | str | None:
    """A figure to one decimal place (half up), still a number: for spreadsheet cells."""
    if value is None or isinstance(value, str):
        return value
    return float(one_decimal(value))


def figure(value: float | str | None) -> str:
    return value if isinstance(value, str) else one_decimal(value)


def count(value: int | str | None) -> str:
    return NOT_AVAILABLE if value is None else str(value)


def signed(change: int | str) -> str:
    """A change in headcount with its sign, so "+1" and "-1" cannot be misread."""
    if isinstance(change, str):
        return change
    return f"+{change}" if change > 0 else str(change)


def direction(value: Direction | str | None) -> str:
    if value is None:
        return NOT_AVAILABLE
    return DIRECTIONS.get(value, value)


def threshold(value: float) -> str:
    """20.0 as "20", 18.5 as "18.5"."""
    return f"{value:g}"


@dataclass(frozen=True)
class HistoryTable:
    """One measure for every team, week by week (the 12 weeks before and the week itself)."""

    key: str
    caption: str
    rows: list[tuple[str, list[str]]]


HISTORY_MEASURES = (
    ("average", "Average caseload"),
    ("headcount", "Headcount"),
    ("trend", "Trend (two weeks)"),
)


def history_tables(report: WeeklyCaseloadReport | ShownReport) -> list[HistoryTable]:
    tables = []
    for key, caption in HISTORY_MEASURES:
        show = count if key == "headcount" else figure
        rows = [
            (
                team.team_name,
                [show(getattr(week, key)) for week in team.history] + [show(getattr(team, key))],
            )
            for team in report.teams
        ]
        tables.append(HistoryTable(key, caption, rows))
    return tables
