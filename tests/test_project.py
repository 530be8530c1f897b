"""The set-up a newcomer meets: the `stabilise` command and the Makefile's prerequisites."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
STABILISE = Path(sys.executable).parent / "stabilise"


@pytest.mark.django_db
def test_the_stabilise_command_works_from_any_directory_with_only_database_url_set(tmp_path):
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        url = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    else:
        url = f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    env = {"PATH": os.environ["PATH"], "DATABASE_URL": url}
    done = subprocess.run(
        [str(STABILISE), "migrate", "--no-input"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [str(STABILISE), "showmigrations", "workforce"],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
    )
    assert "[X] 0001_initial" in listed.stdout


def test_the_stabilise_command_lists_the_councils_own_verbs():
    done = subprocess.run([str(STABILISE), "help"], capture_output=True, text=True, check=True)
    for verb in ("import_council", "demo", "serve", "migrate", "createsuperuser"):
        assert verb in done.stdout


def test_a_missing_python_stops_make_with_a_one_line_message_saying_what_to_install():
    done = subprocess.run(
        ["make", "-s", "prerequisites", "PYTHON=/nonexistent/python3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("Stabilise needs Python 3.11 or newer")
    assert "install it" in lines[0]
