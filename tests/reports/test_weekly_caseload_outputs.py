"""The weekly caseload report's page, JSON, workbook and email show the same hand-worked numbers
(see register.py), and only managers see the names of the workers above the threshold."""

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from openpyxl.worksheet.worksheet import Worksheet

from stabilise.accounts.models import AuditEvent, Role, User
from stabilise.reports.weekly_caseload import selectors
from stabilise.workforce.models import Team
from tests.reports.register import (
    SUMMARY,
    SUMMARY_CELLS,
    SUMMARY_CELLS_SUPPRESSED,
    SUMMARY_SUPPRESSED,
    TODAY,
    build_register,
)
from tests.ui.html import table, text

pytestmark = pytest.mark.django_db

EMAILS = {
    "WEEKLY_REPORT_RECIPIENTS": ["councillor@council.example", "director@council.example"],
    "WEEKLY_REPORT_MANAGER_RECIPIENTS": ["head.of.service@council.example"],
    "CASELOAD_THRESHOLD": 20.0,
}
NAMED = "Ann Able"


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not freezegun: a frozen clock makes fake date objects, which Polars cannot read.
    monkeypatch.setattr(selectors, "today", lambda: TODAY)


@pytest.fixture
def register() -> None:
    build_register()


@pytest.fixture
def recipients(settings: Any) -> None:
    for name, value in EMAILS.items():
        setattr(settings, name, value)


def client_for(client: Client, role: str) -> Client:
    client.force_login(User.objects.create_user(username=role, role=role))
    return client


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", "weekly-caseload", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def summary_rows(html: str, week: str = "7 March 2025") -> dict[str, list[str]]:
    summary = table(html, f"Caseloads in the week ending {week}")
    return {row[0]: row[1:] for row in summary.rows[1:]}


def sheet_rows(sheet: Worksheet, first: int) -> list[list[Any]]:
    return [list(r) for r in sheet.iter_rows(min_row=first, values_only=True)]


# --- the same numbers everywhere ------------------------------------------------------------


def test_the_page_shows_the_hand_worked_summary_and_history(client: Client, register: None) -> None:
    page = (
        client_for(client, Role.SERVICE_MANAGER).get("/reports/weekly-caseload/").content.decode()
    )

    assert summary_rows(page) == SUMMARY
    assert list(summary_rows(page)) == list(SUMMARY)  # the teams in order, All teams last
    averages = table(page, "Average caseload, week by week")
    assert averages.rows[0][-2:] == ["28 Feb", "7 Mar"]
    assert averages.row("Assessment North")[-2:] == ["16.0", "17.5"]
    assert averages.row("Assessment North")[1] == "Not available"
    assert table(page, "Headcount, week by week").row("All teams")[-2:] == ["3", "4"]
    assert table(page, "Trend (two weeks), week by week").row("All teams")[-2:] == ["17.5", "17.6"]
    chart_data = table(page, "Average caseload and trend, all teams: figures")
    assert len(chart_data.rows) == 1 + 13
    assert chart_data.row("7 Mar 2025") == ["7 Mar 2025", "17.7", "17.6"]
    assert chart_data.row("28 Feb 2025") == ["28 Feb 2025", "17.0", "17.5"]
    assert '<svg class="stabilise-chart" id="weekly-caseload-chart"' in page
    assert 'href="/reports/weekly-caseload.xlsx?week_ending=2025-03-07"' in page


def test_the_json_is_the_contracts_shape_with_the_same_unrounded_numbers(register: None) -> None:
    report = json.loads(run("--week-ending", "2025-03-07", "--format", "json"))
    rows = {team["team_name"]: team for team in report["teams"]}

    assert report["week_ending"] == "2025-03-07"
    assert [t["team_id"] for t in report["teams"]] == ["T1", "T2", "T3", "ALL"]
    t1, council = rows["Assessment North"], rows["All teams"]
    assert (t1["headcount"], t1["headcount_change"], t1["case_holders"], t1["cases"]) == (
        3,
        1,
        2,
        35,
    )
    assert t1["average_per_fte"] == pytest.approx(35 / 1.5)
    assert (t1["trend"], t1["direction"]) == (pytest.approx(17.0), "up")
    assert council["average"] == pytest.approx(53 / 3)
    assert (council["trend"], council["direction"]) == (pytest.approx(17.6), "steady")
    assert rows["Leaving Care"]["average"] is None
    assert council["history"][-1] == {
        "week_ending": "2025-02-28",
        "average": pytest.approx(17.0),
        "headcount": 3,
        "trend": pytest.approx(17.5),
    }
    # Aggregates only: no worker's name in the JSON.
    assert NAMED not in json.dumps(report)


def test_the_workbook_has_the_same_numbers_rounded_as_the_dfe_does(
    client: Client, register: None
) -> None:
    response = client_for(client, Role.SERVICE_MANAGER).get(
        "/reports/weekly-caseload.xlsx?week_ending=2025-03-07"
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    summary, history = book["Summary"], book["History"]
    assert isinstance(summary, Worksheet)
    assert isinstance(history, Worksheet)

    assert response["Content-Disposition"] == (
        'attachment; filename="weekly-caseload-2025-03-07.xlsx"'
    )
    assert summary["A1"].value == "Weekly caseload report: week ending 7 March 2025"
    assert summary["A4"].value == "Team" and summary["K4"].value == "Direction"
    assert summary.freeze_panes == "B5"
    assert {row[0]: row[1:] for row in sheet_rows(summary, 5)} == SUMMARY_CELLS
    assert summary.column_dimensions["A"].width == 32
    # History: 13 weeks per team, the council's last, oldest first.
    rows = sheet_rows(history, 5)
    assert len(rows) == 4 * 13
    council = [r for r in rows if r[0] == "All teams"]
    assert [c.date().isoformat() for c in (council[0][1], council[-1][1])] == [
        "2024-12-13",
        "2025-03-07",
    ]
    assert council[-2][2:] == [17.0, 3, 17.5]
    assert council[-1][2:] == [17.7, 4, 17.6]
    assert history.cell(row=5, column=2).number_format == "d mmm yyyy"
    # One native line chart, of the council's average and trend (its rows 44 to 56).
    with zipfile.ZipFile(io.BytesIO(response.content)) as parts:
        charts = [name for name in parts.namelist() if name.startswith("xl/charts/")]
        assert charts == ["xl/charts/chart1.xml"]
        chart = parts.read(charts[0]).decode()
    assert "<lineChart>" in chart
    assert "<v>Average</v>" in chart and "'History'!$C$44:$C$56" in chart
    assert "<v>Trend</v>" in chart and "'History'!$E$44:$E$56" in chart
    assert "'History'!$B$44:$B$56" in chart
    assert NAMED not in str(sheet_rows(summary, 1) + sheet_rows(history, 1))


def test_the_command_writes_the_same_workbook_and_html_to_files(
    tmp_path: Path, register: None
) -> None:
    run("--week-ending", "2025-03-07", "--output", str(tmp_path / "report.xlsx"))
    run("--week-ending", "2025-03-07", "--format", "html", "--output", str(tmp_path / "r.html"))

    summary = openpyxl.load_workbook(tmp_path / "report.xlsx")["Summary"]
    assert {row[0]: row[1:] for row in sheet_rows(summary, 5)} == SUMMARY_CELLS
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert summary_rows(html) == SUMMARY
    assert NAMED not in html


def test_send_emails_the_committee_aggregates_and_the_managers_the_names_too(
    register: None, recipients: None, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    out = run("--send")

    assert out.strip() == (
        "Sent the weekly caseload report for the week ending 2025-03-07 to 2 committee and "
        "1 manager recipient(s)"
    )
    committee, managers = mailoutbox
    assert committee.to == EMAILS["WEEKLY_REPORT_RECIPIENTS"]
    assert managers.to == EMAILS["WEEKLY_REPORT_MANAGER_RECIPIENTS"]
    assert committee.subject == "Weekly caseload report: week ending 7 March 2025"
    assert managers.subject == "Weekly caseload report: week ending 7 March 2025 (for managers)"
    # The committee's figures have small numbers suppressed; the managers' are whole.
    for message, rows, cells in (
        (committee, SUMMARY_SUPPRESSED, SUMMARY_CELLS_SUPPRESSED),
        (managers, SUMMARY, SUMMARY_CELLS),
    ):
        html = message.alternatives[0][0]
        assert message.alternatives[0][1] == "text/html"
        assert summary_rows(str(html)) == rows
        ((name, content, _),) = message.attachments
        assert name == "weekly-caseload-2025-03-07.xlsx"
        summary = openpyxl.load_workbook(io.BytesIO(content))["Summary"]
        assert {row[0]: row[1:] for row in sheet_rows(summary, 5)} == cells
    assert "Assessment North\n  Headcount: 3 (change on the week before: +1)" in managers.body
    assert "Average caseload: 17.5; per FTE: 23.3" in managers.body
    assert "Trend (two weeks): 17.6; direction: Steady" in managers.body
    assert "Assessment North\n  Headcount: c (change on the week before: c)" in committee.body
    assert "Highest: c; lowest: c" in committee.body
    assert "c: withheld because it counts, or rests on, from 1 to 4 people" in committee.body
    # Names: in the managers' email only.
    assert NAMED not in committee.body and NAMED not in str(committee.alternatives[0][0])
    above = table(str(managers.alternatives[0][0]), "Workers whose caseload")
    assert above.rows[1:] == [["Ann Able", "Assessment North", "24", "17.5"]]
    assert "Ann Able (Assessment North): 24; team average 17.5" in managers.body


def test_send_with_only_one_list_configured_sends_to_that_list_alone(
    register: None, settings: Any, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    settings.WEEKLY_REPORT_RECIPIENTS = []
    settings.WEEKLY_REPORT_MANAGER_RECIPIENTS = ["head.of.service@council.example"]

    run("--send")

    assert [m.to for m in mailoutbox] == [["head.of.service@council.example"]]


def test_send_with_no_recipients_configured_says_which_settings_to_set(
    register: None, settings: Any, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    settings.WEEKLY_REPORT_RECIPIENTS = []
    settings.WEEKLY_REPORT_MANAGER_RECIPIENTS = []

    with pytest.raises(CommandError) as raised:
        run("--send")

    assert str(raised.value) == (
        "No recipients for the weekly caseload report: set STABILISE_WEEKLY_REPORT_RECIPIENTS "
        "and/or STABILISE_WEEKLY_REPORT_MANAGER_RECIPIENTS (comma-separated email addresses)"
    )
    assert mailoutbox == []


# --- who sees the names ---------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER, Role.TEAM_MANAGER])
def test_managers_see_the_workers_above_the_threshold(
    client: Client, register: None, recipients: None, role: str
) -> None:
    client = client_for(client, role)
    if role == Role.TEAM_MANAGER:
        User.objects.get(username=role).teams.set(Team.objects.filter(team_id="T1"))

    page = client.get("/reports/weekly-caseload/").content.decode()

    above = table(page, "Workers whose caseload in the week ending 7 March 2025 is above 20")
    assert above.rows[1:] == [["Ann Able", "Assessment North", "24", "17.5"]]
    seen = AuditEvent.objects.filter(action="viewed", worker__display_name="Ann Able")
    assert seen.count() == 1


def test_a_team_manager_sees_only_their_own_teams_workers_above_the_threshold(
    client: Client, register: None
) -> None:
    client = client_for(client, Role.TEAM_MANAGER)
    User.objects.get(username=Role.TEAM_MANAGER).teams.set(Team.objects.filter(team_id="T2"))

    page = client.get("/reports/weekly-caseload/").content.decode()

    assert "No one's caseload is above 20 in the week ending 7 March 2025." in text(page)
    assert NAMED not in page


# Social workers and administrators do not open the report at all (tests/accounts).
@pytest.mark.parametrize("role", [Role.COUNCILLOR, Role.ACADEMY_LEAD])
def test_everyone_else_sees_aggregates_only(client: Client, register: None, role: str) -> None:
    page = client_for(client, role).get("/reports/weekly-caseload/").content.decode()

    assert summary_rows(page) == SUMMARY_SUPPRESSED
    assert NAMED not in page
    assert "Caseloads above" not in text(page)


def test_the_threshold_comes_from_settings(client: Client, register: None, settings: Any) -> None:
    manager = client_for(client, Role.SERVICE_MANAGER)
    settings.CASELOAD_THRESHOLD = 23.5
    page = manager.get("/reports/weekly-caseload/").content
    assert "Caseloads above 23.5" in text(page.decode())

    # Ann's 24 is not above 24.
    settings.CASELOAD_THRESHOLD = 24
    page = manager.get("/reports/weekly-caseload/").content
    assert "No one's caseload is above 24 in the week ending 7 March 2025." in text(page.decode())


# --- choosing the week ----------------------------------------------------------------------


def test_the_page_and_the_command_default_to_the_last_friday(
    client: Client, register: None
) -> None:
    page = client_for(client, Role.COUNCILLOR).get("/reports/weekly-caseload/").content.decode()

    assert '<option value="2025-03-07" selected>Friday 7 March 2025</option>' in page
    assert json.loads(run())["week_ending"] == "2025-03-07"


def test_the_page_reports_any_week_asked_for(client: Client, register: None) -> None:
    response = client_for(client, Role.SERVICE_MANAGER).get(
        "/reports/weekly-caseload/?week_ending=2025-02-28"
    )
    page = response.content.decode()

    # 28 February: Ann 20, Bob 12, Dee 19; a week earlier the same three, with no snapshots in
    # the fortnight to 21 February, so no trend then and no direction now.
    assert summary_rows(page, "28 February 2025")["All teams"] == [
        "3",
        "0",
        "3",
        "51",
        "17.0",
        "20.4",
        "20",
        "12",
        "17.5",
        "Not available",
    ]
    assert '<option value="2025-02-28" selected>' in page


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("2025-02-30", '"2025-02-30" is not a date: give the week ending as YYYY-MM-DD'),
        ("7/3/2025", '"7/3/2025" is not a date: give the week ending as YYYY-MM-DD'),
        ("2025-03-14", "The week ending 2025-03-14 is after today: choose a week that has ended"),
    ],
)
def test_a_bad_week_ending_is_explained_on_the_page_in_the_command_and_the_download(
    client: Client, register: None, asked: str, message: str
) -> None:
    signed_in = client_for(client, Role.COUNCILLOR)
    page = signed_in.get("/reports/weekly-caseload/", {"week_ending": asked})
    download = signed_in.get("/reports/weekly-caseload.xlsx", {"week_ending": asked})

    assert page.status_code == 400
    assert "There is a problem" in text(page.content.decode())
    assert message in text(page.content.decode())
    assert (download.status_code, download.content.decode()[: len(message)]) == (400, message)
    with pytest.raises(CommandError, match="^" + message.replace("(", r"\(")):
        run("--week-ending", asked)


def test_xlsx_needs_an_output_file() -> None:
    with pytest.raises(CommandError, match=r"^--format xlsx writes a workbook: give --output"):
        run("--format", "xlsx")


def test_the_page_needs_a_signed_in_user(client: Client) -> None:
    for url in ("/reports/weekly-caseload/", "/reports/weekly-caseload.xlsx"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/")


# --- formula injection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1)"]
)
def test_a_team_name_that_looks_like_a_formula_is_written_as_text(
    tmp_path: Path, name: str
) -> None:
    build_register(t1_name=name)
    run("--week-ending", "2025-03-07", "--output", str(tmp_path / "report.xlsx"))

    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    for sheet in (book["Summary"], book["History"]):
        cells = [c for row in sheet.iter_rows() for c in row if c.value == name]
        assert len(cells) == (1 if sheet.title == "Summary" else 13)
        # A string cell, quote-prefixed so that editing it in Excel keeps it text.
        assert all(c.data_type == "s" and c.quotePrefix for c in cells)
