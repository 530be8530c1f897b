"""Early warnings and who may be next: in a module of their own, included by retention/urls.py."""

from django.urls import path

from stabilise.retention import alert_views, who_may_be_next_views

urlpatterns = [
    path("early-warnings/", alert_views.early_warnings, name="early_warnings"),
    path("early-warnings/rules/", alert_views.rule_list, name="early_warning_rules"),
    path("early-warnings/rules/new/", alert_views.rule_new, name="early_warning_rule_new"),
    path("early-warnings/rules/<int:rule_id>/", alert_views.rule_change, name="early_warning_rule"),
    path("who-may-be-next/", who_may_be_next_views.who_may_be_next, name="who_may_be_next"),
]
