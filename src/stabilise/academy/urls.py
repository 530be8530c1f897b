from django.urls import path

from stabilise.academy import form_views, views

NQSW = "cohorts/<str:label>/nqsws/<str:worker_id>/"

urlpatterns = [
    path("", views.academy_home, name="academy"),
    path("cohorts.xlsx", views.cohorts_xlsx, name="academy_cohorts_xlsx"),
    path("reviews/", views.reviews, name="academy_reviews"),
    path("mentors/", views.mentors, name="academy_mentors"),
    path("cohorts/new/", form_views.cohort_form, name="academy_cohort_new"),
    path("cohorts/<str:label>/", views.cohort, name="academy_cohort"),
    path("cohorts/<str:label>/change/", form_views.cohort_form, name="academy_cohort_edit"),
    path("cohorts/<str:label>/add/", form_views.nqsw_form, name="academy_nqsw_add"),
    path(NQSW, views.nqsw, name="academy_nqsw"),
    path(NQSW + "change/", form_views.nqsw_form, name="academy_nqsw_edit"),
    path(NQSW + "review/", form_views.review_form, name="academy_review"),
    path(NQSW + "supervision/", form_views.supervision_form, name="academy_supervision"),
    path(NQSW + "panel/", form_views.panel_form, name="academy_panel"),
]
