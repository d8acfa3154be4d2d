"""URL routes of monitoring: the half-yearly reports (the dashboards and reports join later)."""

from django.urls import path

from monitoring.halfyear import views as halfyear

app_name = "monitoring"

urlpatterns = [
    path("reports/my/", halfyear.my_reports, name="my_reports"),
    path(
        "reports/my/<int:membership_pk>/<str:due_on>/",
        halfyear.report_begin,
        name="report_begin",
    ),
    path("reports/<int:pk>/", halfyear.report_detail, name="report"),
    path("reports/", halfyear.report_list, name="report_list"),
    path("reports/mentees/", halfyear.mentee_reports, name="mentee_reports"),
]
