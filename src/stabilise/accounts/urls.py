from django.urls import path

from stabilise.accounts import audit_page, two_factor

urlpatterns = [
    path("two-factor/", two_factor.verify, name="two_factor_verify"),
    path("two-factor/set-up/", two_factor.setup, name="two_factor_setup"),
    path("audit/", audit_page.audit, name="audit"),
]
