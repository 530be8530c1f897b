from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stabilise.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from stabilise.accounts import checks, signals  # noqa: F401  (registers them)
