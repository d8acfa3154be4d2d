"""URL routes of the expert panels: the ministry's assignments and calibration, the expert's own
pages."""

from django.urls import path

from assessment.experts.views import assignments, calibration, rating, work

urlpatterns = [
    # Expert panels (ministry).
    path(
        "staff/campaigns/<int:pk>/experts/",
        assignments.campaign_experts,
        name="campaign_experts",
    ),
    path(
        "staff/campaigns/<int:pk>/experts/<int:participant_pk>/<int:ci_pk>/assign/",
        assignments.expert_assign,
        name="expert_assign",
    ),
    path(
        "staff/campaigns/<int:pk>/experts/assignments/<int:assignment_pk>/unassign/",
        assignments.expert_unassign,
        name="expert_unassign",
    ),
    path("staff/campaigns/<int:pk>/calibration/", calibration.calibration, name="calibration"),
    path(
        "staff/campaigns/<int:pk>/calibration/<int:participant_pk>/<int:ci_pk>/<int:criterion_pk>/",
        calibration.calibration_decide,
        name="calibration_decide",
    ),
    path("staff/experts/", assignments.expert_profiles, name="expert_profiles"),
    # The expert's own pages.
    path("expert/", rating.expert_home, name="expert_home"),
    path("expert/assignments/<int:pk>/", rating.expert_assignment, name="expert_assignment"),
    path("expert/assignments/<int:pk>/declare/", rating.expert_declare, name="expert_declare"),
    path("expert/assignments/<int:pk>/rate/", rating.expert_rate, name="expert_rate"),
    path(
        "expert/assignments/<int:pk>/work/<int:file_pk>/",
        work.expert_work_file,
        name="expert_work_file",
    ),
]
