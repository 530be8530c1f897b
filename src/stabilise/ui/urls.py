from django.contrib.auth import views as auth_views
from django.urls import path

from stabilise.ui import views
from stabilise.ui.forms import SignInForm

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("teams/", views.teams, name="teams"),
    path("teams/<str:team_id>/", views.team_detail, name="team"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="ui/sign_in.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
]
