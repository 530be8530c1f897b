"""The import page: upload a council's files, see every problem of a dry run, then confirm.

The workforce lead uploads a .zip of CSV files or an .xlsx workbook. The page checks it with a
dry run of the same import as `stabilise import --dry-run` and lists every problem; a file with
none can be imported with one more button, which imports the very file checked (kept on the
server, see uploads.py) and says what changed.
"""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from stabilise.accounts.models import User
from stabilise.ui import uploads
from stabilise.workforce.importing import ImportResult, import_council
from stabilise.workforce.importing.problems import FILE_ORDER

FIELD = "import_file"


@dataclass(frozen=True)
class ProblemRow:
    file: str
    row: str
    column: str
    message: str


@dataclass(frozen=True)
class FileRow:
    file: str
    rows: int
    created: int
    updated: int


def _problem_rows(result: ImportResult, upload: uploads.PendingUpload) -> list[ProblemRow]:
    """Every problem, with the file called by the name its sender knows it by."""
    rows = []
    for problem in result.problems:
        file = problem.file
        if file.startswith(upload.stored_name):
            file = upload.shown_name + file[len(upload.stored_name) :]
        rows.append(
            ProblemRow(
                file,
                "Whole file" if problem.row is None else str(problem.row),
                problem.column or "All columns",
                problem.message,
            )
        )
    return rows


def _file_rows(result: ImportResult) -> list[FileRow]:
    return [
        FileRow(
            name,
            result.rows.get(name, 0),
            result.created.get(name, 0),
            result.updated.get(name, 0),
        )
        for name in FILE_ORDER
        if name in result.rows
    ]


def _problems(
    request: HttpRequest, result: ImportResult, upload: uploads.PendingUpload
) -> HttpResponse:
    count = len(result.problems)
    summary = (
        f"{upload.shown_name} has {count} problem{'' if count == 1 else 's'}: nothing has been "
        "imported. Correct every problem listed below and upload the file again."
    )
    context = {
        "state": "problems",
        "name": upload.shown_name,
        "summary": summary,
        "problems": _problem_rows(result, upload),
    }
    return _page(request, context, status=400)


def _page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context = {"max_mb": uploads.max_bytes() // 1_000_000, "field": FIELD, **context}
    return render(request, "ui/import.html", context, status=status)


def _form_error(request: HttpRequest, error: str) -> HttpResponse:
    return _page(request, {"state": "form", "error": error}, status=400)


def _check(
    request: HttpRequest, user: User, limiter: uploads.SizeLimitUploadHandler
) -> HttpResponse:
    upload = request.FILES.get(FIELD)
    max_mb = uploads.max_bytes() // 1_000_000
    if limiter.too_big or (upload is not None and (upload.size or 0) > uploads.max_bytes()):
        return _form_error(request, f"The selected file must be smaller than {max_mb} MB")
    if upload is None:
        return _form_error(request, "Select a .zip of CSV files or an .xlsx workbook")
    suffix = uploads.suffix_of(upload.name)
    if suffix is None:
        return _form_error(request, "The selected file must be a .zip or an .xlsx")
    if not upload.size:
        return _form_error(request, "The selected file is empty")
    pending = uploads.keep(request.session, upload, suffix, user.pk)
    result = import_council(pending.path, imported_by=user.get_username(), dry_run=True)
    if result.problems:
        uploads.discard(request.session)
        return _problems(request, result, pending)
    return _page(
        request,
        {
            "state": "ready",
            "name": pending.shown_name,
            "token": pending.token,
            "files": _file_rows(result),
            "expires_minutes": uploads.PENDING_MINUTES,
        },
    )


def _confirm(request: HttpRequest, user: User) -> HttpResponse:
    pending = uploads.pending(request.session, user.pk, request.POST.get("token"))
    if pending is None:
        return _form_error(
            request,
            "The file you checked is no longer held (files are kept for "
            f"{uploads.PENDING_MINUTES} minutes): upload it again",
        )
    try:
        # The import writes its own audit event, naming the file as its sender knows it.
        result = import_council(
            pending.path, imported_by=user.get_username(), label=pending.shown_name
        )
    finally:
        uploads.discard(request.session)
    if result.problems:
        return _problems(request, result, pending)
    return _page(
        request, {"state": "done", "name": pending.shown_name, "files": _file_rows(result)}
    )


@csrf_protect
def _import(request: HttpRequest, limiter: uploads.SizeLimitUploadHandler) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # AccessMiddleware lets only signed-in workforce leads here
    if request.method != "POST":
        return _page(request, {"state": "form"})
    if request.POST.get("action") == "confirm":
        return _confirm(request, user)
    return _check(request, user, limiter)


@csrf_exempt
def import_upload(request: HttpRequest) -> HttpResponse:
    """The size limit must be in place before anything reads the body, and Django's CSRF
    middleware would read it first; so the middleware skips this view and the same check
    (csrf_protect) runs on `_import` once the limit is set."""
    limiter = uploads.SizeLimitUploadHandler(request, uploads.max_bytes())
    request.upload_handlers = [limiter, *request.upload_handlers]
    return _import(request, limiter)
