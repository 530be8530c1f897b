"""`stabilise demo` loads the demo council through the same import a council uses."""

import datetime as dt

import pytest
from django.core.management import call_command

from stabilise.academy.models import AsyeRecord, Cohort, PanelDecision, Review
from stabilise.accounts.models import User
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.retention.models import ExitInterview, InterviewTheme
from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Absence, Assignment, ImportRun, Post, Team, Worker

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 11, 3)


def register() -> dict[str, list]:
    return {
        "teams": sorted(Team.objects.values_list("team_id", "name", "service", "parent__team_id")),
        "posts": sorted(
            Post.objects.values_list(
                "post_id", "team__team_id", "org_role", "fte", "established_from", "established_to"
            )
        ),
        "workers": sorted(
            Worker.objects.values_list("worker_id", "display_name", "date_of_birth", "ethnicity")
        ),
        "assignments": sorted(
            Assignment.objects.values_list(
                "assignment_id",
                "worker__worker_id",
                "team__team_id",
                "post__post_id",
                "contract",
                "fte",
                "start_date",
                "end_date",
                "end_reason",
                "end_destination",
                "covers_vacancy",
            )
        ),
        "absences": sorted(
            Absence.objects.values_list(
                "worker__worker_id", "start_date", "reason", "working_days_lost"
            )
        ),
        "caseloads": CaseloadSnapshot.objects.count(),
        "asye": sorted(
            AsyeRecord.objects.values_list(
                "worker__worker_id",
                "cohort__label",
                "programme_start",
                "mentor__worker_id",
                "outcome",
                "completed_on",
            )
        ),
        "reviews": Review.objects.count(),
        "exit_interviews": sorted(
            ExitInterview.objects.values_list(
                "worker__worker_id", "left_on", "status", "held_on", "regretted", "new_employer"
            )
        ),
        "cited": sorted(
            InterviewTheme.objects.values_list(
                "interview__worker__worker_id", "interview__left_on", "theme__name", "weight"
            )
        ),
        "panels": PanelDecision.objects.count(),
        "cases": sorted(
            CaseloadSnapshot.objects.filter(date=dt.date(2024, 9, 30)).values_list(
                "worker__worker_id", "cases"
            )
        ),
    }


def test_the_demo_exported_then_imported_gives_the_same_data_as_loading_it(tmp_path, capsys):
    call_command("demo", today=TODAY)
    loaded = register()
    assert "Sign in at http://127.0.0.1:8000/" in capsys.readouterr().out
    assert User.objects.filter(username="lead").exists()
    for model in (InterviewTheme, ExitInterview, PanelDecision, Review, AsyeRecord, Cohort):
        model.objects.all().delete()
    for model in (CaseloadSnapshot, Absence, Assignment, Post, Worker):
        model.objects.all().delete()
    Team.objects.filter(parent__isnull=False).delete()
    Team.objects.all().delete()

    call_command("demo", today=TODAY, export=tmp_path / "d")
    assert Worker.objects.count() == 0, "--export writes files and loads nothing"
    assert import_council(tmp_path / "d", imported_by="test").ok
    assert register() == loaded
    assert loaded["caseloads"] > 100_000 and len(loaded["teams"]) >= 12
    assert len(loaded["asye"]) > 100 and loaded["panels"] > 50  # the academy, with panels
    # Exit interviews, most held with the themes leavers gave.
    assert len(loaded["exit_interviews"]) > 150 and len(loaded["cited"]) > 200


def test_demo_if_empty_leaves_a_loaded_council_alone(tmp_path, capsys):
    Team.objects.create(team_id="X", name="A council's own team")
    Worker.objects.create(worker_id="W", display_name="Someone")
    call_command("demo", if_empty=True)
    assert "already holds a council" in capsys.readouterr().out
    assert Team.objects.count() == 1 and ImportRun.objects.count() == 0
