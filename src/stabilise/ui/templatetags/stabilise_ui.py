"""Template tags of our own: the service navigation and how figures are written on a page."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.template.context import RequestContext
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from govuk_frontend_django.components.service_navigation import (
    GovUKServiceNavigation,
    ServiceNavigationNavigation,
    ServiceNavigationSlots,
)

from stabilise.accounts.access import may_open

register = template.Library()

NOT_AVAILABLE = "Not available"

# (label, url name). A section is current on its own page and on every page below its address
# (a team under /teams/, a cohort under /academy/), so a new page needs no entry here.
SECTIONS = (
    ("Dashboard", "dashboard"),
    ("Teams", "teams"),
    ("Weekly caseloads", "weekly_caseload"),
    ("Benchmarks", "benchmarks"),
    ("Academy", "academy"),
    # One entry for the retention pages: retention/home_views.py lists them.
    ("Retention", "retention"),
    ("Import", "import"),
    ("Audit log", "audit"),
)


@register.simple_tag(takes_context=True)
def service_navigation(context: RequestContext) -> SafeString:
    """The service name, and for a signed-in user the sections they may open, "My record" if
    they have one in the register, and Sign out.

    Sign out is a form in the navigation's end slot: Django signs out only on POST, and a form
    works without JavaScript where a link that posts would not.
    """
    request = context["request"]
    navigation: list[ServiceNavigationNavigation] = []
    slots = None
    if request.user.is_authenticated:
        match = request.resolver_match
        here = match.url_name if match else None
        user = request.user
        for label, url_name in SECTIONS:
            if not may_open(user, url_name):
                continue
            href = reverse(url_name)
            below = href != "/" and request.path.startswith(href)
            navigation.append(
                ServiceNavigationNavigation(
                    text=label,
                    href=href,
                    # The page itself is "current"; a page below it (a team) only "active".
                    current=here == url_name or None,
                    active=here == url_name or below or None,
                )
            )
        own = user.worker
        if own is not None and may_open(user, "worker"):
            url = reverse("worker", kwargs={"worker_id": own.worker_id})
            navigation.append(
                ServiceNavigationNavigation(
                    text="My record", href=url, current=request.path == url or None
                )
            )
        slots = ServiceNavigationSlots(
            navigationEnd=render_to_string("ui/_sign_out.html", request=request)
        )
    component = GovUKServiceNavigation(
        serviceName="Stabilise",
        serviceUrl=reverse("dashboard"),
        navigation=navigation,
        slots=slots,
    )
    return SafeString(component.render())


def _one_decimal(value: float) -> str:
    # Half up, as the DfE rounds its published figures (Python's round() goes half to even);
    # via repr so that 2.25 is 2.25, not the binary 2.2499999...
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@register.filter
def one_decimal(value: float | None) -> str:
    """A figure to one decimal place, as the DfE publishes them."""
    return NOT_AVAILABLE if value is None else _one_decimal(float(value))


@register.filter
def percent(value: float | None) -> str:
    """A rate (already out of 100) to one decimal place, with its % sign."""
    return NOT_AVAILABLE if value is None else f"{_one_decimal(float(value))}%"


@register.filter
def fte(value: Decimal | None) -> str:
    """A person's or a post's own FTE as recorded (0.75 stays 0.75), without stored zeros."""
    if value is None:
        return ""
    written = f"{Decimal(value).normalize():f}"
    return written if "." in written else f"{written}.0"
