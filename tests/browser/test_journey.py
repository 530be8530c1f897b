"""A workforce lead's morning in a real browser: sign in with two-factor, the dashboard, a team, a person, the
weekly caseload workbook, a bad import and its errors, sign out."""

import io
import zipfile

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from stabilise.accounts.models import User
from tests.browser.conftest import sign_in
from tests.workforce.council_files import small_council, write_folder


def bad_zip(tmp_path) -> bytes:  # type: ignore[no-untyped-def]
    tables = small_council()
    tables["teams"][1]["team_name"] = ""
    tables["posts"][0]["org_role"] = "99"
    folder = write_folder(tmp_path / "files", tables)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for csv_file in sorted(folder.iterdir()):
            archive.write(csv_file, csv_file.name)
    return buffer.getvalue()


@pytest.mark.slow
def test_a_workforce_lead_signs_in_drills_down_downloads_imports_and_signs_out(
    page: Page, live_server, register: None, lead: User, tmp_path
) -> None:
    base = live_server.url
    assert sign_in(page, base, lead), "signing in asked for no two-factor code"

    expect(page.get_by_role("heading", level=1)).to_have_text("Workforce dashboard")
    expect(page.get_by_role("table", name="Headline measures")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Teams").click()
    page.get_by_role("link", name="Assessment North").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessment North")
    expect(page.get_by_role("img", name="Case holders by caseload")).to_be_visible()

    page.get_by_role("link", name="Ann Able").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ann Able")
    expect(page.get_by_text("Ethnicity")).to_be_visible()
    expect(page.get_by_role("img", name="Caseload and team average, week by week")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Weekly caseloads").click()
    with page.expect_download() as download_info:
        page.locator("a[href*='weekly-caseload.xlsx']").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    workbook = openpyxl.load_workbook(saved)
    assert workbook.sheetnames[:2] == ["Summary", "History"]

    page.get_by_role("navigation").get_by_role("link", name="Import").click()
    page.set_input_files(
        "input[type=file][name=import_file]",
        files=[{"name": "council.zip", "mimeType": "application/zip", "buffer": bad_zip(tmp_path)}],
    )
    page.get_by_role("button", name="Check the file").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("council.zip has")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    problems = page.get_by_role("table", name="Problems in council.zip")
    expect(problems.locator("tbody tr")).not_to_have_count(0)
    expect(problems).to_contain_text("teams.csv")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.goto(base + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
