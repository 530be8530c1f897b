"""Writes of exit interviews: recorded by HR, or answered by the leaver through a one-time link.

A link's token is random (secrets), signed (so a guessed or mangled link is refused before any
lookup) and stored only as a SHA-256 hash. It expires, and once answered it is refused.
"""

import hashlib
import secrets
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from django.core import signing
from django.db import transaction

from stabilise.retention.models import ExitInterview, InterviewTheme, QuestionnaireLink, Theme
from stabilise.workforce.models import Worker

LINK_VALID_FOR = timedelta(days=28)
_SIGNER = signing.Signer(salt="stabilise.retention.questionnaire")


class LinkRefused(Exception):
    """The link cannot be used: the message says why, in words for the leaver."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def record_interview(
    *,
    worker: Worker,
    left_on: date,
    status: str,
    held_on: date | None = None,
    held_by: str = "",
    regretted: bool | None = None,
    would_return: str = "",
    comments: str = "",
    themes: Mapping[Theme, int],
    source: str = ExitInterview.Source.INTERVIEW,
) -> ExitInterview:
    """Create or update the exit interview of this leaving, its cited themes replaced."""
    interview, _ = ExitInterview.objects.update_or_create(
        worker=worker,
        left_on=left_on,
        defaults={
            "status": status,
            "source": source,
            "held_on": held_on,
            "held_by": held_by,
            "regretted": regretted,
            "would_return": would_return,
            "comments": comments,
        },
    )
    _cite(interview, themes)
    return interview


def _cite(interview: ExitInterview, themes: Mapping[Theme, int]) -> None:
    interview.cited.exclude(theme__in=list(themes)).delete()
    for theme, weight in themes.items():
        InterviewTheme.objects.update_or_create(
            interview=interview, theme=theme, defaults={"weight": weight}
        )


@transaction.atomic
def questionnaire_link(
    *, worker: Worker, left_on: date, now: datetime, valid_for: timedelta = LINK_VALID_FOR
) -> str:
    """A new one-time link token for the leaver; the interview is marked invited if new."""
    interview, _ = ExitInterview.objects.get_or_create(worker=worker, left_on=left_on)
    token = secrets.token_urlsafe(32)
    QuestionnaireLink.objects.create(
        interview=interview, token_hash=_hash(token), created_at=now, expires_at=now + valid_for
    )
    return _SIGNER.sign(token)


def _usable(signed_token: str, now: datetime, *, lock: bool) -> QuestionnaireLink:
    try:
        token = _SIGNER.unsign(signed_token)
    except signing.BadSignature:
        raise LinkRefused("This link is not valid.") from None
    links = QuestionnaireLink.objects.select_related("interview__worker")
    if lock:
        links = links.select_for_update()
    link = links.filter(token_hash=_hash(token)).first()
    if link is None:
        raise LinkRefused("This link is not valid.")
    if link.used_at is not None:
        raise LinkRefused("This questionnaire has already been answered. Thank you.")
    if now >= link.expires_at:
        raise LinkRefused("This link has expired. Ask HR for a new one if you would like to.")
    return link


def open_questionnaire(signed_token: str, now: datetime) -> QuestionnaireLink:
    """The link, if it may still be answered; LinkRefused if not."""
    return _usable(signed_token, now, lock=False)


@transaction.atomic
def answer_questionnaire(
    *,
    signed_token: str,
    now: datetime,
    themes: Mapping[Theme, int],
    regretted: bool | None,
    would_return: str,
    comments: str,
) -> ExitInterview:
    """Store the leaver's own answers and use the link up; LinkRefused if it cannot be used."""
    link = _usable(signed_token, now, lock=True)
    link.used_at = now
    link.save(update_fields=["used_at"])
    interview = link.interview
    return record_interview(
        worker=interview.worker,
        left_on=interview.left_on,
        status=ExitInterview.Status.HELD,
        held_on=now.date(),
        held_by=interview.held_by,
        regretted=regretted,
        would_return=would_return,
        comments=comments,
        themes=themes,
        source=ExitInterview.Source.QUESTIONNAIRE,
    )
