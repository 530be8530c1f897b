"""`stabilise alerts --send`: each occurrence emailed exactly once, to the right people, naming
nobody. Over tests/retention/early_warning_register.py (Pay reaches 3 leavers on 5 March 2025,
another LA 2 leavers on 1 February 2025)."""

import io
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone

from stabilise.retention.alert_selectors import early_warnings_as_at, new_early_warnings
from stabilise.retention.alert_services import send_early_warnings
from stabilise.retention.models import EarlyWarning, EarlyWarningRule, Theme
from tests.retention.early_warning_register import (
    AS_AT,
    build_leavers,
    build_recipients,
    leave,
)

PAY = "Early warning: 3 leavers cited “Pay” in their exit interviews"
ANOTHER_LA = "Early warning: 3 leavers went to “Social worker role in a different LA in England”"


@pytest.fixture
def council(db: None, settings: Any) -> None:
    settings.EARLY_WARNING_RECIPIENTS = ["hr-team@council.example", "LEAD@council.example"]
    settings.SITE_URL = "https://stabilise.council.example"
    build_leavers()
    build_recipients()


def alerts(*args: str) -> str:
    out = io.StringIO()
    call_command("alerts", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def subjects(outbox: list[mail.EmailMessage]) -> list[str]:
    return sorted(m.subject for m in outbox)


def test_the_seeded_rules_are_issue_fives_two_examples(db):
    assert [r.description for r in EarlyWarningRule.objects.order_by("pk")] == [
        "3 or more leavers within 60 days citing the same theme",
        "2 or more leavers within 90 days going to the same destination",
    ]
    assert all(r.history.count() == 1 for r in EarlyWarningRule.objects.all())


def test_each_new_occurrence_is_emailed_once_and_a_second_run_sends_nothing(council, mailoutbox):
    assert "Sent 2 early warning(s)" in alerts("--send", "--as-at", "2025-03-10")
    # Dee's leaving counted in both: the destination cluster had 3 leavers when found.
    assert subjects(mailoutbox) == [PAY, ANOTHER_LA]
    assert "Sent 0 early warning(s)" in alerts("--send", "--as-at", "2025-03-10")
    assert "Sent 0 early warning(s)" in alerts("--send", "--as-at", "2025-03-11")
    assert len(mailoutbox) == 2
    assert EarlyWarning.objects.count() == 2


def test_a_later_leaver_in_the_same_cluster_is_not_emailed_again(council, mailoutbox):
    alerts("--send", "--as-at", "2025-03-10")
    leave("W5", "Eve Evans", "2025-03-11", ["Pay"])  # the last day of Pay's window
    alerts("--send", "--as-at", "2025-03-12")
    assert len(mailoutbox) == 2
    (pay,) = [f for f in early_warnings_as_at(AS_AT.replace(day=12)) if f.rule.kind == "theme"]
    assert pay.occurrence.leavers == 4 and pay.warning is not None


def test_a_new_cluster_after_the_window_is_a_new_warning(council, mailoutbox):
    alerts("--send", "--as-at", "2025-03-10")
    # Another LA's window ends on 10 April: two more after it are a new cluster; Pay needs 3.
    leave("W6", "Fay Ford", "2025-06-30", ["Pay"])
    leave("W7", "Gus Gray", "2025-07-20", ["Pay"])
    alerts("--send", "--as-at", "2025-07-21")
    assert len(mailoutbox) == 3
    assert mailoutbox[2].subject == (
        "Early warning: 2 leavers went to “Social worker role in a different LA in England”"
    )
    assert "between 30 June 2025 and 20 July 2025" in mailoutbox[2].body


def test_a_switched_off_rule_sends_nothing(council, mailoutbox):
    EarlyWarningRule.objects.filter(kind="theme").update(is_on=False)
    alerts("--send", "--as-at", "2025-03-10")
    assert subjects(mailoutbox) == [ANOTHER_LA]


def test_two_rules_that_fit_the_same_leavers_each_warn(council, mailoutbox):
    team_rule = EarlyWarningRule.objects.create(kind="team", threshold=3, window_days=60)
    alerts("--send", "--as-at", "2025-03-10")
    assert subjects(mailoutbox) == [
        PAY,
        "Early warning: 3 leavers left Assessment North",
        ANOTHER_LA,
    ]
    assert EarlyWarning.objects.filter(rule=team_rule).count() == 1


def test_the_email_goes_to_leads_and_service_managers_and_names_nobody(council, mailoutbox):
    alerts("--send", "--as-at", "2025-03-10")
    pay = next(m for m in mailoutbox if m.subject == PAY)
    assert pay.to == [
        "lead@council.example",
        "service@council.example",
        "hr-team@council.example",
    ]
    (html, kind), *_ = pay.alternatives  # type: ignore[attr-defined]
    assert kind == "text/html"
    warning = EarlyWarning.objects.get(rule__kind="theme")
    link = f"https://stabilise.council.example/retention/early-warnings/#warning-{warning.pk}"
    for body in (pay.body, html):
        assert "3 leavers cited “Pay” in their exit interviews" in body
        assert "10 January 2025 and 5 March 2025" in body
        assert "3 or more leavers within 60 days citing the same theme" in body
        assert link in body
        for private in ("Ann", "Ben", "Dee", "W1", "W2", "W4", "something private", "Caseload"):
            assert private not in body
    assert warning.emailed_to == 3 and warning.emailed_at is not None
    assert (warning.first_left_on, warning.reached_on, warning.leavers) == (
        AS_AT.replace(month=1, day=10),
        AS_AT.replace(day=5),
        3,
    )


def test_the_first_check_does_not_email_clusters_long_over(council, mailoutbox):
    # By 31 August both clusters reached their thresholds longer ago than their windows.
    assert "Sent 0 early warning(s)" in alerts("--send", "--as-at", "2025-08-31")
    assert mailoutbox == [] and EarlyWarning.objects.count() == 0


def test_two_checks_at_once_cannot_both_send(council, mailoutbox):
    # Both checks found the same news before either recorded it; the second's insert then
    # meets the unique constraint and it sends nothing.
    first = new_early_warnings(early_warnings_as_at(AS_AT), AS_AT)
    second = new_early_warnings(early_warnings_as_at(AS_AT), AS_AT)
    now = timezone.now()
    sent = send_early_warnings(first, as_at=AS_AT, now=now, recipients=["a@council.example"])
    again = send_early_warnings(second, as_at=AS_AT, now=now, recipients=["a@council.example"])
    assert (len(sent.warnings), len(again.warnings), len(mailoutbox)) == (2, 0, 2)


def test_without_send_the_check_lists_and_changes_nothing(council, mailoutbox):
    out = alerts("--as-at", "2025-03-10")
    assert "Early warnings current on 2025-03-10: 2 (2 not yet emailed)" in out
    assert "NEW 3 leavers cited “Pay” in their exit interviews, 2025-01-10 to 2025-03-05" in out
    assert mailoutbox == [] and EarlyWarning.objects.count() == 0


def test_nobody_to_send_to_is_an_error_and_nothing_is_recorded(db, settings, mailoutbox):
    settings.EARLY_WARNING_RECIPIENTS = []
    build_leavers()
    with pytest.raises(CommandError, match="STABILISE_EARLY_WARNING_RECIPIENTS"):
        alerts("--send", "--as-at", "2025-03-10")
    assert EarlyWarning.objects.count() == 0


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError("the mail server is down")


def test_an_email_that_cannot_be_sent_is_not_recorded_so_the_next_check_sends_it(
    council, settings, mailoutbox
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with pytest.raises(ConnectionRefusedError):
        alerts("--send", "--as-at", "2025-03-10")
    assert EarlyWarning.objects.count() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    alerts("--send", "--as-at", "2025-03-11")
    assert len(mail.outbox) == 2


def test_a_day_after_today_or_not_a_date_is_refused(council):
    with pytest.raises(CommandError, match="not a date"):
        alerts("--as-at", "10/03/2025x")
    tomorrow = timezone.localdate().replace(year=timezone.localdate().year + 1)
    with pytest.raises(CommandError, match="after today"):
        alerts("--as-at", tomorrow.isoformat())


def test_a_theme_renamed_after_a_warning_does_not_make_it_new(council, mailoutbox):
    alerts("--send", "--as-at", "2025-03-10")
    Theme.objects.filter(name="Pay").update(name="Pay and conditions")
    alerts("--send", "--as-at", "2025-03-11")
    assert len(mailoutbox) == 2
