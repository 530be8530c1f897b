"""Every page, in a real browser: no WCAG 2.2 AA violation that axe-core finds, and usable by
keyboard alone (every link and control reached with Tab, focus always visible, the skip link
working).

The pages are every URL the workforce lead may open, enumerated as the access matrix does, with
the matrix's arguments (team OWN, worker W1: tests/browser/register.py has both), and the
states a person meets besides: signed out, a wrong password, an import with problems, a page
not found.
"""

import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from stabilise.accounts.access import RULES
from stabilise.accounts.models import Role, User
from stabilise.analytics import dfe
from stabilise.analytics.benchmark import census_day
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.workforce.models import Worker
from tests.accounts.test_access_matrix import ARGS
from tests.browser.conftest import AXE, PASSWORD, sign_in
from tests.conftest import authenticator
from tests.workforce.council_files import small_council, write_folder

pytestmark = pytest.mark.slow

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LEAD_PAGES = sorted(name for name, roles in RULES.items() if Role.WORKFORCE_LEAD in roles)


def _bad_import() -> bytes:
    """A .zip of the council's files with a team that has no name."""
    tables = small_council()
    tables["teams"][1]["team_name"] = ""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(buffer, "w") as archive:
        for csv_file in sorted(write_folder(Path(scratch), tables).iterdir()):
            archive.write(csv_file, csv_file.name)
    return buffer.getvalue()


SIGNED_OUT = ["sign-in", "sign-in-error"]
SIGNED_IN = [*LEAD_PAGES, "import-problems", "not-found"]


def open_page(page: Page, base: str, which: str) -> bool:
    """Open `which` (a URL name or a state) as a person would; False if it is not a page (a
    download)."""
    if which in SIGNED_OUT:
        page.goto(base + reverse("login"))
        if which == "sign-in-error":
            page.fill("input[name=username]", "nobody")
            page.fill("input[name=password]", "wrong")
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_load_state()
        return True
    if which == "import-problems":
        page.goto(base + reverse("import"))
        page.set_input_files(
            "input[type=file][name=import_file]",
            files=[{"name": "council.zip", "mimeType": "application/zip", "buffer": _bad_import()}],
        )
        page.get_by_role("button", name="Check the file").click()
        page.wait_for_load_state()
        return True
    if which == "not-found":
        page.goto(base + "/teams/NO-SUCH-TEAM/")
        return True
    url = base + reverse(which, kwargs=ARGS.get(which))
    kind = page.request.get(url).headers.get("content-type", "")
    if not kind.startswith("text/html"):
        return False
    response = page.goto(url)
    assert response is not None and response.status == 200, (
        f"{which} answered {response and response.status} as the workforce lead: give "
        "tests/browser/register.py what the access matrix's ARGS name for it"
    )
    return True


def _check_every_page(page: Page, base: str, lead: User, check: Callable[[Page], None]) -> None:
    """Run `check` on every page, signed out then signed in as the workforce lead, and report
    every page that fails it at once."""
    failures: list[str] = []
    checked: list[str] = []
    for which in [*SIGNED_OUT, None, *SIGNED_IN]:
        if which is None:
            sign_in(page, base, lead)
            continue
        try:
            if not open_page(page, base, which):
                continue
            checked.append(which)
            check(page)
        except AssertionError as failure:
            failures.append(f"{which}: {failure}")
    assert {"dashboard", "team", "worker", "import"} <= set(checked)
    assert not failures, "\n\n".join(failures)


def _axe(page: Page) -> None:
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
            .then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)
            })))""",
        WCAG_22_AA,
    )
    assert result == [], f"{page.url}:\n{json.dumps(result, indent=2)}"


def test_no_page_has_a_wcag_22_aa_violation(
    audit_page: Page, live_server, register: None, lead: User
) -> None:
    _check_every_page(audit_page, live_server.url, lead, _axe)


# Everything a keyboard user should reach, and how to tell an element's focus is shown.
KEYBOARD_JS = """
() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),'
    + ' select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  const shown = el => {
    if (el.closest('[hidden], [inert]') || el.tabIndex < 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
  };
  const wanted = [...document.querySelectorAll(selector)].filter(shown);
  wanted.forEach((el, i) => el.dataset.keyboardCheck = String(i));
  return wanted.map(el => (el.textContent || el.name || el.id || el.tagName).trim().slice(0, 60));
}
"""
FOCUSED_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  const yellow = style.backgroundColor === 'rgb(255, 221, 0)';
  const box = el.getBoundingClientRect();
  // A date input's own controls (its calendar button) take focus inside the browser's shadow
  // tree: the input no longer matches :focus, and the browser draws its own ring there.
  const native = el.tagName === 'INPUT' && !el.matches(':focus');
  return {
    index: el.dataset.keyboardCheck ?? null,
    label: (el.textContent || el.name || el.id || el.tagName).trim().slice(0, 60),
    visible: (native || outline || shadow || yellow) && box.width > 1 && box.height > 1,
  };
}
"""


# Focus a point before everything on the page, so that the next Tab goes to its first stop
# (GOV.UK Frontend may have moved focus to an error summary when the page loaded).
FROM_THE_TOP_JS = """
() => {
  let start = document.getElementById('keyboard-check-start');
  if (!start) {
    start = document.createElement('span');
    start.id = 'keyboard-check-start';
    start.tabIndex = -1;
    document.body.prepend(start);
  }
  start.focus();
}
"""


def _keyboard(page: Page) -> None:
    wanted = page.evaluate(KEYBOARD_JS)
    reached: set[str] = set()
    unseen: list[str] = []
    page.evaluate(FROM_THE_TOP_JS)
    # Chromium also stops on scrollable regions, and leaves the page after its last stop: allow
    # for both, and stop once everything wanted has been reached.
    for _ in range(3 * len(wanted) + 30):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None:
            continue
        if not focused["visible"]:
            unseen.append(focused["label"])
        if focused["index"] is not None:
            reached.add(focused["index"])
        if len(reached) == len(wanted):
            break
    missed = [label for i, label in enumerate(wanted) if str(i) not in reached]
    assert not missed, f"{page.url}: not reached with Tab: {missed}"
    assert not unseen, f"{page.url}: focus not visible on {sorted(set(unseen))}"


def _skip_link(page: Page) -> None:
    page.evaluate(FROM_THE_TOP_JS)
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["label"] == "Skip to main content" and focused["visible"], focused
    page.keyboard.press("Enter")
    in_main = page.evaluate(
        "() => document.activeElement.id === 'main-content' || location.hash === '#main-content'"
    )
    assert in_main, f"{page.url}: the skip link does not move to the main content"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main, footer')"), (
        f"{page.url}: after the skip link, Tab goes back into the header"
    )


def _keyboard_and_skip_link(page: Page) -> None:
    _keyboard(page)
    _skip_link(page)


def test_every_page_works_by_keyboard_alone(
    audit_page: Page, live_server, register: None, lead: User
) -> None:
    _check_every_page(audit_page, live_server.url, lead, _keyboard_and_skip_link)


def test_the_benchmarks_a_councillor_reads_with_small_numbers_withheld_have_no_violation(
    audit_page: Page, live_server, register: None
) -> None:
    # A snapshot just before the latest published 30 September starts the register before it,
    # so the page has the register's figures of a handful of people: `c` to a councillor.
    CaseloadSnapshot.objects.create(
        worker=Worker.objects.get(worker_id="W1"),
        date=census_day(dfe.years()[-1]) - timedelta(days=3),
        cases=10,
    )
    councillor = User.objects.create_user(
        username="councillor", password=PASSWORD, role=Role.COUNCILLOR
    )
    authenticator(councillor)
    sign_in(audit_page, live_server.url, councillor)
    audit_page.goto(live_server.url + reverse("benchmarks"))
    assert audit_page.locator("#suppression-note").count() == 1
    _axe(audit_page)
    _keyboard_and_skip_link(audit_page)
