from django.urls import path

from stabilise.retention import views

urlpatterns = [
    path("leavers/", views.leaver_list, name="leavers"),
    path("leavers/<str:worker_id>/", views.leaver_detail, name="leaver"),
]
