"""URL routes of the selection stage: commission side."""

urlpatterns: list = []
