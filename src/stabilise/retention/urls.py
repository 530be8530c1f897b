from django.urls import include, path

from stabilise.retention import (
    home_views,
    interview_views,
    survival_views,
    theme_list_views,
    theme_views,
    views,
)

urlpatterns = [
    path("", home_views.retention_home, name="retention"),
    path("", include("stabilise.retention.alert_urls")),
    path("leavers/", views.leaver_list, name="leavers"),
    path("leavers/<str:worker_id>/", views.leaver_detail, name="leaver"),
    path("themes/", theme_views.exit_themes, name="exit_themes"),
    path("themes/list/", theme_list_views.theme_list, name="exit_theme_list"),
    path("survival/", survival_views.retention_curves, name="retention_curves"),
    path("exit-interviews/", interview_views.exit_interview_list, name="exit_interviews"),
    path("exit-interviews/<str:worker_id>/", interview_views.exit_interview, name="exit_interview"),
    path(
        "questionnaire/<str:token>/",
        interview_views.exit_questionnaire,
        name="exit_questionnaire",
    ),
]
