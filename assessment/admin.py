"""Back office of the assessment: each feature registers its models in its own admin module.

The ministry edits the competency model and the instruments; expert profiles are kept there too;
campaigns, answers, ratings and results are read-only records, scoped by access.py.
"""

from assessment.campaigns import admin as campaigns
from assessment.experts import admin as experts
from assessment.framework import admin as framework
from assessment.participation import admin as participation
from assessment.results import admin as results

__all__ = ["campaigns", "experts", "framework", "participation", "results"]
