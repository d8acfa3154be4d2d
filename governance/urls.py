"""URL routes of the Regulation pages."""

app_name = "governance"

urlpatterns: list = []
