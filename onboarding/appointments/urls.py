"""Routes of appointments."""

from django.urls import path

from onboarding.appointments import views

urlpatterns = [
    path("appointments/", views.appointment_list, name="appointment_list"),
    path("appointments/<int:pk>/", views.appointment_detail, name="appointment_detail"),
    path("appointments/<int:pk>/attestation/", views.attestation_view, name="attestation"),
    path("appointments/<int:pk>/order/", views.order_view, name="appointment_order"),
    path("appointments/<int:pk>/appoint/", views.appointment_make_view, name="appointment_make"),
    path("appointments/<int:pk>/cancel/", views.appointment_cancel_view, name="appointment_cancel"),
    path("appointments/<int:pk>/order/download/", views.order_download, name="order_download"),
]
