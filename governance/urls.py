"""URL routes of the Regulation pages."""

from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("", views.regulation_detail, name="regulation"),
    path("document.docx", views.document_in_force, name="document"),
    path("versions/", views.version_list, name="version_list"),
    path("versions/new/", views.version_create, name="version_create"),
    path("versions/<int:number>/", views.version_detail, name="version_detail"),
    path("versions/<int:number>/document.docx", views.version_document, name="version_document"),
]
