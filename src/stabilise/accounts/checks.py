"""System checks that stop a server starting with settings that must never reach production.

`stabilise serve`, `migrate` and every other command run them first, and refuse on an error.
"""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@register()
def demo_mode_is_local_only(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The demo bypass lets demo accounts skip two-factor: only on a DEBUG server on this machine."""
    if not settings.DEMO_MODE:
        return []
    remote = sorted(set(settings.ALLOWED_HOSTS) - LOCAL_HOSTS)
    if settings.DEBUG and not remote:
        return []
    why = "DEBUG is off" if not settings.DEBUG else f"ALLOWED_HOSTS has {', '.join(remote)}"
    return [
        Error(
            f"STABILISE_DEMO_MODE is on but this is not a local demo ({why}): demo accounts "
            "would sign in without two-factor.",
            hint="Unset STABILISE_DEMO_MODE in production; it is for `make run` only.",
            id="stabilise.E001",
        )
    ]


@register()
def single_sign_on_is_whole(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Single sign-on is on only with every setting it needs (README, "Single sign-on")."""
    if not settings.OIDC_ENABLED:
        return []
    missing = [name for name in settings.OIDC_REQUIRED if not getattr(settings, name, "")]
    if not missing:
        return []
    return [
        Error(
            f"Single sign-on is half configured: {', '.join(missing)} not set.",
            hint="Set every OIDC_* variable of the README, or none of them.",
            id="stabilise.E002",
        )
    ]
