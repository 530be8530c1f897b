"""GOV.UK components through govuk-frontend-django, compiled once per process (ui/apps.py)."""

import jinja2
from govuk_frontend_django.components.back_link import GovUKBackLink


def test_a_component_is_compiled_once_and_renders_the_same_each_time(monkeypatch) -> None:
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append(str(source)[:60])
        return compile_source(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    first = GovUKBackLink(href="/teams/", text="All teams").render()
    compiled_first = len(compiled)
    second = GovUKBackLink(href="/teams/", text="All teams").render()
    other = GovUKBackLink(href="/", text="Home").render()

    assert first == second
    assert 'href="/teams/"' in first and "All teams" in first
    assert 'href="/"' in other and "Home" in other
    assert len(compiled) == compiled_first, "the second and third renders compiled nothing"
