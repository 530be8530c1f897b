from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stabilise.accounts"
    verbose_name = "Accounts"
