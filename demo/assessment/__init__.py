"""Demo data of the assessment stage: the summer wave assessed and decided, the autumn one running.

Called by `manage.py seed_demo` after the selection stage's demo (demo.selection), whose
nominations in «оценка» it takes:
- the summer wave goes through a whole campaign, «Оценка кандидатов 2026 (лето)»: self-assessment,
  360° feedback, the knowledge test and two experts on the case, the interview and the project;
  two disagreements of experts are calibrated; the participants are completed, which passes their
  nominations to the commission, whose meetings are then held (demo.selection.seed_meetings).
  The talent review rates most of them and notes two;
- the autumn wave is the running campaign «Оценка кандидатов 2026 (осень)»: some self-assessments
  sent or in draft, some tests taken, 360° answers for two people, the demo expert with a second
  expert on cases and interviews — some rated, some waiting for the demo expert; one applicant
  with nothing answered yet gets a sign-in (applicant.py) to try the participant's side.

Everything is written through the services at today's date, while the instruments are open;
the summer campaign's calendar and the answers' timestamps are then moved back to the summer.
Colleagues answer 360° by the personal link mailed to them: the demo reads it from the letter
(sent at once to an in-memory mailbox, see answers.invite_colleagues).
Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random

from assessment.models import Campaign, CompetencyFramework
from demo.assessment.applicant import DEMO_LOGINS
from demo.assessment.autumn import AUTUMN_NAME, seed_autumn
from demo.assessment.summer import SUMMER_NAME, seed_summer
from demo.builders import mail_to_nowhere, ministry_user

__all__ = ["AUTUMN_NAME", "DEMO_LOGINS", "SUMMER_NAME", "has_data", "seed"]


def has_data() -> bool:
    """Return whether both demo campaigns are there."""
    return Campaign.objects.filter(name__in=(SUMMER_NAME, AUTUMN_NAME)).count() == 2


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the campaigns that are not there yet; return lines for the report."""
    framework = CompetencyFramework.objects.filter(is_current=True).first()
    ministry = ministry_user()
    if framework is None or ministry is None:
        return ["Кампании оценки не созданы: нет текущей модели компетенций или специалиста."]
    lines: list[str] = []
    # The 360° links are the only letters read (see answers.invite_colleagues). The results the
    # experts' panels complete are recomputed once this block commits.
    with mail_to_nowhere():
        if not Campaign.objects.filter(name=SUMMER_NAME).exists():
            lines += seed_summer(rng=rng, today=today, ministry=ministry, framework=framework)
        if not Campaign.objects.filter(name=AUTUMN_NAME).exists():
            lines += seed_autumn(rng=rng, today=today, ministry=ministry, framework=framework)
    return lines
