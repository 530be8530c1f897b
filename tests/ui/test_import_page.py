"""The import page: upload, a dry run listing every problem, confirm; and its defences (CSRF,
hostile file names, oversize files, expiry)."""

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone
from freezegun import freeze_time

from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Team, Worker
from tests.ui.html import table, text
from tests.workforce.council_files import small_council, write_folder, write_workbook

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def upload_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Uploads go to a temporary directory of the test's own, to see exactly what is stored."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    yield tmp_path / "tmp"


def stored_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def zipped(tmp_path: Path, tables: dict, members: dict[str, str] | None = None) -> bytes:
    folder = write_folder(tmp_path / "files", tables)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for csv_file in sorted(folder.iterdir()):
            archive.write(csv_file, (members or {}).get(csv_file.name, csv_file.name))
    return buffer.getvalue()


def bad_council() -> dict:
    tables = small_council()
    tables["teams"][1]["team_name"] = ""
    tables["posts"][0]["org_role"] = "99"
    tables["workers"][0]["swe_number"] = "=HYPERLINK(1)"
    return tables


def upload(client: Client, name: str, content: bytes, content_type: str = "application/zip"):
    return client.post(
        "/import/",
        {"action": "check", "import_file": SimpleUploadedFile(name, content, content_type)},
    )


def token_of(page: str) -> str:
    found = re.search(r'name="token" value="([0-9a-f]{32})"', page)
    assert found, "no confirm form"
    return found.group(1)


def test_the_page_offers_a_gov_uk_file_upload(signed_in_client: Client) -> None:
    page = signed_in_client.get("/import/").content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert 'class="govuk-file-upload"' in page and 'type="file"' in page
    assert 'accept=".zip,.xlsx"' in page
    assert "smaller than 200 MB" in text(page)


def test_a_good_zip_is_checked_then_imported_on_confirmation(
    signed_in_client: Client, tmp_path: Path, upload_dir: Path
) -> None:
    checked = upload(signed_in_client, "november.zip", zipped(tmp_path, small_council()))
    page = checked.content.decode()

    assert checked.status_code == 200
    assert "november.zip has no problems. Nothing has been imported yet." in text(page)
    assert table(page, "Rows found").row("Teams") == ["Teams", "2"]
    assert not Team.objects.exists()
    assert len(stored_files(upload_dir)) == 1

    done = signed_in_client.post("/import/", {"action": "confirm", "token": token_of(page)})
    result = done.content.decode()

    assert done.status_code == 200
    assert "Import complete" in text(result)
    assert table(result, "What changed").row("Teams") == ["Teams", "2", "2", "0"]
    assert Team.objects.count() == 2 and Worker.objects.count() == 2
    assert stored_files(upload_dir) == []

    again = signed_in_client.post("/import/", {"action": "confirm", "token": token_of(page)})
    assert again.status_code == 400
    assert "The file you checked is no longer held" in text(again.content.decode())
    assert Team.objects.count() == 2


def test_a_bad_file_lists_every_problem_and_imports_nothing(
    signed_in_client: Client, tmp_path: Path, upload_dir: Path
) -> None:
    content = zipped(tmp_path, bad_council())
    (tmp_path / "same.zip").write_bytes(content)
    expected = import_council(tmp_path / "same.zip", imported_by="test", dry_run=True).problems
    response = upload(signed_in_client, "council.zip", content)
    page = response.content.decode()

    assert response.status_code == 400
    assert "<title>Error: " in page
    assert 'class="govuk-error-summary"' in page and 'href="#problems"' in page
    assert f"council.zip has {len(expected)} problems: nothing has been imported" in text(page)
    problems = table(page, "Problems in council.zip")
    assert problems.rows[0] == ["File", "Row", "Column", "Problem"]
    assert len(expected) >= 2
    assert problems.rows[1:] == [
        [
            p.file,
            "Whole file" if p.row is None else str(p.row),
            p.column or "All columns",
            p.message,
        ]
        for p in expected
    ]
    assert not Team.objects.exists()
    assert 'name="token"' not in page
    assert stored_files(upload_dir) == []


def test_a_workbook_s_problems_name_the_file_as_it_was_sent(
    signed_in_client: Client, tmp_path: Path
) -> None:
    workbook = write_workbook(tmp_path / "x.xlsx", bad_council()).read_bytes()
    page = upload(signed_in_client, "Council Return.xlsx", workbook, XLSX).content.decode()
    files = {row[0] for row in table(page, "Problems in Council Return.xlsx").rows[1:]}

    assert files and all(f.startswith("Council Return.xlsx[") for f in files)
    assert "upload.xlsx" not in page


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.xlsx", "passwd.xlsx"),
        ("..\\..\\windows\\win.xlsx", "win.xlsx"),
        ("/etc/cron.d/evil.zip", "evil.zip"),
        ("<img src=x onerror=alert(1)>.xlsx", "<img src=x onerror=alert(1)>.xlsx"),
    ],
)
def test_a_hostile_file_name_is_never_a_path_and_never_markup(
    signed_in_client: Client, tmp_path: Path, upload_dir: Path, name: str, shown: str
) -> None:
    content = (
        write_workbook(tmp_path / "x.xlsx", small_council()).read_bytes()
        if name.endswith(".xlsx")
        else zipped(tmp_path, small_council())
    )
    page = upload(signed_in_client, name, content).content.decode()

    assert f"{shown} has no problems" in text(page)
    assert "<img" not in page
    [stored] = stored_files(upload_dir)
    assert re.fullmatch(r"stabilise-imports/[0-9a-f]{32}/upload\.(xlsx|zip)", stored)
    assert not (tmp_path / "etc").exists() and not Path("/etc/cron.d/evil.zip").exists()


def test_hostile_names_inside_a_zip_are_shown_escaped(
    signed_in_client: Client, tmp_path: Path
) -> None:
    hostile = {"teams.csv": "../../<img src=x onerror=alert(1)>.csv"}
    page = upload(signed_in_client, "c.zip", zipped(tmp_path, small_council(), hostile))
    html = page.content.decode()

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in html


def test_a_file_over_the_limit_is_refused_before_it_is_stored(
    signed_in_client: Client, upload_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "IMPORT_MAX_MB", 1)
    response = upload(signed_in_client, "big.zip", b"0" * 1_200_000)
    page = response.content.decode()

    assert response.status_code == 400
    assert "The selected file must be smaller than 1 MB" in text(page)
    assert 'class="govuk-error-summary"' in page and 'href="#import_file"' in page
    assert 'aria-describedby="import_file-hint import_file-error"' in page
    assert stored_files(upload_dir) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("council.csv", b"team_id\n", "The selected file must be a .zip or an .xlsx"),
        ("council.zip", b"", "The selected file is empty"),
    ],
)
def test_a_file_of_the_wrong_kind_says_what_is_wanted(
    signed_in_client: Client, name: str, content: bytes, message: str
) -> None:
    response = upload(signed_in_client, name, content)

    assert response.status_code == 400
    assert message in text(response.content.decode())


def test_no_file_says_to_select_one(signed_in_client: Client) -> None:
    response = signed_in_client.post("/import/", {"action": "check"})

    assert "Select a .zip of CSV files or an .xlsx workbook" in text(response.content.decode())


# An hour's idle limit: this tests the upload's own 30 minutes, not idle sign-out's.
@override_settings(SESSION_IDLE_SECONDS=60 * 60)
def test_an_unconfirmed_upload_expires(
    signed_in_client: Client, tmp_path: Path, upload_dir: Path
) -> None:
    start = timezone.now()
    with freeze_time(start):
        page = upload(signed_in_client, "c.zip", zipped(tmp_path, small_council())).content
    with freeze_time(start + timedelta(minutes=31)):
        late = signed_in_client.post(
            "/import/", {"action": "confirm", "token": token_of(page.decode())}
        )

    assert late.status_code == 400
    assert "no longer held" in text(late.content.decode())
    assert not Team.objects.exists()
    assert stored_files(upload_dir) == []


def test_a_page_checked_before_a_later_upload_confirms_nothing(
    signed_in_client: Client, tmp_path: Path, upload_dir: Path
) -> None:
    first = upload(signed_in_client, "a.zip", zipped(tmp_path, small_council())).content.decode()
    upload(signed_in_client, "b.zip", zipped(tmp_path, small_council()))
    stale = signed_in_client.post("/import/", {"action": "confirm", "token": token_of(first)})

    assert stale.status_code == 400
    assert not Team.objects.exists()
    assert len(stored_files(upload_dir)) == 1  # b.zip is still held


def test_the_forms_need_a_csrf_token(user, tmp_path: Path) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    content = zipped(tmp_path, small_council())

    refused = upload(client, "c.zip", content)
    assert refused.status_code == 403
    refused = client.post("/import/", {"action": "confirm", "token": "0" * 32})
    assert refused.status_code == 403

    client.get("/import/")
    token = client.cookies["csrftoken"].value
    checked = client.post(
        "/import/",
        {
            "csrfmiddlewaretoken": token,
            "action": "check",
            "import_file": SimpleUploadedFile("c.zip", content),
        },
    )
    assert checked.status_code == 200
    done = client.post(
        "/import/",
        {
            "csrfmiddlewaretoken": token,
            "action": "confirm",
            "token": token_of(checked.content.decode()),
        },
    )
    assert done.status_code == 200 and Team.objects.count() == 2


def test_an_oversize_upload_never_reaches_django_s_own_file_handlers(
    signed_in_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit stops the upload before Django writes it to memory or a temporary file."""
    from django.core.files import uploadhandler

    opened: list[str] = []
    for handler in (
        uploadhandler.MemoryFileUploadHandler,
        uploadhandler.TemporaryFileUploadHandler,
    ):
        original = handler.new_file

        def new_file(self, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            opened.append(type(self).__name__)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(handler, "new_file", new_file)
    monkeypatch.setattr(settings, "IMPORT_MAX_MB", 1)

    refused = upload(signed_in_client, "big.zip", b"0" * 3_000_000)
    assert refused.status_code == 400 and opened == []

    accepted = upload(signed_in_client, "small.zip", b"0" * 1000)
    assert accepted.status_code == 400  # not a zip, but it was read
    assert opened
