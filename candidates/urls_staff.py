"""URL routes of the selection stage: staff side."""

urlpatterns: list = []
