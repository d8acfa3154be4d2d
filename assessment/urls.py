"""URL routes of the assessment stage: each feature brings its own, under one namespace."""

from assessment.campaigns import urls as campaigns
from assessment.experts import urls as experts
from assessment.framework import urls as framework
from assessment.participation import urls as participation
from assessment.results import urls as results

app_name = "assessment"

urlpatterns = [
    *participation.urlpatterns,
    *framework.urlpatterns,
    *campaigns.urlpatterns,
    *experts.urlpatterns,
    *results.urlpatterns,
]
