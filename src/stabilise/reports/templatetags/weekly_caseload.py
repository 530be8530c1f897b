"""The weekly caseload report's display rules as template filters (see display.py)."""

from django import template

from stabilise.reports.weekly_caseload import display

register = template.Library()

register.filter("figure", display.figure)
register.filter("count", display.count)
register.filter("signed", display.signed)
register.filter("direction", display.direction)
register.filter("threshold", display.threshold)
