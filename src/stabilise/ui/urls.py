from django.contrib.auth import views as auth_views
from django.urls import path

from stabilise.ui import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
]
