"""Demo data of the development stage, one topic per module, seeded in order.

Plans come first: they bring a small cohort of reservists (the demo «candidate» among them) with
finished assessments, the internships of the catalogue (hosted by demo organizations) and plans in
every state. Mentoring and the well-being pulse build on that cohort (ReserveMembership rows in
status «в резерве»). Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random

from assessment.models import Result
from assessment.scoring import rank
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
        lines = seed_missing(TOPICS, rng=rng, today=today)
        _rank_demo_results()
    return lines


def _rank_demo_results() -> None:
    """Give the results this module wrote their places in their campaigns, as scoring does."""
    unranked = Result.objects.filter(rank__isnull=True).values_list(
        "participant__campaign_id", flat=True
    )
    for campaign_id in set(unranked):
        results = list(Result.objects.filter(participant__campaign_id=campaign_id))
        places = rank({result.pk: result.total for result in results})
        for result in results:
            result.rank = places[result.pk]
        Result.objects.bulk_update(results, ["rank"])
