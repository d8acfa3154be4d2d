"""URL routes of the selection stage, one module per side of the work."""

from candidates import urls_applicant, urls_commission, urls_staff

app_name = "candidates"

urlpatterns = [
    *urls_applicant.urlpatterns,
    *urls_staff.urlpatterns,
    *urls_commission.urlpatterns,
]
