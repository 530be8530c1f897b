"""The pages that show people write to the audit log."""

import pytest
from django.test import Client
from freezegun import freeze_time

from stabilise.accounts.models import AuditEvent
from tests.ui.register import TODAY, build_register

pytestmark = pytest.mark.django_db


@freeze_time(TODAY)
def test_the_team_page_records_that_each_person_it_lists_was_seen(
    signed_in_client: Client,
) -> None:
    build_register()

    signed_in_client.get("/teams/T1/", REMOTE_ADDR="203.0.113.9")

    events = AuditEvent.objects.filter(action="viewed")
    assert sorted(e.worker.display_name for e in events) == [
        "Alice Able",
        "Bob Baker",
        "Carol Cole",
    ]
    assert {(e.username, e.ip_address, e.detail) for e in events} == {
        ("lead", "203.0.113.9", "team T1")
    }


def test_a_team_page_that_is_not_found_records_nothing(signed_in_client: Client) -> None:
    signed_in_client.get("/teams/NOPE/")

    assert not AuditEvent.objects.filter(action="viewed").exists()
