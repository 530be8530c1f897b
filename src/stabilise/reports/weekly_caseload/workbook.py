"""The report as an .xlsx workbook a committee officer can paste from.

Summary: one row per team and the council's row, to one decimal place as the DfE publishes.
History: the twelve weeks before and the week itself, per team, with a native Excel chart of
the council's average and trend. Aggregates only: the named workers never go in the workbook, so
it can be forwarded to anyone the email can.
"""

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from stabilise.analytics.weekly_caseload import TeamWeek, WeeklyCaseloadReport
from stabilise.reports.cells import put as _put
from stabilise.reports.weekly_caseload.display import direction, rounded
from stabilise.reports.weekly_caseload.suppressed import ShownReport, ShownTeam

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "d mmm yyyy"
ONE_DECIMAL = "0.0"
HEADER_ROW = 4
SUPPRESSED_NOTE = (
    "c: withheld because it counts, or rests on, from 1 to 4 people (and each team's highest "
    "and lowest caseload, which are one person's), as the DfE publishes."
)

Report = WeeklyCaseloadReport | ShownReport

SUMMARY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Team", 32),
    ("Headcount", 11),
    ("Change in headcount on the week before", 14),
    ("Case holders", 9),
    ("Cases", 9),
    ("Average caseload per case holder", 14),
    ("Average caseload per case-holding FTE", 14),
    ("Highest caseload", 10),
    ("Lowest caseload", 10),
    ("Trend (two weeks)", 10),
    ("Direction", 10),
)
HISTORY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Team", 32),
    ("Week ending", 13),
    ("Average caseload per case holder", 14),
    ("Headcount", 11),
    ("Trend (two weeks)", 10),
)


def file_name(week_ending: date) -> str:
    return f"weekly-caseload-{week_ending.isoformat()}.xlsx"


def _head(sheet: Worksheet, title: str, note: str, columns: Sequence[tuple[str, int]]) -> None:
    _put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    _put(sheet, 2, 1, note)
    for index, (heading, width) in enumerate(columns, start=1):
        cell = _put(sheet, HEADER_ROW, index, heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    # The headings (and the team names) stay in view however far one scrolls.
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"


def _summary_row(team: TeamWeek | ShownTeam) -> list[tuple[Any, str]]:
    return [
        (team.team_name, ""),
        (team.headcount, ""),
        (team.headcount_change, "+0;-0;0"),
        (team.case_holders, ""),
        (team.cases, ""),
        (rounded(team.average), ONE_DECIMAL),
        (rounded(team.average_per_fte), ONE_DECIMAL),
        (team.highest, ""),
        (team.lowest, ""),
        (rounded(team.trend), ONE_DECIMAL),
        (None if team.direction is None else direction(team.direction), ""),
    ]


def _summary(sheet: Worksheet, report: Report, title: str, note: str) -> None:
    _head(sheet, title, note, SUMMARY_COLUMNS)
    teams: Sequence[TeamWeek | ShownTeam] = report.teams
    for offset, team in enumerate(teams, start=1):
        for column, (value, number_format) in enumerate(_summary_row(team), start=1):
            cell = _put(sheet, HEADER_ROW + offset, column, value, number_format)
            if team is report.council:
                cell.font = Font(bold=True)


def _history(sheet: Worksheet, report: Report, title: str, note: str) -> None:
    _head(sheet, title, note, HISTORY_COLUMNS)
    row = HEADER_ROW
    for team in report.teams:
        weeks = [(w.week_ending, w.average, w.headcount, w.trend) for w in team.history]
        weeks.append((report.week_ending, team.average, team.headcount, team.trend))
        for week_ending, average, headcount, trend in weeks:
            row += 1
            _put(sheet, row, 1, team.team_name)
            _put(sheet, row, 2, week_ending, DATE_FORMAT)
            _put(sheet, row, 3, rounded(average), ONE_DECIMAL)
            _put(sheet, row, 4, headcount)
            _put(sheet, row, 5, rounded(trend), ONE_DECIMAL)
    # The council's weeks are the last rows: they are what the chart draws.
    last = row
    first = last - len(report.council.history)
    chart = LineChart()
    chart.title = "All teams: average caseload and trend"
    chart.y_axis.title = "Cases per case holder"
    chart.x_axis.title = "Week ending"
    chart.x_axis.number_format = "d mmm"
    # Without these, recent Excel hides both axes of an openpyxl chart.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height, chart.width = 9, 18
    for column in (3, 5):
        chart.add_data(
            Reference(sheet, min_col=column, min_row=first, max_row=last), titles_from_data=False
        )
    chart.set_categories(Reference(sheet, min_col=2, min_row=first, max_row=last))
    for series, name in zip(chart.series, ("Average", "Trend"), strict=True):
        series.tx = SeriesLabel(v=name)
    # Dashed, as on the page, so the two lines differ in print and to colour-blind readers.
    chart.series[1].graphicalProperties.line.dashStyle = "dash"
    sheet.add_chart(chart, "G4")


def weekly_caseload_workbook(report: Report, council_name: str) -> bytes:
    """The workbook of `report`; of for_aggregates_only(report) for councillors and committees."""
    week = f"{report.week_ending.day} {report.week_ending:%B %Y}"
    note = (
        f"{council_name}. Figures to one decimal place, as the DfE publishes them; "
        "a blank figure is not available (no case holders, or no trend a week earlier)."
    )
    if isinstance(report, ShownReport):
        note += f" {SUPPRESSED_NOTE}"
    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook always has one sheet
    summary.title = "Summary"
    _summary(summary, report, f"Weekly caseload report: week ending {week}", note)
    history = book.create_sheet("History")
    _history(history, report, f"Weekly caseload history: 13 weeks to {week}", note)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
