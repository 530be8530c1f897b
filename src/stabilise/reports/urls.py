from django.urls import path

from stabilise.reports import views

urlpatterns = [
    path("weekly-caseload/", views.weekly_caseload_page, name="weekly_caseload"),
    path("weekly-caseload.xlsx", views.weekly_caseload_xlsx, name="weekly_caseload_xlsx"),
]
