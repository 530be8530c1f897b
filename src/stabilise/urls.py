from django.urls import include, path

urlpatterns = [
    path("", include("stabilise.ui.urls")),
]
