"""The council's own list of exit-interview themes: the workforce lead adds, renames, reorders,
retires and restores them (RULES: the workforce lead only). Everything happens on one page with
plain forms, so it works without JavaScript; each change is kept in the theme's history and the
audit log (theme names hold no personal data)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from stabilise.accounts.audit import record
from stabilise.retention import services
from stabilise.retention.models import Theme
from stabilise.retention.selectors import themes_with_counts

# Where each action's error is shown: the add form's field, the rename form's, or the list.
ADD_FIELD, RENAME_FIELD = "new-theme-name", "rename-theme-name"


def _theme(value: str | None) -> Theme:
    try:
        return Theme.objects.get(pk=int(value or ""))
    except (ValueError, Theme.DoesNotExist):
        raise Http404("No such theme") from None


def _renaming(value: str | None) -> Theme | None:
    try:
        return Theme.objects.filter(pk=int(value or "")).first()
    except ValueError:
        return None


def _change(request: HttpRequest, action: str) -> tuple[str, str]:
    """Make the change asked for: (what the banner says, what the audit log says)."""
    if action == "add":
        theme = services.add_theme(name=request.POST.get("name", ""))
        return f"“{theme.name}” added to the end of the list", f"added “{theme.name}”"
    theme = _theme(request.POST.get("theme"))
    if action == "rename":
        old = theme.name
        services.rename_theme(theme=theme, name=request.POST.get("name", ""))
        return f"“{old}” is now “{theme.name}”", f"renamed “{old}” to “{theme.name}”"
    if action in ("up", "down"):
        services.move_theme(theme=theme, up=action == "up")
        return f"“{theme.name}” moved {action}", f"moved “{theme.name}” {action}"
    if action in ("retire", "restore"):
        services.set_theme_in_use(theme=theme, in_use=action == "restore")
        said = "retired: no longer offered" if action == "retire" else "restored: offered again"
        return f"“{theme.name}” {said}", f"{action}d “{theme.name}”"
    raise Http404("No such change")


@login_required
def theme_list(request: HttpRequest) -> HttpResponse:
    errors: dict[str, str] = {}
    renaming = _renaming(request.GET.get("rename"))
    typed = {"add": "", "rename": renaming.name if renaming else ""}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            banner, audit = _change(request, action)
        except services.ThemeRefused as refused:
            if action == "add":
                errors[ADD_FIELD] = str(refused)
                typed["add"] = request.POST.get("name", "")
            elif action == "rename":
                errors[RENAME_FIELD] = str(refused)
                renaming = _theme(request.POST.get("theme"))
                typed["rename"] = request.POST.get("name", "")
            else:
                errors[f"theme-{request.POST.get('theme')}"] = str(refused)
        else:
            record(request, "changed", detail=f"exit-interview themes: {audit}")
            messages.success(request, banner)
            return redirect(reverse("exit_theme_list"))
    themes = themes_with_counts()
    for theme in themes:
        theme.error = errors.get(f"theme-{theme.pk}")  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "themes": themes,
        "renaming": renaming,
        "typed": typed,
        "errors": errors,  # element id → message, for the error summary
        "add_error": errors.get(ADD_FIELD),
        "rename_error": errors.get(RENAME_FIELD),
        "add_field": ADD_FIELD,
        "rename_field": RENAME_FIELD,
    }
    return render(request, "retention/theme_list.html", context, status=400 if errors else 200)
