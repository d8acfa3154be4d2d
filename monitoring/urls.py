"""URL routes of monitoring: indicators, the half-yearly reports, the reports on the reserve."""

from django.urls import path

from monitoring.halfyear import views as halfyear
from monitoring.indicators import views as indicators
from monitoring.reporting import views as reporting

app_name = "monitoring"

urlpatterns = [
    path("indicators/", indicators.indicator_table, name="indicators"),
    path("indicators/export.xlsx", indicators.indicator_export, name="indicator_export"),
    path("indicators/<slug:code>/", indicators.indicator_detail, name="indicator"),
    path("summary/", reporting.strategic_summary, name="strategic_summary"),
    path("summary/file.<str:fmt>", reporting.strategic_summary, name="strategic_summary_file"),
    path("documents/", reporting.report_documents, name="report_documents"),
    path(
        "documents/municipality/<int:pk>/<int:year>-<int:half>.<str:fmt>",
        reporting.municipal_report,
        name="municipal_report",
    ),
    path("documents/annual/<int:year>.<str:fmt>", reporting.annual_report, name="annual_report"),
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
