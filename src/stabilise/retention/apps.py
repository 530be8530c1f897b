from django.apps import AppConfig


class RetentionConfig(AppConfig):
    # Leavers, exit interviews, themes, early warnings and retention curves (issue 5).
    name = "stabilise.retention"
    label = "retention"
    verbose_name = "Retention"

    def ready(self) -> None:
        from stabilise.retention import checks  # noqa: F401  (registers them)

        # The import pipeline writes the `exit_interviews` file through this app's writer.
        from stabilise.retention.loading import write_exit_interviews
        from stabilise.workforce.importing.loading import FILE_WRITERS

        FILE_WRITERS["exit_interviews"] = write_exit_interviews
