"""URL routes of the competency model (everyone) and the knowledge-test bank (ministry)."""

from django.urls import path

from assessment.framework import views

urlpatterns = [
    path("model/", views.model_page, name="competency_model"),
    path("staff/bank/", views.bank_import, name="bank_import"),
    path("staff/bank/confirm/", views.bank_import_confirm, name="bank_import_confirm"),
    path("staff/bank/template.xlsx", views.bank_template, name="bank_template"),
]
