"""Routes of the catalogue of activities."""

from django.urls import path

from development.catalogue import views

urlpatterns = [
    # The catalogue (staff manage and import it).
    path("catalogue/", views.activity_list, name="catalogue"),
    path("catalogue/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("catalogue/import/", views.catalogue_import, name="catalogue_import"),
    path(
        "catalogue/import/confirm/",
        views.catalogue_import_confirm,
        name="catalogue_import_confirm",
    ),
    path("catalogue/import/template.xlsx", views.catalogue_template, name="catalogue_template"),
]
