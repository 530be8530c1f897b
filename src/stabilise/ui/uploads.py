"""An uploaded import, kept on the server between its dry run and its confirmation.

The file is stored in a directory of its own under a name we make (`upload.zip` or
`upload.xlsx`): the name the browser sent is never part of a path, and is kept only to be
shown back, escaped, to the person who sent it. The session holds a random token naming the
directory, never a path. An upload not confirmed within PENDING_MINUTES is gone.
"""

import re
import secrets
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

SUFFIXES = (".zip", ".xlsx")
PENDING_MINUTES = 30
SESSION_KEY = "pending_import"
STORED_STEM = "upload"
TOKEN = re.compile(r"[0-9a-f]{32}")
SHOWN_NAME_LENGTH = 120


def max_bytes() -> int:
    return int(settings.IMPORT_MAX_MB) * 1_000_000


def upload_root() -> Path:
    root = Path(tempfile.gettempdir()) / "stabilise-imports"
    root.mkdir(mode=0o700, exist_ok=True)
    return root


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops an upload larger than IMPORT_MAX_MB before any of it is stored.

    The browser's Content-Length is checked first; the bytes are counted too, for a client
    that does not say or says less. Django then drops the file, and the page says why.
    """

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.too_big = False

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        # A multipart body carries a few hundred bytes besides the file: allow for them.
        self.too_big = content_length > self.limit + 64 * 1024
        return None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        if self.too_big:
            raise StopUpload(connection_reset=False)
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.too_big = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def shown_name(client_name: str | None) -> str:
    """The last part of the name the browser sent, without control characters, shortened: for
    showing only (the template escapes it), never for a path."""
    name = PurePosixPath((client_name or "").replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:SHOWN_NAME_LENGTH] or "the file"


def suffix_of(client_name: str | None) -> str | None:
    """`.zip` or `.xlsx` if the sent name ends so (any case), else None."""
    suffix = PurePosixPath((client_name or "").lower()).suffix
    return suffix if suffix in SUFFIXES else None


@dataclass(frozen=True)
class PendingUpload:
    token: str
    shown_name: str
    suffix: str
    user_id: int
    expires_at: float

    @property
    def directory(self) -> Path:
        return upload_root() / self.token

    @property
    def path(self) -> Path:
        return self.directory / f"{STORED_STEM}{self.suffix}"

    @property
    def stored_name(self) -> str:
        return self.path.name

    def as_session(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "shown_name": self.shown_name,
            "suffix": self.suffix,
            "user_id": self.user_id,
            "expires_at": self.expires_at,
        }


def _sweep(now: float) -> None:
    """Remove uploads nobody confirmed (their sessions may be long gone)."""
    for directory in upload_root().iterdir():
        try:
            if directory.is_dir() and now - directory.stat().st_mtime > PENDING_MINUTES * 60:
                shutil.rmtree(directory, ignore_errors=True)
        except OSError:
            continue


def keep(session: SessionBase, upload: UploadedFile, suffix: str, user_id: int) -> PendingUpload:
    """Store `upload` under a generated name and remember it in the session, replacing (and
    deleting) any upload the session held before."""
    now = time.time()
    discard(session)
    _sweep(now)
    pending = PendingUpload(
        token=secrets.token_hex(16),
        shown_name=shown_name(upload.name),
        suffix=suffix,
        user_id=user_id,
        expires_at=now + PENDING_MINUTES * 60,
    )
    pending.directory.mkdir(mode=0o700)
    with pending.path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    session[SESSION_KEY] = pending.as_session()
    return pending


def pending(session: SessionBase, user_id: int, token: str | None) -> PendingUpload | None:
    """The session's upload if it is this user's, the token matches and it has not expired."""
    held = session.get(SESSION_KEY)
    if not isinstance(held, dict) or not TOKEN.fullmatch(str(held.get("token", ""))):
        return None
    suffix = str(held.get("suffix"))
    if suffix not in SUFFIXES:
        return None
    upload = PendingUpload(
        token=held["token"],
        shown_name=str(held.get("shown_name", "the file")),
        suffix=suffix,
        user_id=int(held.get("user_id", -1)),
        expires_at=float(held.get("expires_at", 0)),
    )
    if upload.user_id != user_id or time.time() > upload.expires_at or not upload.path.is_file():
        discard(session)
        return None
    # A page checked before a later upload confirms nothing (and leaves the later one alone).
    return upload if token == upload.token else None


def discard(session: SessionBase) -> None:
    held = session.pop(SESSION_KEY, None)
    if isinstance(held, dict) and TOKEN.fullmatch(str(held.get("token", ""))):
        shutil.rmtree(upload_root() / held["token"], ignore_errors=True)
