from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "stabilise.academy"
    label = "academy"
    verbose_name = "ASYE academy"

    def ready(self) -> None:
        # The `asye` import file is checked with the register's and written by this app.
        from stabilise.academy.loading import write_asye
        from stabilise.workforce.importing.loading import FILE_WRITERS

        FILE_WRITERS["asye"] = write_asye
