from django.apps import AppConfig


class FiguresConfig(AppConfig):
    # The figures pages show, computed once per change of the data they come from.
    name = "stabilise.figures"
    label = "figures"
    verbose_name = "Computed figures"

    def ready(self) -> None:
        from stabilise.figures.version import watch_the_data

        watch_the_data()
