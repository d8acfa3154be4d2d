"""Back office of the development stage: each topic registers its models in its own module.

A topic's module joins once it exists, so that no commit ever imports a module not yet written.
"""

from importlib import import_module
from importlib.util import find_spec

TOPIC_MODULES = (
    "development.admin_plans",
    "development.admin_mentoring",
    "development.admin_wellbeing",
)

for _name in TOPIC_MODULES:
    if find_spec(_name) is not None:
        import_module(_name)
