from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from stabilise.ui import health, import_page, views, worker_page
from stabilise.ui.forms import SignInForm

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("teams/", views.teams, name="teams"),
    path("teams/<str:team_id>/", views.team_detail, name="team"),
    # A worker id is a council's own reference, which may hold a slash (an agency's "AG/123").
    path("workers/<path:worker_id>/", worker_page.worker_detail, name="worker"),
    path("import/", import_page.import_upload, name="import"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="ui/sign_in.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
            extra_context={"single_sign_on": settings.OIDC_ENABLED},
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("health/", health.health, name="health"),
]
