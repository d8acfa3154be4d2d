"""URL routes of the roadmap pages."""

from django.urls import path

from governance.roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("", views.roadmap, name="roadmap"),
    path("<int:pk>/", views.item_detail, name="item"),
    path("export.xlsx", views.roadmap_export, name="export"),
    path("document.docx", views.roadmap_docx, name="document"),
    path("template.xlsx", views.roadmap_template, name="template"),
    path("import/", views.roadmap_import, name="import"),
    path("import/confirm/", views.roadmap_import_confirm, name="import_confirm"),
]
