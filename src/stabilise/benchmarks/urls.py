from django.urls import path

from stabilise.benchmarks import views

urlpatterns = [
    path("", views.benchmark_page, name="benchmarks"),
]
