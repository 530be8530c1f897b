from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "stabilise.ui"
    verbose_name = "User interface"
