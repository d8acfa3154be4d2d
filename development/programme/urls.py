"""Routes of the comprehensive programme (everyone signed in)."""

from django.urls import path

from development.programme import views

urlpatterns = [
    path("programme/", views.programme_page, name="programme"),
    path("programme/document.docx", views.programme_download, name="programme_download"),
]
