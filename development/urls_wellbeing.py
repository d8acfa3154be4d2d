"""Routes of the well-being pulse."""

from django.urls import path

from development.views import wellbeing

urlpatterns = [
    path("pulse/", wellbeing.pulse, name="pulse"),
    path("pulse/consent/", wellbeing.pulse_consent, name="pulse_consent"),
    path("pulse/answer/", wellbeing.pulse_answer, name="pulse_answer"),
    path("pulse/withdraw/", wellbeing.pulse_withdraw, name="pulse_withdraw"),
    path("pulse/summary/", wellbeing.pulse_summary_view, name="pulse_summary"),
]
