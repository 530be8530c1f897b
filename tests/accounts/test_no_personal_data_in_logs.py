"""Nothing the log records names a worker or gives their id: not an import, not a page, not a
refused or missing page."""

import logging

import pytest
from django.test import Client

from stabilise.accounts.models import Role, User
from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Worker
from tests.workforce.council_files import small_council, write_folder

pytestmark = pytest.mark.django_db


def test_an_import_and_page_views_log_no_names_or_worker_ids(
    tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    council = small_council()
    import_council(write_folder(tmp_path / "c", council), imported_by="jo")
    lead = Client()
    lead.force_login(User.objects.create_user(username="hr", role=Role.WORKFORCE_LEAD))
    worker = Client()
    worker.force_login(User.objects.create_user(username="sw", role=Role.SOCIAL_WORKER))
    people = list(Worker.objects.all())
    assert people, "the import loaded people"

    for person in people:
        assert lead.get(f"/workers/{person.worker_id}/").status_code == 200
        assert worker.get(f"/workers/{person.worker_id}/").status_code == 404  # logged
    lead.get("/teams/CP1/")
    lead.get("/teams/NO-SUCH-TEAM-W999/")
    worker.get("/teams/")  # a 403, logged

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Not Found" in logged and "Forbidden" in logged, "the refusals were logged"
    assert "Not Found: /workers/<path:worker_id>/" in logged, "as their URL pattern"
    for person in people:
        assert person.display_name not in logged
        assert f"/{person.worker_id}/" not in logged
    assert "NO-SUCH-TEAM-W999" not in logged
