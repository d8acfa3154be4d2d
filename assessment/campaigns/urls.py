"""URL routes of the campaign pages (ministry; coordinators read their territory's progress and
ranking)."""

from django.urls import path

from assessment.campaigns.views import cohort, progress, ranking, setup

urlpatterns = [
    path("staff/campaigns/", setup.campaign_list, name="campaign_list"),
    path("staff/campaigns/new/", setup.campaign_create, name="campaign_create"),
    path("staff/campaigns/<int:pk>/", progress.campaign_progress, name="campaign_progress"),
    path("staff/campaigns/<int:pk>/edit/", setup.campaign_edit, name="campaign_edit"),
    path("staff/campaigns/<int:pk>/cohort/", cohort.campaign_cohort, name="campaign_cohort"),
    path(
        "staff/campaigns/<int:pk>/cohort/<int:participant_pk>/remove/",
        cohort.participant_remove,
        name="participant_remove",
    ),
    path(
        "staff/campaigns/<int:pk>/status/<slug:action>/",
        progress.campaign_status,
        name="campaign_status",
    ),
    path("staff/campaigns/<int:pk>/remind/", progress.campaign_remind, name="campaign_remind"),
    path(
        "staff/campaigns/<int:pk>/recompute/",
        progress.campaign_recompute,
        name="campaign_recompute",
    ),
    path(
        "staff/campaigns/<int:pk>/attempts/<int:attempt_pk>/void/",
        progress.test_attempt_void,
        name="test_attempt_void",
    ),
    path("staff/campaigns/<int:pk>/ranking/", ranking.campaign_ranking, name="campaign_ranking"),
    path(
        "staff/campaigns/<int:pk>/ranking/export/",
        ranking.campaign_ranking_export,
        name="campaign_ranking_export",
    ),
]
