"""The retention section's front page: what each of its pages answers, for the pages this
person may open (the navigation has one "Retention" entry, not six)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from stabilise.accounts.access import may_open

# (URL name, title, the question it answers), in the order an HR lead works through them.
PAGES = (
    ("leavers", "Leavers", "Who left in a period, why and where they went, team by team."),
    (
        "exit_interviews",
        "Exit interviews",
        "Record what leavers said, invite them, or send a one-time questionnaire link.",
    ),
    (
        "exit_themes",
        "Why leavers leave",
        "The themes leavers give and where they go, quarter by quarter.",
    ),
    (
        "early_warnings",
        "Early warnings",
        "Clusters of leavers citing the same reason, going to the same place or leaving one "
        "team, and the rules that find them.",
    ),
    (
        "who_may_be_next",
        "Who may be next",
        "Social workers in post whose circumstances are those recent leavers had.",
    ),
    (
        "retention_curves",
        "How long people stay",
        "Retention curves by start year, route, team, role and contract, and stability.",
    ),
)
# Who opens this page: anyone who may open at least one of the pages above (accounts.access).
SECTION = tuple(name for name, _, _ in PAGES)


@login_required
def retention_home(request: HttpRequest) -> HttpResponse:
    pages = [
        {"href": reverse(name), "title": title, "question": question}
        for name, title, question in PAGES
        if may_open(request.user, name)  # type: ignore[arg-type]
    ]
    return render(request, "retention/home.html", {"pages": pages})
