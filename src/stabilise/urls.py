from django.conf import settings
from django.urls import include, path

urlpatterns = [
    # Single sign-on's steps, when configured (accounts/oidc.py, README "Single sign-on").
    *([path("oidc/", include("mozilla_django_oidc.urls"))] if settings.OIDC_ENABLED else []),
    path("", include("stabilise.ui.urls")),
    path("", include("stabilise.accounts.urls")),
    path("reports/", include("stabilise.reports.urls")),
    path("benchmarks/", include("stabilise.benchmarks.urls")),
    path("academy/", include("stabilise.academy.urls")),
    path("retention/", include("stabilise.retention.urls")),
]

# A GOV.UK page, never Django's own, when something goes wrong (ui/errors.py).
handler500 = "stabilise.ui.errors.server_error"
