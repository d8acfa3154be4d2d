"""URL routes of the Regulation pages."""

from django.urls import path

from governance import views, views_consent, views_orders, views_templates

app_name = "governance"

urlpatterns = [
    path("", views.regulation_detail, name="regulation"),
    path("document.docx", views.document_in_force, name="document"),
    path("versions/", views.version_list, name="version_list"),
    path("versions/new/", views.version_create, name="version_create"),
    path("versions/<int:number>/", views.version_detail, name="version_detail"),
    path("versions/<int:number>/document.docx", views.version_document, name="version_document"),
    path("consent/", views_consent.consent_texts, name="consent_texts"),
    path("consent/renew/", views_consent.consent_renew, name="consent_renew"),
    path("orders/", views_orders.order_list, name="order_list"),
    path("orders/<int:pk>/document.docx", views_orders.order_document, name="order_document"),
    path("templates/", views_templates.template_list, name="template_list"),
    path("templates/<slug:code>/", views_templates.template_detail, name="template_detail"),
    path(
        "templates/<slug:code>/<int:version>.docx",
        views_templates.template_download,
        name="template_download",
    ),
    path(
        "templates/<slug:code>/<int:version>/restore/",
        views_templates.template_restore,
        name="template_restore",
    ),
]
