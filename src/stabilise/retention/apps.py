from django.apps import AppConfig


class RetentionConfig(AppConfig):
    # Leavers, exit interviews, themes, early warnings and retention curves (issue 5).
    name = "stabilise.retention"
    label = "retention"
    verbose_name = "Retention"
