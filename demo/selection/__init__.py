"""Demo data of the selection stage: forty people in every status of the pipeline, the commission.

The story (today is T):
- a summer wave was admitted and assessed in the campaign that started on T − 150 days; the
  commission met on T − 63 days (its included candidates are reservists now) and meets again on
  T + 13 days for the rest. The commission needs the assessment result in view, so the meetings
  are held by `seed_meetings()`, which the assessment stage's demo calls once that wave's
  results are in;
- an autumn wave is in assessment since T − 18 days (the assessment stage's demo runs it);
- the others are in the earlier statuses: a draft, submitted, checked, returned, admitted, not
  admitted — some eligible by a management degree, some by the DPO route, some not at all.

The demo «candidate» account is not given a nomination here: the development stage's demo makes it
a reservist with its own nomination, and skips any account that already has a profile.
Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random

from demo.builders import Topic, mail_to_nowhere, seed_missing, topics_have_data
from demo.selection.commission import (
    COMMISSION_NAME,
    HELD_PROTOCOL,
    INCLUSION_ORDER,
    commission_has_data,
    seed_commission,
    seed_meetings,
)
from demo.selection.people import people_have_data, seed_people
from demo.selection.roster import ROSTER, DemoCandidate, email_of

__all__ = [
    "COMMISSION_NAME",
    "HELD_PROTOCOL",
    "INCLUSION_ORDER",
    "ROSTER",
    "DemoCandidate",
    "email_of",
    "has_data",
    "seed",
    "seed_meetings",
]

TOPICS = [
    Topic(commission_has_data, seed_commission),
    Topic(people_have_data, seed_people),
]


def has_data() -> bool:
    """Return whether every topic of the selection stage already has demo data."""
    return topics_have_data(TOPICS)


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the topics that have no data yet, in order; return lines for the report."""
    with mail_to_nowhere():
        return seed_missing(TOPICS, rng=rng, today=today)
