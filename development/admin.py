"""Back office of the development stage: each feature registers its models in its own module.

Importing them here is what registers them; the well-being pulse has none on purpose (answers
are seen one by one only by the person who gave them).
"""

from development.catalogue import admin as catalogue_admin
from development.mentoring import admin as mentoring_admin
from development.plans import admin as plans_admin
from development.practice import admin as practice_admin
from development.programme import admin as programme_admin

__all__ = ["catalogue_admin", "mentoring_admin", "plans_admin", "practice_admin", "programme_admin"]
