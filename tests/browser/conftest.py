"""Real-browser tests: Playwright driving Debian's Chromium against a live server.

Playwright's own browser download is never used (it cannot be fetched here, and CI installs
Debian's `chromium`). Without /usr/bin/chromium these tests skip, saying so.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import reverse

from stabilise.accounts.models import Role, User
from tests.browser.register import build_register
from tests.conftest import authenticator, totp_code

CHROMIUM = Path("/usr/bin/chromium")
NO_CHROMIUM = (
    "real-browser tests skipped: Debian's Chromium is not installed at /usr/bin/chromium "
    "(apt-get install chromium; CI installs it)"
)
PASSWORD = "correct horse battery staple"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{NO_CHROMIUM}, but this is CI, where they must run")
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in the test's thread, which Django's
    # guard against the ORM in async code mistakes for async code. The tests are synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            )
            yield chromium
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def register(transactional_db: None) -> None:
    build_register()


@pytest.fixture
def lead(transactional_db: None) -> User:
    """The workforce lead, with a confirmed authenticator app for two-factor sign-in."""
    user = User.objects.create_user(username="lead", password=PASSWORD, role=Role.WORKFORCE_LEAD)
    authenticator(user)
    return user


def sign_in(page, base_url: str, user: User, password: str = PASSWORD) -> bool:  # type: ignore[no-untyped-def]
    """Sign in through the pages, with the two-factor code when they ask for one (which they
    do for every role); True if they asked."""
    page.goto(base_url + reverse("login"))
    page.fill("input[name=username]", user.get_username())
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    code_box = page.locator("input[autocomplete='one-time-code']")
    if not code_box.count():
        return False
    code_box.first.fill(totp_code(authenticator(user)))
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()
    return True


def _page(browser, bypass_csp: bool) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=bypass_csp, accept_downloads=True)
    # How long an action waits for the page, not a limit on how fast the page must be.
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A page under the site's own content security policy, as a person's browser has it."""
    yield from _page(browser, bypass_csp=False)


@pytest.fixture
def audit_page(browser, live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A page that lets the tests inject axe-core, which the site's policy would refuse."""
    yield from _page(browser, bypass_csp=True)
