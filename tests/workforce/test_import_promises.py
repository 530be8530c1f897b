"""What an import promises: all or nothing, every problem at once, idempotent, any encoding."""

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from stabilise.caseloads.models import CaseloadChange, CaseloadSnapshot
from stabilise.workforce.importing import import_council, loading
from stabilise.workforce.models import Absence, Assignment, ImportRun, Post, Team, Worker
from tests.workforce.council_files import small_council, write_folder, write_workbook

pytestmark = pytest.mark.django_db

MODELS = (Team, Post, Worker, Assignment, Absence, CaseloadSnapshot, ImportRun)


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def register() -> dict[str, list]:
    """Everything the import stores, as comparable values."""
    return {
        "teams": sorted(Team.objects.values_list("team_id", "name", "service", "parent__team_id")),
        "posts": sorted(
            Post.objects.values_list(
                "post_id", "team__team_id", "org_role", "fte", "established_from"
            )
        ),
        "workers": sorted(
            Worker.objects.values_list("worker_id", "display_name", "swe_number", "ethnicity")
        ),
        "assignments": sorted(
            Assignment.objects.values_list(
                "assignment_id",
                "worker__worker_id",
                "contract",
                "fte",
                "start_date",
                "end_date",
                "end_reason",
                "end_destination",
                "agency_name",
                "hourly_rate",
                "covers_vacancy",
            )
        ),
        "caseloads": sorted(
            CaseloadSnapshot.objects.values_list("worker__worker_id", "date", "cases")
        ),
        "absences": sorted(
            Absence.objects.values_list(
                "worker__worker_id", "start_date", "reason", "working_days_lost"
            )
        ),
    }


def test_a_good_import_stores_every_row_of_every_file(council_dir):
    result = import_council(council_dir, imported_by="test")
    assert result.ok, result.problems
    stored = register()
    assert stored["teams"] == [
        ("CP1", "Child Protection 1", "Child Protection", "CS"),
        ("CS", "Children's services", "", None),
    ]
    assert stored["assignments"][1] == (
        "A2",
        "W2",
        "agency",
        Decimal("0.5"),
        date(2020, 3, 1),
        None,
        None,
        None,
        "Acme Social Care",
        Decimal("42.50"),
        True,
    )
    assert stored["caseloads"] == [
        ("W1", date(2021, 1, 4), 15),
        ("W2", date(2021, 1, 4), 9),
        ("W2", date(2021, 1, 5), 10),
    ]
    assert result.created == {
        "teams": 2,
        "posts": 2,
        "workers": 2,
        "assignments": 2,
        "absences": 1,
        "caseloads": 3,
    }


def test_both_date_forms_are_read_and_day_first_is_always_the_uk_reading(tmp_path):
    council = small_council()
    council["caseloads"] = [
        {"worker_id": "W2", "date": "03/04/2021", "cases": "4"},
        {"worker_id": "W2", "date": "2021-04-04", "cases": "5"},
    ]
    assert import_council(write_folder(tmp_path / "f", council), imported_by="test").ok
    assert sorted(CaseloadSnapshot.objects.values_list("date", flat=True)) == [
        date(2021, 4, 3),
        date(2021, 4, 4),
    ]


def test_a_dry_run_checks_everything_and_writes_nothing(council_dir):
    result = import_council(council_dir, imported_by="test", dry_run=True)
    assert result.ok and result.dry_run
    assert result.rows == {
        "absences": 1,
        "assignments": 2,
        "caseloads": 3,
        "posts": 2,
        "teams": 2,
        "workers": 2,
    }
    assert set(counts().values()) == {0}


def test_importing_the_same_files_twice_changes_nothing_the_second_time(council_dir):
    assert import_council(council_dir, imported_by="test").ok
    before = register()
    history = Worker.history.count() + Assignment.history.count() + Team.history.count()
    again = import_council(council_dir, imported_by="test")
    assert again.ok
    assert sum(again.created.values()) == 0 and sum(again.updated.values()) == 0
    assert register() == before
    assert Worker.history.count() + Assignment.history.count() + Team.history.count() == history
    assert CaseloadChange.objects.count() == 0


def test_a_reimport_updates_rows_in_place_and_history_keeps_the_old_value(tmp_path):
    council = small_council()
    assert import_council(write_folder(tmp_path / "one", council), imported_by="hr.officer").ok
    council["workers"][0]["display_name"] = "Ann Smith-Jones"
    council["caseloads"][0]["cases"] = "16"
    result = import_council(write_folder(tmp_path / "two", council), imported_by="hr.officer")
    assert result.ok and result.updated["workers"] == 1 and result.updated["caseloads"] == 1
    assert Worker.objects.count() == 2 and CaseloadSnapshot.objects.count() == 3
    worker = Worker.objects.get(worker_id="W1")
    assert worker.display_name == "Ann Smith-Jones"
    old = worker.history.order_by("history_date")[0]  # type: ignore[attr-defined]
    assert old.display_name == "Ann Smith"
    assert "import" in worker.history.latest().history_change_reason  # type: ignore[attr-defined]
    change = CaseloadChange.objects.get()
    assert (change.old_cases, change.new_cases, change.date) == (15, 16, date(2021, 1, 4))
    assert change.import_run.imported_by == "hr.officer"


def test_a_failure_midway_through_writing_leaves_the_database_as_it_was(council_dir, monkeypatch):
    assert import_council(council_dir, imported_by="test").ok
    before, stored = counts(), register()
    council = small_council()
    council["workers"][0]["display_name"] = "Changed"
    council["teams"].append({"team_id": "NEW", "team_name": "New team"})
    folder = write_folder(council_dir.parent / "changed", council)

    def crash(*args, **kwargs):
        raise RuntimeError("the disk is full")

    # Teams, posts, workers and assignments are written before caseloads: the crash comes after.
    monkeypatch.setattr(loading, "_merge_caseloads", crash)
    with pytest.raises(RuntimeError):
        import_council(folder, imported_by="test")
    assert counts() == before
    assert register() == stored


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_leaves_the_database_as_it_was(tmp_path):
    """A real SIGKILL in the middle of writing caseloads, in a separate process."""
    env = dict(os.environ)
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["STABILISE_DATA_DIR"] = str(tmp_path / "data")
        subprocess.run(
            [sys.executable, "-m", "stabilise", "migrate", "-v", "0"], env=env, check=True
        )
    else:
        settings = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
        )
    council = small_council()
    first = write_folder(tmp_path / "first", {k: council[k] for k in ("teams", "posts", "workers")})
    subprocess.run(
        [sys.executable, "-m", "stabilise", "import", str(first)],
        env=env,
        check=True,
        capture_output=True,
    )
    second = write_folder(tmp_path / "second", council)
    script = textwrap.dedent(
        f"""
        import os, signal, django
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stabilise.settings")
        django.setup()
        from pathlib import Path
        from stabilise.workforce.importing import import_council, loading
        real = loading._stage_sqlite if {connection.vendor == "sqlite"!r} else loading._stage_postgres
        def stage_then_die(cursor, staged, progress):
            real(cursor, staged, progress)
            os.kill(os.getpid(), signal.SIGKILL)
        loading._stage_sqlite = loading._stage_postgres = stage_then_die
        import_council(Path({str(second)!r}), imported_by="test")
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "stabilise",
            "shell",
            "-v",
            "0",
            "-c",
            "from stabilise.workforce.models import *; from stabilise.caseloads.models import *;"
            "print(Team.objects.count(), Worker.objects.count(), Assignment.objects.count(), "
            "CaseloadSnapshot.objects.count(), ImportRun.objects.count())",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert check.stdout.split() == ["2", "2", "0", "0", "1"]


def test_a_windows_1252_file_from_excel_is_read(tmp_path):
    council = small_council()
    council["workers"][0]["display_name"] = "Siobhán O’Neill"
    folder = write_folder(tmp_path / "f", council, encoding="cp1252")
    assert (folder / "workers.csv").read_bytes().count(b"\x92") == 1
    assert import_council(folder, imported_by="test").ok
    assert Worker.objects.get(worker_id="W1").display_name == "Siobhán O’Neill"


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    council = small_council()
    council["workers"][0]["display_name"] = "Zoë Ńowak"
    folder = write_folder(tmp_path / "f", council, encoding="utf-8-sig")
    assert (folder / "teams.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert import_council(folder, imported_by="test").ok
    assert Worker.objects.get(worker_id="W1").display_name == "Zoë Ńowak"
    assert Team.objects.filter(team_id="CS").exists()


def test_a_workbook_with_real_date_cells_gives_the_same_register_as_the_folder(
    tmp_path, council_dir
):
    assert import_council(council_dir, imported_by="test").ok
    from_folder = register()
    for model in (CaseloadSnapshot, Absence, Assignment, Worker, Post):
        model.objects.all().delete()
    Team.objects.filter(parent__isnull=False).delete()
    Team.objects.all().delete()
    workbook = write_workbook(tmp_path / "council.xlsx", small_council())
    result = import_council(workbook, imported_by="test")
    assert result.ok, result.problems
    assert register() == from_folder


def test_a_workbook_names_the_sheet_in_its_problems(tmp_path):
    council = small_council()
    council["posts"][0]["fte"] = "1.5"
    result = import_council(write_workbook(tmp_path / "council.xlsx", council), imported_by="test")
    assert [str(p) for p in result.problems] == [
        'council.xlsx[posts]:2:fte: "1.5" is not an FTE: a decimal above 0 and at most 1, e.g. 0.8'
    ]


def test_a_zip_of_csv_files_is_read_like_a_folder(tmp_path, council_dir):
    import zipfile

    archive = tmp_path / "council.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in council_dir.iterdir():
            zipped.write(path, f"export/{path.name}")
    assert import_council(archive, imported_by="test").ok
    assert CaseloadSnapshot.objects.count() == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("council.xlsx", b"not a workbook", "council.xlsx:-:-: not a readable .xlsx workbook"),
        ("council.zip", b"PK\x03\x04broken", "council.zip:-:-: not a readable .zip file"),
        (
            "council.pdf",
            b"%PDF",
            "council.pdf:-:-: expected a folder of .csv files, a .zip or a .xlsx",
        ),
    ],
)
def test_a_file_of_the_wrong_kind_gets_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = import_council(path, imported_by="test")
    assert str(result.problems[0]).startswith(message)


def test_a_file_larger_than_allowed_is_refused_before_it_is_read(tmp_path, settings, council_dir):
    settings.IMPORT_MAX_MB = 0
    result = import_council(council_dir, imported_by="test")
    assert any("larger than the 0 MB allowed" in str(p) for p in result.problems)
    assert Team.objects.count() == 0


def test_a_path_that_does_not_exist_is_reported(tmp_path):
    result = import_council(tmp_path / "missing", imported_by="test")
    assert [str(p) for p in result.problems] == ["missing:-:-: no such file or folder"]


def test_the_command_reports_every_problem_and_exits_2_without_a_traceback(tmp_path):
    council = small_council()
    council["posts"][0]["fte"] = "2"
    council["caseloads"][0]["cases"] = "many"
    folder = write_folder(tmp_path / "bad", council)
    env = dict(os.environ, STABILISE_DATA_DIR=str(tmp_path / "data"))
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "stabilise", "migrate", "-v", "0"], env=env, check=True)
    done = subprocess.run(
        [sys.executable, "-m", "stabilise", "import", str(folder)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        'posts.csv:2:fte: "2" is not an FTE: a decimal above 0 and at most 1, e.g. 0.8',
        'caseloads.csv:2:cases: "many" is not a whole number of 0 or more',
        "2 problem(s) found; nothing was imported. Fix them and run the import again.",
    ]
    dry = subprocess.run(
        [
            sys.executable,
            "-m",
            "stabilise",
            "import",
            str(write_folder(tmp_path / "good", small_council())),
            "--dry-run",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert dry.returncode == 0
    assert (
        dry.stdout.strip()
        == "Dry run: no problems in 2 teams, 2 posts, 2 workers, 2 assignments, 3 caseloads, 1 absences. Nothing was written."
    )
