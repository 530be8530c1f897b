"""A person at a browser, for the page benchmark: cookies, forms, redirects, and a stopwatch.

Python's own http.client, one connection per request (gunicorn's sync workers close every
connection after its response, as they would behind a proxy). Every response is recorded with
the kind of page it was, its status and how long it took from sending the request to the last
byte of the body; a redirect is recorded, then followed only where the step expects one.
"""

import http.client
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from django_otp.oath import totp

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
ASSETS = re.compile(rb'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href|script[^>]+src)="(/[^"]+)"')


@dataclass(frozen=True)
class Response:
    kind: str
    status: int
    seconds: float
    started: float
    location: str
    body: bytes


@dataclass
class Browser:
    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    seen: list[Response] = field(default_factory=list)
    fetched_assets: set[str] = field(default_factory=set)

    def request(
        self, kind: str, method: str, path: str, form: dict[str, str] | None = None
    ) -> Response:
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "stabilise-benchmark"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Django checks a POST's origin against the host when there is one.
            headers["Origin"] = f"http://{self.host}:{self.port}"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        response = Response(
            kind, answer.status, seconds, started, answer.headers.get("Location", ""), content
        )
        self.seen.append(response)
        return response

    def get(self, kind: str, path: str) -> Response:
        return self.request(kind, "GET", path)

    def post_form(self, kind: str, path: str, page: Response, fields: dict[str, str]) -> Response:
        found = CSRF_FIELD.search(page.body)
        if found is None:
            raise BrowsingError(f"no CSRF token on the {kind} form")
        return self.request(
            kind, "POST", path, {"csrfmiddlewaretoken": found.group(1).decode(), **fields}
        )

    def assets_of(self, page: Response) -> None:
        """The stylesheet, icon and scripts of a page, once: after that the browser has them."""
        for path in ASSETS.findall(page.body):
            address = path.decode()
            if address not in self.fetched_assets:
                self.fetched_assets.add(address)
                self.get("static files", address)


class BrowsingError(Exception):
    """A step did not get the answer a person would have got."""


def expect(response: Response, status: int, location: str | None = None) -> Response:
    if response.status != status or (location is not None and response.location != location):
        raise BrowsingError(
            f"{response.kind}: expected {status} {location or ''}, got {response.status} "
            f"{response.location}"
        )
    return response


def code_now(key_hex: str, step: int, digits: int) -> str:
    """The code the person's authenticator shows now, from its key (tests/conftest.totp_code)."""
    return f"{totp(bytes.fromhex(key_hex), step, 0, digits, 0):0{digits}d}"


def sign_in(browser: Browser, person: dict[str, object]) -> str:
    """Password, then the code from the phone, as a person does; the page it lands on."""
    form = expect(browser.get("sign-in page", "/sign-in/"), 200)
    sent = browser.post_form(
        "password",
        "/sign-in/",
        form,
        {"username": str(person["username"]), "password": str(person["password"]), "next": ""},
    )
    expect(sent, 302, "/")
    expect(browser.get("sent to two-factor", "/"), 302, "/two-factor/?next=%2F")
    code_page = expect(browser.get("code page", "/two-factor/?next=%2F"), 200)
    code = code_now(str(person["key"]), int(str(person["step"])), int(str(person["digits"])))
    entered = browser.post_form("code", "/two-factor/", code_page, {"code": code, "next": "/"})
    expect(entered, 302, "/")
    landing = browser.get("first page", "/")
    if landing.status == 302 and landing.location.startswith("/workers/"):
        # A social worker lands on their own record (accounts.access.home_page).
        expect(browser.get("first page", landing.location), 200)
        return landing.location
    expect(landing, 200)
    return "/"
