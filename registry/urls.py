from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/export/", views.organization_export, name="organization_export"),
    path("organizations/lookup/", views.organization_lookup, name="organization_lookup"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
]
