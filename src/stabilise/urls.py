from django.urls import include, path

urlpatterns = [
    path("", include("stabilise.ui.urls")),
    path("reports/", include("stabilise.reports.urls")),
    path("benchmarks/", include("stabilise.benchmarks.urls")),
    path("academy/", include("stabilise.academy.urls")),
    path("retention/", include("stabilise.retention.urls")),
]
