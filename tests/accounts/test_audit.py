"""The audit log: what it records, and that nothing can change or remove what it recorded."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from stabilise.accounts.audit import AuditContextMiddleware, record, record_event, record_many
from stabilise.accounts.models import AuditAction, AuditEvent, AuditImmutable, User
from stabilise.workforce.models import Worker

pytestmark = pytest.mark.django_db

REFUSED = "audit events cannot be changed or deleted"


@pytest.fixture
def worker() -> Worker:
    return Worker.objects.create(worker_id="W1", display_name="Ann Smith")


@pytest.fixture
def event(user: User, worker: Worker) -> AuditEvent:
    request = RequestFactory().get("/workers/W1/", REMOTE_ADDR="192.0.2.7")
    request.user = user
    return record(request, "viewed", worker=worker, special=True)


def test_an_event_records_who_when_from_where_what_and_whose_record(
    user: User, worker: Worker
) -> None:
    request = RequestFactory().get(
        "/workers/W1/", REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="Firefox/140"
    )
    request.user = user

    record(request, AuditAction.VIEWED, worker=worker, special=True, detail="worker page")

    event = AuditEvent.objects.get()
    assert (event.user, event.username, event.ip_address, event.user_agent) == (
        user,
        "lead",
        "192.0.2.7",
        "Firefox/140",
    )
    assert (event.action, event.worker, event.special_category, event.detail) == (
        "viewed",
        worker,
        True,
        "worker page",
    )
    assert event.at is not None


def test_an_unknown_action_is_refused_with_the_actions_there_are(user: User) -> None:
    request = RequestFactory().get("/")
    request.user = user

    with pytest.raises(ValueError, match=r"not an audit action: 'looked' \(one of viewed, "):
        record(request, "looked")
    assert not AuditEvent.objects.exists()


def test_a_page_listing_people_records_one_event_for_each(user: User, worker: Worker) -> None:
    other = Worker.objects.create(worker_id="W2", display_name="Bo Li")
    request = RequestFactory().get("/teams/T1/")
    request.user = user

    assert record_many(request, "viewed", [worker, other], detail="team page T1") == 2
    assert set(AuditEvent.objects.values_list("worker__worker_id", flat=True)) == {"W1", "W2"}


def test_without_a_request_the_event_names_who_ran_the_command() -> None:
    record_event("imported", username="jo (command line)", detail="files.zip")

    event = AuditEvent.objects.get()
    assert (event.user, event.username, event.ip_address) == (None, "jo (command line)", None)


def test_an_event_cannot_be_changed_through_the_model(event: AuditEvent) -> None:
    event.special_category = False
    with pytest.raises(AuditImmutable, match=REFUSED):
        event.save()
    assert AuditEvent.objects.get().special_category is True


def test_an_event_cannot_be_deleted_through_the_model(event: AuditEvent) -> None:
    with pytest.raises(AuditImmutable, match=REFUSED):
        event.delete()
    assert AuditEvent.objects.count() == 1


def test_events_cannot_be_updated_or_deleted_in_bulk(event: AuditEvent) -> None:
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.filter(pk=event.pk).update(action="changed")
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.bulk_update([event], ["action"])
    assert AuditEvent.objects.get().action == "viewed"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE accounts_auditevent SET action = 'changed'",
        "UPDATE accounts_auditevent SET special_category = FALSE",
        "DELETE FROM accounts_auditevent",
    ],
)
def test_the_database_itself_refuses_to_change_or_delete_an_event(
    event: AuditEvent, sql: str
) -> None:
    with (
        pytest.raises(DatabaseError, match=REFUSED),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    event_now = AuditEvent.objects.get()
    assert (event_now.action, event_now.special_category) == ("viewed", True)


def test_the_database_still_accepts_new_events(event: AuditEvent) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO accounts_auditevent (at, username, user_agent, action, "
            "special_category, detail) VALUES (%s, 'x', '', 'viewed', FALSE, '')",
            [event.at],
        )
    assert AuditEvent.objects.count() == 2


def test_a_user_or_worker_in_the_audit_log_cannot_be_deleted(
    event: AuditEvent, user: User, worker: Worker
) -> None:
    with pytest.raises(ProtectedError):
        user.delete()
    with pytest.raises(ProtectedError):
        worker.delete()
    assert AuditEvent.objects.get().user == user


def test_an_event_inside_a_web_request_knows_the_signed_in_user_and_address(
    user: User,
) -> None:
    """record_event (the import pipeline's way in) takes who and where from the request."""
    seen: list[AuditEvent] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(record_event("imported", username="ignored", detail="upload"))
        return HttpResponse("ok")

    request = RequestFactory().get("/import/", REMOTE_ADDR="198.51.100.4")
    request.user = user
    AuditContextMiddleware(view)(request)

    assert (seen[0].user, seen[0].username, seen[0].ip_address) == (user, "lead", "198.51.100.4")


def test_an_import_is_audited_with_who_and_what_it_changed(tmp_path) -> None:
    from stabilise.workforce.importing import import_council
    from tests.workforce.council_files import small_council, write_folder

    folder = write_folder(tmp_path / "council", small_council())
    import_council(folder, imported_by="jo", dry_run=True)
    assert not AuditEvent.objects.exists(), "a dry run changes nothing, so records nothing"

    import_council(folder, imported_by="jo", label="november.zip")

    event = AuditEvent.objects.get()
    assert (event.action, event.username, event.worker) == ("imported", "jo", None)
    assert event.detail.startswith("november.zip: teams 2 new, 0 changed; posts ")
