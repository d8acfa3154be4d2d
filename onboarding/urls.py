"""URL routes of the appointment stage: each feature lists its own, all under one namespace."""

from onboarding.appointments import urls as appointments
from onboarding.induction import urls as induction
from onboarding.shortlists import urls as shortlists
from onboarding.vacancies import urls as vacancies

app_name = "onboarding"

urlpatterns = [
    *vacancies.urlpatterns,
    *shortlists.urlpatterns,
    *appointments.urlpatterns,
    *induction.urlpatterns,
]
