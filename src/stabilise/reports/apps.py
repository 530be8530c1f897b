from django.apps import AppConfig


class ReportsConfig(AppConfig):
    # An app (with no models) so that its templates, template tags and the `report` command
    # are found the way Django finds every other app's.
    name = "stabilise.reports"
    label = "reports"
    verbose_name = "Reports"
