"""Demo data of the development stage, one topic per module, seeded in order.

Plans come first: they bring a small cohort of reservists (the demo «candidate» among them) with
finished assessments, the internships of the catalogue (hosted by demo organizations) and plans in
every state. Mentoring and the well-being pulse build on that cohort (ReserveMembership rows in
status «в резерве»). Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random

from demo.builders import Topic, mail_to_nowhere, seed_missing, topics_have_data
from demo.development.mentoring import seed_mentoring
from demo.development.plans import plans_have_data, seed_plans
from demo.development.wellbeing import seed_wellbeing, wellbeing_has_data
from development.models import Mentor

TOPICS = [
    Topic(plans_have_data, seed_plans),
    Topic(Mentor.objects.exists, seed_mentoring),
    Topic(wellbeing_has_data, seed_wellbeing),
]


def has_data() -> bool:
    """Return whether every topic of the development stage already has demo data."""
    return topics_have_data(TOPICS)


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the topics that have no data yet, in order; return lines for the report."""
    with mail_to_nowhere():
        return seed_missing(TOPICS, rng=rng, today=today)
