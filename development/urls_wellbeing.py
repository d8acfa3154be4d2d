"""Routes of the well-being pulse."""

from django.urls import path

from development.views import wellbeing

urlpatterns = [
    path("wellbeing/", wellbeing.pulse, name="wellbeing"),
    path("wellbeing/consent/", wellbeing.pulse_consent, name="wellbeing_consent"),
    path("wellbeing/answer/", wellbeing.pulse_answer, name="wellbeing_answer"),
    path("wellbeing/withdraw/", wellbeing.pulse_withdraw, name="wellbeing_withdraw"),
    path("wellbeing/aggregates/", wellbeing.pulse_summary_view, name="wellbeing_aggregates"),
]
