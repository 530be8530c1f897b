"""Template filters of the academy's pages."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """`mapping[key]`, or None: names looked up by worker id."""
    return mapping.get(key) if mapping else None
