"""URL routes of the selection stage: applicant side."""

urlpatterns: list = []
