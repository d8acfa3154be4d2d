"""A small region with known numbers: hand-counted in the indicator tests."""

import datetime

from django.utils import timezone

from development.models import MentoringSession, PlanStatus, PulseResponse, SessionConfirmation
from governance.consent import consent_give
from governance.models import ConsentPurpose
from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.candidates.factories import make_nomination
from tests.development.plans_factories import give_both_evidence, make_mentor, make_plan, pair

TODAY = datetime.date(2027, 6, 15)


def build(scale: int = 1) -> dict:
    """Make `scale` copies of: in Orenburg two reservists (one with a plan and a mentor), one
    excluded and one appointed; in Orsk one reservist; nominations, sessions, pulse answers."""
    orenburg = Municipality.objects.get(name="город Оренбург")
    orsk = Municipality.objects.get(name="город Орск")
    start = datetime.date(2026, 9, 1)
    made = {"orenburg": orenburg, "orsk": orsk}
    for _ in range(scale):
        planned = make_membership(started_on=start, municipality=orenburg)
        make_membership(started_on=start, municipality=orenburg)
        make_membership(started_on=start, municipality=orsk)
        excluded = make_membership(started_on=start, municipality=orenburg, status="excluded")
        excluded.ended_on = datetime.date(2027, 1, 20)
        excluded.save(update_fields=["ended_on"])
        appointed = make_membership(started_on=start, municipality=orenburg, status="appointed")
        appointed.ended_on = datetime.date(2027, 3, 1)
        appointed.save(update_fields=["ended_on"])
        plan = make_plan(
            planned,
            status=PlanStatus.IN_PROGRESS,
            due=[datetime.date(2027, 2, 1), datetime.date(2027, 4, 1), datetime.date(2027, 9, 1)],
        )
        give_both_evidence(plan.items.order_by("due_date").first())
        mentor = make_mentor()
        mentorship = pair(mentor, planned)
        mentorship.started_on = datetime.date(2026, 10, 1)
        mentorship.save(update_fields=["started_on"])
        MentoringSession.objects.create(
            mentorship=mentorship,
            date=datetime.date(2027, 2, 10),
            duration_minutes=90,
            format="online",
            topics="Закупки",
            confirmation=SessionConfirmation.CONFIRMED,
        )
        for status in ("submitted", "not_admitted", "admitted"):
            nomination = make_nomination(status=status, municipality=orsk)
            nomination.submitted_at = timezone.make_aware(datetime.datetime(2027, 3, 1, 12))
            nomination.save(update_fields=["submitted_at"])
        made.setdefault("plans", []).append(plan)
    for index in range(6):
        from tests.factories import UserFactory

        user = UserFactory()
        consent_give(user=user, purpose=ConsentPurpose.WELLBEING)
        PulseResponse.objects.create(
            user=user,
            submitted_on=datetime.date(2027, 5, 1),
            answers=[3, 3, 3, 3, 3],
            index=50 + index * 2,
            municipality=orenburg,
        )
    return made
