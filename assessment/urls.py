"""URL routes of the assessment stage, one module per side of the work."""

from assessment import urls_participant, urls_staff

app_name = "assessment"

urlpatterns = [
    *urls_participant.urlpatterns,
    *urls_staff.urlpatterns,
]
