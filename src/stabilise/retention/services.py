"""Writes of exit interviews (recorded by HR, or answered by the leaver through a one-time link)
and of the council's list of themes.

A link's token is random (secrets), signed (so a guessed or mangled link is refused before any
lookup) and stored only as a SHA-256 hash. It expires, and once answered it is refused.

Themes are renamed, reordered and retired in place, never deleted: interviews cite a theme by
its row, so a renamed theme keeps its counts together and a retired one keeps its past answers
(it is only no longer offered). Names are unique ignoring case.
"""

import hashlib
import secrets
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Max

from stabilise.retention.models import ExitInterview, InterviewTheme, QuestionnaireLink, Theme
from stabilise.workforce.models import Worker

LINK_VALID_FOR = timedelta(days=28)
_SIGNER = signing.Signer(salt="stabilise.retention.questionnaire")


class LinkRefused(Exception):
    """The link cannot be used: the message says why, in words for the leaver."""


class ThemeRefused(Exception):
    """The change to the theme list cannot be made: the message says why, for the page."""


THEME_NAME_MOST = Theme._meta.get_field("name").max_length or 100


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
    new_employer: str = "",
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
            "new_employer": new_employer,
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
    new_employer: str = "",
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
        new_employer=new_employer,
        themes=themes,
        source=ExitInterview.Source.QUESTIONNAIRE,
    )


def _theme_name(name: str, besides: Theme | None = None) -> str:
    """The name tidied (spaces collapsed), or ThemeRefused if it is empty, long or taken."""
    tidy = " ".join(name.split())
    if not tidy:
        raise ThemeRefused("Enter a name for the theme")
    if len(tidy) > THEME_NAME_MOST:
        raise ThemeRefused(f"The theme's name must be {THEME_NAME_MOST} characters or fewer")
    taken = Theme.objects.filter(name__iexact=tidy)
    if besides is not None:
        taken = taken.exclude(pk=besides.pk)
    other = taken.first()
    if other is not None and other.in_use:
        raise ThemeRefused(f"There is already a theme called “{other.name}”")
    if other is not None:
        raise ThemeRefused(
            f"There is already a theme called “{other.name}”, retired: restore it instead"
        )
    return tidy


def _save_theme(theme: Theme, why: str, fields: list[str] | None = None) -> Theme:
    theme._change_reason = why  # type: ignore[attr-defined]  # simple-history reads it
    try:
        with transaction.atomic():
            theme.save(update_fields=fields)
    except IntegrityError:
        # Two people adding the same name at once: the database's constraint has the last word.
        raise ThemeRefused(f"There is already a theme called “{theme.name}”") from None
    return theme


@transaction.atomic
def add_theme(*, name: str) -> Theme:
    """A new theme at the end of the list, in use."""
    tidy = _theme_name(name)
    last = Theme.objects.aggregate(last=Max("position"))["last"] or 0
    return _save_theme(Theme(name=tidy, position=last + 1), "added")


@transaction.atomic
def rename_theme(*, theme: Theme, name: str) -> Theme:
    """The same theme under a new name: every interview citing it now shows the new one."""
    tidy = _theme_name(name, besides=theme)
    if tidy == theme.name:
        return theme
    old, theme.name = theme.name, tidy
    return _save_theme(theme, f"renamed from {old}"[:100], ["name"])


@transaction.atomic
def move_theme(*, theme: Theme, up: bool) -> None:
    """Swap the theme with the one above (or below) it; the list is renumbered 1, 2, 3…"""
    themes = list(Theme.objects.select_for_update().order_by("position", "name"))
    index = next(i for i, t in enumerate(themes) if t.pk == theme.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(themes):
        return  # already first (or last)
    themes[index], themes[other] = themes[other], themes[index]
    for position, each in enumerate(themes, start=1):
        if each.position != position:
            each.position = position
            _save_theme(each, "moved", ["position"])


@transaction.atomic
def set_theme_in_use(*, theme: Theme, in_use: bool) -> Theme:
    """Retire a theme (no longer offered; its past answers kept) or restore it."""
    if theme.in_use == in_use:
        return theme
    if not in_use and not Theme.objects.filter(in_use=True).exclude(pk=theme.pk).exists():
        raise ThemeRefused("Keep at least one theme in use, or there is nothing to offer leavers")
    theme.in_use = in_use
    return _save_theme(theme, "restored" if in_use else "retired", ["in_use"])
