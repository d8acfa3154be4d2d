"""URL routes of a participant's result and of the talent review."""

from django.urls import path

from assessment.results.views import results, talent

urlpatterns = [
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
