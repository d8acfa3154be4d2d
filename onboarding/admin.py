"""Back office of the appointment stage: each feature registers its models in its own module.

Everything here is for looking records up: vacancies, offers, appointments and induction plans
change on the portal's pages through the stage's services, the templates on their own page.
"""

from onboarding.appointments import admin as appointments_admin
from onboarding.induction import admin as induction_admin
from onboarding.shortlists import admin as shortlists_admin
from onboarding.vacancies import admin as vacancies_admin

__all__ = ["appointments_admin", "induction_admin", "shortlists_admin", "vacancies_admin"]
