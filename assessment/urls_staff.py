"""URL routes of the assessment stage: staff, experts, results and the talent review."""

from django.urls import path

from assessment.views import expert, panels, results, staff, talent

urlpatterns = [
    # Campaigns (ministry; coordinators read their territory's progress and ranking).
    path("staff/campaigns/", staff.campaign_list, name="campaign_list"),
    path("staff/campaigns/new/", staff.campaign_create, name="campaign_create"),
    path("staff/campaigns/<int:pk>/", staff.campaign_progress, name="campaign_progress"),
    path("staff/campaigns/<int:pk>/edit/", staff.campaign_edit, name="campaign_edit"),
    path("staff/campaigns/<int:pk>/cohort/", staff.campaign_cohort, name="campaign_cohort"),
    path(
        "staff/campaigns/<int:pk>/cohort/<int:participant_pk>/remove/",
        staff.participant_remove,
        name="participant_remove",
    ),
    path(
        "staff/campaigns/<int:pk>/status/<slug:action>/",
        staff.campaign_status,
        name="campaign_status",
    ),
    path("staff/campaigns/<int:pk>/remind/", staff.campaign_remind, name="campaign_remind"),
    path(
        "staff/campaigns/<int:pk>/recompute/", staff.campaign_recompute, name="campaign_recompute"
    ),
    path(
        "staff/campaigns/<int:pk>/attempts/<int:attempt_pk>/void/",
        staff.test_attempt_void,
        name="test_attempt_void",
    ),
    path("staff/campaigns/<int:pk>/ranking/", staff.campaign_ranking, name="campaign_ranking"),
    path(
        "staff/campaigns/<int:pk>/ranking/export/",
        staff.campaign_ranking_export,
        name="campaign_ranking_export",
    ),
    # Expert panels (ministry).
    path("staff/campaigns/<int:pk>/experts/", panels.campaign_experts, name="campaign_experts"),
    path(
        "staff/campaigns/<int:pk>/experts/<int:participant_pk>/<int:ci_pk>/assign/",
        panels.expert_assign,
        name="expert_assign",
    ),
    path(
        "staff/campaigns/<int:pk>/experts/assignments/<int:assignment_pk>/unassign/",
        panels.expert_unassign,
        name="expert_unassign",
    ),
    path("staff/campaigns/<int:pk>/calibration/", panels.calibration, name="calibration"),
    path(
        "staff/campaigns/<int:pk>/calibration/<int:participant_pk>/<int:ci_pk>/<int:criterion_pk>/",
        panels.calibration_decide,
        name="calibration_decide",
    ),
    path("staff/experts/", panels.expert_profiles, name="expert_profiles"),
    # The expert's own pages.
    path("expert/", expert.expert_home, name="expert_home"),
    path("expert/assignments/<int:pk>/", expert.expert_assignment, name="expert_assignment"),
    path("expert/assignments/<int:pk>/declare/", expert.expert_declare, name="expert_declare"),
    path("expert/assignments/<int:pk>/rate/", expert.expert_rate, name="expert_rate"),
    # Results.
    path("results/<int:pk>/", results.result_detail, name="result_detail"),
    path(
        "results/<int:pk>/instruments/<int:ci_pk>/",
        results.result_evidence,
        name="result_evidence",
    ),
    path("results/<int:pk>/report.docx", results.result_download, name="result_download"),
    path("results/<int:pk>/complete/", results.result_complete, name="result_complete"),
    # Talent review.
    path("talent/", talent.talent_review, name="talent_review"),
    path("talent/<int:pk>/", talent.talent_person, name="talent_person"),
    path("talent/<int:pk>/rate/", talent.talent_rate, name="talent_rate"),
    path("talent/<int:pk>/note/", talent.talent_note, name="talent_note"),
]
