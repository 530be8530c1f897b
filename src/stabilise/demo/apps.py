from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "stabilise.demo"
    verbose_name = "Demo council"
