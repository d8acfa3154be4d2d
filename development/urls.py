"""URL routes of the development stage: each feature lists its own, all under one namespace."""

from development.catalogue import urls as catalogue
from development.mentoring import urls as mentoring
from development.plans import urls as plans
from development.practice import urls as practice
from development.programme import urls as programme
from development.wellbeing import urls as wellbeing

app_name = "development"

urlpatterns = [
    *programme.urlpatterns,
    *catalogue.urlpatterns,
    *plans.urlpatterns,
    *practice.urlpatterns,
    *mentoring.urlpatterns,
    *wellbeing.urlpatterns,
]
