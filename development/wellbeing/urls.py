"""Routes of the well-being pulse."""

from django.urls import path

from development.wellbeing import views

urlpatterns = [
    path("wellbeing/", views.pulse, name="wellbeing"),
    path("wellbeing/consent/", views.pulse_consent, name="wellbeing_consent"),
    path("wellbeing/answer/", views.pulse_answer, name="wellbeing_answer"),
    path("wellbeing/withdraw/", views.pulse_withdraw, name="wellbeing_withdraw"),
    path("wellbeing/aggregates/", views.pulse_summary_view, name="wellbeing_aggregates"),
    path("wellbeing/support/", views.support_ask, name="wellbeing_support"),
    path("wellbeing/support-requests/", views.support_requests, name="support_requests"),
    path(
        "wellbeing/support-requests/<int:pk>/done/",
        views.support_request_done,
        name="support_request_done",
    ),
]
