"""The council's own list of exit-interview themes: the workforce lead adds, renames, reorders,
retires and restores themes on /retention/themes/list/, with history and audit. Over
tests/ui/register.py (Dan Dale, W4, left on 15 October 2024) plus a second leaver, Fay Ford
(W9), who left on 29 November 2024."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from stabilise.accounts.models import AuditEvent
from stabilise.retention.models import ExitInterview, InterviewTheme, Theme
from stabilise.retention.selectors import cited_themes
from stabilise.retention.services import ThemeRefused, record_interview, set_theme_in_use
from stabilise.workforce.models import Assignment, Team, Worker
from tests.ui.html import table
from tests.ui.register import build_register

PAGE = "/retention/themes/list/"
DAN_LEFT, FAY_LEFT = dt.date(2024, 10, 15), dt.date(2024, 11, 29)


@pytest.fixture
def register(db: None) -> None:
    build_register()
    fay = Worker.objects.create(worker_id="W9", display_name="Fay Ford")
    Assignment.objects.create(
        assignment_id="A-FAY",
        worker=fay,
        team=Team.objects.get(team_id="T1"),
        org_role=5,
        contract="permanent",
        fte=Decimal("1"),
        start_date=dt.date(2021, 1, 4),
        end_date=FAY_LEFT,
        end_reason=1,
        end_destination=1,
    )


def theme(name: str) -> Theme:
    return Theme.objects.get(name=name)


def names_in_order() -> list[str]:
    return list(Theme.objects.order_by("position", "name").values_list("name", flat=True))


def interview(worker_id: str, left_on: dt.date, **themes: int) -> ExitInterview:
    return record_interview(
        worker=Worker.objects.get(worker_id=worker_id),
        left_on=left_on,
        status="held",
        themes={theme(name.replace("_", " ")): weight for name, weight in themes.items()},
    )


def test_the_list_shows_every_theme_in_order_with_how_many_interviews_cite_it(
    signed_in_client: Client, register
):
    interview("W4", DAN_LEFT, Pay=3)
    interview("W9", FAY_LEFT, Pay=2, Caseload=1)
    page = signed_in_client.get(PAGE).content.decode()
    rows = re.findall(r'<tr class="govuk-table__row" id="theme-\d+">(.*?)</tr>', page, re.S)
    assert len(rows) == 15
    assert "Caseload" in rows[0] and "Different kind of work" in rows[-1]
    pay = next(row for row in rows if ">Pay\n" in row)
    assert 'numeric">2</td>' in pay and "In use" in pay


def test_the_workforce_lead_adds_a_theme_at_the_end_with_history_and_audit(
    signed_in_client: Client, register
):
    response = signed_in_client.post(PAGE, {"action": "add", "name": "  Lone   working "})
    assert response.status_code == 302
    assert names_in_order()[-1] == "Lone working"
    added = theme("Lone working")
    assert added.in_use and added.position == 16
    assert added.history.get().history_change_reason == "added"
    assert AuditEvent.objects.filter(detail__contains="added “Lone working”").exists()
    page = signed_in_client.get(response["Location"]).content.decode()
    assert "“Lone working” added to the end of the list" in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("pay", "There is already a theme called “Pay”"),
        ("   ", "Enter a name for the theme"),
        ("x" * 101, "The theme&#x27;s name must be 100 characters or fewer"),
    ],
)
def test_a_name_that_is_taken_in_any_case_empty_or_too_long_is_refused_and_kept(
    signed_in_client: Client, register, typed: str, message: str
):
    response = signed_in_client.post(PAGE, {"action": "add", "name": typed})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert '<a href="#new-theme-name">' in page  # the summary links to the field
    assert f'value="{typed}"' in page  # what was typed is not lost
    assert Theme.objects.count() == 15


def test_the_name_of_a_retired_theme_says_to_restore_it(signed_in_client: Client, register):
    set_theme_in_use(theme=theme("Training"), in_use=False)
    page = signed_in_client.post(PAGE, {"action": "add", "name": "TRAINING"}).content.decode()
    assert "There is already a theme called “Training”, retired: restore it instead" in page


def test_the_database_itself_refuses_names_that_differ_only_in_case(register):
    with pytest.raises(IntegrityError), transaction.atomic():
        Theme.objects.create(name="CASELOAD", position=99)


def test_renaming_keeps_every_answer_and_its_counts_together(signed_in_client: Client, register):
    interview("W4", DAN_LEFT, Pay=3)
    interview("W9", FAY_LEFT, Pay=2)
    pay = theme("Pay")
    form = signed_in_client.get(f"{PAGE}?rename={pay.pk}").content.decode()
    assert "Rename “Pay”" in form and 'value="Pay"' in form
    response = signed_in_client.post(
        PAGE, {"action": "rename", "theme": pay.pk, "name": "Pay and conditions"}
    )
    assert response.status_code == 302
    pay.refresh_from_db()
    assert pay.name == "Pay and conditions"
    assert InterviewTheme.objects.filter(theme=pay).count() == 2
    assert set(cited_themes()["theme"]) == {"Pay and conditions"}
    change = pay.history.first()
    assert (change.history_change_reason, change.history_user.username) == (
        "renamed from Pay",
        "lead",
    )
    themes_page = signed_in_client.get(
        "/retention/themes/?from=2024-01-01&to=2024-12-31"
    ).content.decode()
    # Both leavers counted under the new name, in one quarter, and nothing left under the old.
    themes = table(themes_page, "Themes leavers gave, by quarter")
    assert themes.rows[0] == ["Theme", "2024 Q4", "All"]
    assert themes.row("Pay and conditions") == ["Pay and conditions", "2", "2"]
    assert [row[0] for row in themes.rows[1:]] == ["Pay and conditions"]


def test_renaming_to_another_themes_name_is_refused_and_the_form_stays_open(
    signed_in_client: Client, register
):
    pay = theme("Pay")
    response = signed_in_client.post(
        PAGE, {"action": "rename", "theme": pay.pk, "name": "agency PAY"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is already a theme called “Agency pay”" in page
    assert '<a href="#rename-theme-name">' in page and 'value="agency PAY"' in page
    pay.refresh_from_db()
    assert pay.name == "Pay"


def test_a_theme_can_be_renamed_to_its_own_name_in_another_case(
    signed_in_client: Client, register
):
    pay = theme("Pay")
    signed_in_client.post(PAGE, {"action": "rename", "theme": pay.pk, "name": "PAY"})
    pay.refresh_from_db()
    assert pay.name == "PAY"


def test_moving_a_theme_swaps_it_with_its_neighbour(signed_in_client: Client, register):
    before = names_in_order()
    assert before[:3] == ["Caseload", "Working hours", "Supervision and support"]
    signed_in_client.post(PAGE, {"action": "up", "theme": theme("Working hours").pk})
    assert names_in_order()[:3] == ["Working hours", "Caseload", "Supervision and support"]
    signed_in_client.post(PAGE, {"action": "down", "theme": theme("Caseload").pk})
    assert names_in_order()[:3] == ["Working hours", "Supervision and support", "Caseload"]
    signed_in_client.post(PAGE, {"action": "up", "theme": theme("Working hours").pk})
    assert names_in_order()[0] == "Working hours"  # already first: nothing moves
    assert sorted(names_in_order()) == sorted(before)
    assert list(Theme.objects.order_by("position").values_list("position", flat=True)) == list(
        range(1, 16)
    )


def test_a_retired_theme_is_not_offered_but_old_interviews_still_show_and_keep_it(
    signed_in_client: Client, register
):
    interview("W4", DAN_LEFT, Caseload=3, Pay=1)
    caseload = theme("Caseload")
    response = signed_in_client.post(PAGE, {"action": "retire", "theme": caseload.pk})
    assert response.status_code == 302
    caseload.refresh_from_db()
    assert not caseload.in_use
    assert caseload.history.first().history_change_reason == "retired"

    # Dan's interview still shows it, with his answer.
    dan = signed_in_client.get("/retention/exit-interviews/W4/").content.decode()
    field = re.search(rf'id="id_theme_{caseload.pk}".*?</select>', dan, re.S)
    assert field is not None and '"3" selected' in field.group(0)
    assert "Caseload (no longer offered)" in dan
    # Saving his interview again keeps it.
    signed_in_client.post(
        "/retention/exit-interviews/W4/",
        {
            "action": "save",
            "left_on": DAN_LEFT.isoformat(),
            "status": "held",
            f"theme_{caseload.pk}": "3",
            f"theme_{theme('Pay').pk}": "1",
        },
    )
    assert InterviewTheme.objects.filter(theme=caseload, weight=3).count() == 1
    # Fay's new interview, and her own questionnaire, do not offer it.
    fay = signed_in_client.get("/retention/exit-interviews/W9/").content.decode()
    assert f'name="theme_{caseload.pk}"' not in fay and f'name="theme_{theme("Pay").pk}"' in fay
    made = signed_in_client.post(
        "/retention/exit-interviews/W9/", {"action": "link", "left_on": FAY_LEFT.isoformat()}
    ).content.decode()
    link = re.search(r"<code>https?://[^/]+(/retention/questionnaire/[^<]+)</code>", made)
    assert link is not None
    questionnaire = Client().get(link[1]).content.decode()
    assert "Why you left" in questionnaire and "Caseload" not in questionnaire
    # The themes page still counts it.
    themes_page = signed_in_client.get(
        "/retention/themes/?from=2024-01-01&to=2024-12-31"
    ).content.decode()
    assert table(themes_page, "Themes leavers gave").row("Caseload") == ["Caseload", "1", "1"]


def test_restoring_a_theme_offers_it_again(signed_in_client: Client, register):
    caseload = theme("Caseload")
    set_theme_in_use(theme=caseload, in_use=False)
    signed_in_client.post(PAGE, {"action": "restore", "theme": caseload.pk})
    caseload.refresh_from_db()
    assert caseload.in_use
    page = signed_in_client.get("/retention/exit-interviews/W9/").content.decode()
    assert f'name="theme_{caseload.pk}"' in page and "no longer offered" not in page
    assert AuditEvent.objects.filter(detail__contains="restored “Caseload”").exists()


def test_the_last_theme_in_use_cannot_be_retired(signed_in_client: Client, register):
    last = theme("Caseload")
    Theme.objects.exclude(pk=last.pk).update(in_use=False)
    response = signed_in_client.post(PAGE, {"action": "retire", "theme": last.pk})
    assert response.status_code == 400
    assert "Keep at least one theme in use" in response.content.decode()
    assert f'<a href="#theme-{last.pk}">' in response.content.decode()
    last.refresh_from_db()
    assert last.in_use
    with pytest.raises(ThemeRefused):
        set_theme_in_use(theme=last, in_use=False)


def test_an_unknown_theme_or_action_is_not_found(signed_in_client: Client, register):
    assert signed_in_client.post(PAGE, {"action": "retire", "theme": "9999"}).status_code == 404
    assert signed_in_client.post(PAGE, {"action": "retire", "theme": "x"}).status_code == 404
    assert signed_in_client.post(PAGE, {"action": "burn", "theme": theme("Pay").pk}).status_code == (
        404
    )
    assert signed_in_client.get(f"{PAGE}?rename=nonsense").status_code == 200


def test_an_import_citing_the_new_name_joins_the_renamed_theme(signed_in_client, register, tmp_path):
    from stabilise.workforce.importing.pipeline import import_council

    pay = theme("Pay")
    signed_in_client.post(PAGE, {"action": "rename", "theme": pay.pk, "name": "Pay and conditions"})
    path = tmp_path / "exit_interviews.csv"
    path.write_text("worker_id,left_on,status,themes\nW4,2024-10-15,held,pay and conditions:3\n")
    assert not import_council(path, imported_by="test").problems
    assert Theme.objects.count() == 15
    assert InterviewTheme.objects.get().theme == pay
