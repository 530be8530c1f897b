"""The leaver's one-time questionnaire link: answered once, refused again, refused after expiry,
refused when tampered with; only a hash of the token is stored."""

import datetime as dt

import pytest

from stabilise.retention.models import ExitInterview, QuestionnaireLink, Theme
from stabilise.retention.services import (
    LinkRefused,
    answer_questionnaire,
    open_questionnaire,
    questionnaire_link,
)
from stabilise.workforce.models import Worker

SENT = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
LEFT = dt.date(2025, 2, 28)


@pytest.fixture
def token(db: None) -> str:
    worker = Worker.objects.create(worker_id="W9", display_name="Lee Leaver")
    return questionnaire_link(worker=worker, left_on=LEFT, now=SENT, valid_for=dt.timedelta(days=7))


def answer(token: str, now: dt.datetime) -> ExitInterview:
    return answer_questionnaire(
        signed_token=token,
        now=now,
        themes={Theme.objects.get(name="Caseload"): 3, Theme.objects.get(name="Pay"): 1},
        regretted=True,
        would_return="maybe",
        comments="Too many cases.",
    )


def test_the_seeded_themes_are_the_fifteen_of_the_issue(db):
    assert Theme.objects.count() == 15
    assert Theme.objects.first().name == "Caseload"


def test_a_link_marks_the_interview_invited_and_stores_no_token(token):
    interview = ExitInterview.objects.get()
    assert interview.status == ExitInterview.Status.INVITED
    stored = QuestionnaireLink.objects.get().token_hash
    assert token.split(":")[0] not in stored and len(stored) == 64


def test_a_leaver_answers_once_through_the_link(token):
    interview = answer(token, SENT + dt.timedelta(days=1))
    assert interview.status == ExitInterview.Status.HELD
    assert interview.source == ExitInterview.Source.QUESTIONNAIRE
    assert {(c.theme.name, c.weight) for c in interview.cited.all()} == {
        ("Caseload", 3),
        ("Pay", 1),
    }
    assert (interview.regretted, interview.would_return) == (True, "maybe")


def test_a_used_link_is_refused(token):
    answer(token, SENT + dt.timedelta(days=1))
    with pytest.raises(LinkRefused, match="already been answered"):
        open_questionnaire(token, SENT + dt.timedelta(days=2))
    with pytest.raises(LinkRefused, match="already been answered"):
        answer(token, SENT + dt.timedelta(days=2))
    assert ExitInterview.objects.get().cited.count() == 2


def test_a_link_works_until_it_expires_and_not_after(token):
    assert open_questionnaire(token, SENT + dt.timedelta(days=7, seconds=-1))
    with pytest.raises(LinkRefused, match="expired"):
        open_questionnaire(token, SENT + dt.timedelta(days=7))
    with pytest.raises(LinkRefused, match="expired"):
        answer(token, SENT + dt.timedelta(days=8))
    assert ExitInterview.objects.get().status == ExitInterview.Status.INVITED


@pytest.mark.parametrize("mangle", [lambda t: t + "x", lambda t: "x" + t, lambda t: "nonsense"])
def test_a_tampered_or_guessed_link_is_refused(token, mangle):
    with pytest.raises(LinkRefused, match="not valid"):
        open_questionnaire(mangle(token), SENT)
