from typing import Any

from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "stabilise.ui"
    verbose_name = "User interface"

    def ready(self) -> None:
        share_one_jinja_environment()


def share_one_jinja_environment() -> None:
    """Make govuk-frontend-django compile each component once per process.

    Its components build a new Jinja environment on every render, so nothing it compiles is
    kept: about 50 to 130 ms per component, a quarter of a second on every page. Handing out
    one environment instead lets Jinja's own template cache keep the macros. Each render also
    compiles a one-line template that imports the macro (`env.from_string`), which Jinja never
    caches: 5 to 10 ms per component, four or more on every page; the shared environment keeps
    those too, by their text. (govuk-frontend-django 0.22; pinned below 0.23 in pyproject.toml,
    so a release that changes this is a deliberate bump.)
    """
    import jinja2
    from govuk_frontend_django.components import base

    class KeepsWhatItCompiles(jinja2.Environment):
        compiled: dict[str, jinja2.Template]

        def from_string(  # type: ignore[override]
            self, source: str, globals: Any = None, template_class: Any = None
        ) -> jinja2.Template:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            template = self.compiled.get(source)
            if template is None:
                template = self.compiled[source] = super().from_string(source)
            return template

    shared: list[jinja2.Environment] = []

    def environment(*args: Any, **kwargs: Any) -> jinja2.Environment:
        if not shared:
            one = KeepsWhatItCompiles(*args, **kwargs)
            one.compiled = {}
            shared.append(one)
        return shared[0]

    base.Environment = environment  # type: ignore[misc,assignment]
