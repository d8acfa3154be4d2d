"""URL routes of the development stage, one module per topic.

A topic's module joins once it exists, so that no commit ever imports a module not yet written.
"""

from importlib import import_module
from importlib.util import find_spec

app_name = "development"

TOPIC_MODULES = (
    "development.urls_plans",
    "development.urls_mentoring",
    "development.urls_wellbeing",
)

urlpatterns = [
    pattern
    for name in TOPIC_MODULES
    if find_spec(name) is not None
    for pattern in import_module(name).urlpatterns
]
