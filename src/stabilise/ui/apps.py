from typing import Any

from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "stabilise.ui"
    verbose_name = "User interface"

    def ready(self) -> None:
        share_one_jinja_environment()


def share_one_jinja_environment() -> None:
    """Make govuk-frontend-django compile each component's macros once per process.

    Its components build a new Jinja environment on every render, so nothing it compiles is
    kept: about 50 to 130 ms per component, a quarter of a second on every page. Handing out
    one environment instead lets Jinja's own template cache work. (govuk-frontend-django 0.22;
    pinned below 0.23 in pyproject.toml, so a release that changes this is a deliberate bump.)
    """
    import jinja2
    from govuk_frontend_django.components import base

    shared: list[jinja2.Environment] = []

    def environment(*args: Any, **kwargs: Any) -> jinja2.Environment:
        if not shared:
            shared.append(jinja2.Environment(*args, **kwargs))
        return shared[0]

    base.Environment = environment  # type: ignore[misc,assignment]
