"""`stabilise academy cohorts` and `stabilise academy reviews`, on Durham's academy (seeds/003)."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from stabilise.academy.models import AsyeRecord, Cohort
from stabilise.accounts.models import Role, User
from stabilise.workforce.importing import import_council
from tests.academy.durham import durham_files
from tests.workforce.council_files import write_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def durham(tmp_path):
    result = import_council(write_folder(tmp_path / "durham", durham_files()), imported_by="t")
    assert result.ok, result.problems


def run(*args: str) -> str:
    out = StringIO()
    call_command("academy", *args, stdout=out)
    return out.getvalue()


def test_cohorts_as_json_has_the_contracts_keys_a_line_per_cohort_and_the_total(durham):
    data = json.loads(run("cohorts", "--as-at", "2019-10-07", "--format", "json"))
    assert data["as_at"] == "2019-10-07"
    assert [c["cohort"] for c in data["cohorts"]] == ["1", "2", "3", "4", "5", "6"]
    assert list(data["total"]) == [
        "cohort",
        "period",
        "numbers",
        "completed",
        "remain",
        "left_after_completing",
        "left_mid",
        "redeployed_mid",
        "yet_to_complete",
        "retained_of_started_pct",
        "retained_of_completed_pct",
        "leaving_destinations",
    ]
    two = data["cohorts"][1]
    assert (two["numbers"], two["remain"], two["left_mid"], two["redeployed_mid"]) == (19, 8, 5, 1)
    assert two["period"] == ["2017-01-09", "2017-02-06"]
    assert data["cohorts"][4]["retained_of_completed_pct"] is None
    assert round(data["total"]["retained_of_completed_pct"]) == 68


def test_cohorts_as_a_table_labels_both_retention_percentages(durham):
    text = run("cohorts", "--as-at", "2019-10-07", "--format", "table")
    assert "Retained of those who started (%)" in text
    assert "Retained of those who completed the ASYE (%)" in text
    assert "42.1%" in text and "61.5%" in text and "67.6%" in text


def test_cohorts_as_a_workbook(durham, tmp_path):
    path = tmp_path / "cohorts.xlsx"
    assert "Wrote" in run("cohorts", "--as-at", "2019-10-07", "--output", str(path))
    book = load_workbook(path)
    assert book.sheetnames == ["Cohorts", "Destinations", "Progression", "Definitions"]
    rows = list(book["Cohorts"].iter_rows(min_row=3, values_only=True))
    assert rows[1][:5] == ("2", "2017-01-09 to 2017-02-06", 19, 13, 8)
    assert rows[-1][0] == "Total" and rows[-1][-1] == 67.6
    progression = list(book["Progression"].iter_rows(values_only=True))
    assert progression[-1] == ("Total", 37, 9, 2, 0)


def test_a_workbook_needs_an_output_file_and_a_bad_date_is_one_line(durham):
    with pytest.raises(CommandError, match="give --output"):
        run("cohorts", "--format", "xlsx")
    with pytest.raises(CommandError, match="not a date"):
        run("cohorts", "--as-at", "7/10/2019")


def test_reviews_lists_the_overdue_and_those_due_in_four_weeks(durham):
    # Cohort 5 started on 2 September 2019: its 3-month reviews are due on 2 December.
    text = run("reviews", "--as-at", "2019-11-20")
    assert "Due in the next four weeks (14):" in text
    assert "2019-12-02  3-month review  NQSW C5-01 (cohort 5; practice lead Shelley Gill" in text
    # Cohort 4's September 2018 starters (extended) have no 3, 6 or 12-month review recorded.
    assert "Overdue (" in text and "2018-12-03  3-month review  NQSW C4-02" in text


def test_reviews_send_emails_each_practice_lead_their_own_and_the_academy_everyone(
    durham, settings
):
    settings.ASYE_REPORT_RECIPIENTS = ["academy-manager@example.org"]
    User.objects.create_user(
        username="sg",
        first_name="Shelley",
        last_name="Gill",
        email="shelley@example.org",
        role=Role.ACADEMY_LEAD,
    )
    AsyeRecord.objects.filter(worker__worker_id="C5-01").update(practice_lead="Rachel Harris")
    assert "Sent 2 email(s)" in run("reviews", "--as-at", "2019-11-20", "--send")
    to_lead, to_all = mail.outbox
    assert to_lead.to == ["shelley@example.org"] and to_all.to == ["academy-manager@example.org"]
    assert "NQSW C5-02" in to_lead.body and "NQSW C5-01" not in to_lead.body
    assert "NQSW C5-01" in to_all.body
    assert to_lead.subject == "ASYE reviews due and overdue: week of 20 November 2019"


def test_reviews_send_with_nobody_to_send_to_says_what_to_set(durham, settings):
    settings.ASYE_REPORT_RECIPIENTS = []
    with pytest.raises(CommandError, match="STABILISE_ASYE_REPORT_RECIPIENTS"):
        run("reviews", "--as-at", dt.date(2019, 11, 20).isoformat(), "--send")


def test_a_cohort_label_that_looks_like_a_formula_is_text_in_the_workbook(durham, tmp_path):
    Cohort.objects.filter(label="1").update(label='=HYPERLINK("http://evil.example","1")')
    path = tmp_path / "cohorts.xlsx"
    run("cohorts", "--as-at", "2019-10-07", "--output", str(path))
    book = load_workbook(path)
    for sheet in ("Cohorts", "Destinations", "Progression"):
        cells = [c for row in book[sheet].iter_rows() for c in row if str(c.value).startswith("=")]
        assert cells, f"the cohort is on the {sheet} sheet"
        assert all(c.data_type == "s" and c.quotePrefix for c in cells)
