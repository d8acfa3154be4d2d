"""The pulse's demo data: consent first, monthly answers, the demo «candidate» still to answer."""

import datetime
import random

from demo.development.wellbeing import seed_wellbeing
from development.models import Mentor, PulseResponse, SupportRequest
from governance.consent import consent_active
from governance.models import ConsentPurpose
from tests.candidates.commission_factories import make_membership
from tests.factories import OrganizationFactory

TODAY = datetime.date(2026, 11, 27)


def test_it_answers_monthly_for_reservists_and_mentors_but_leaves_the_candidate_this_month(
    mentor_user,
):
    Mentor.objects.create(
        user=mentor_user, organization=OrganizationFactory(), position="Директор", years_as_head=9
    )
    candidate = make_membership(username="candidate", started_on=datetime.date(2026, 4, 30))
    newcomer = make_membership(started_on=datetime.date(2026, 10, 13))
    make_membership(status="appointed")  # left the reserve: not asked

    lines = seed_wellbeing(rng=random.Random(1), today=TODAY)

    assert lines == [
        f"Опрос благополучия (ВОЗ-5): участников 3, ответов {PulseResponse.objects.count()}, "
        f"просьб о разговоре {SupportRequest.objects.count()}."
    ]
    for user in (candidate.candidate.user, newcomer.candidate.user, mentor_user):
        assert consent_active(user, ConsentPurpose.WELLBEING) is not None
    own = PulseResponse.objects.filter(user=candidate.candidate.user)
    assert not own.filter(submitted_on__month=11).exists()
    assert own.filter(submitted_on__month=10).exists()
    assert own.earliest("submitted_on").submitted_on >= datetime.date(2026, 5, 1)
    newcomer_days = PulseResponse.objects.filter(user=newcomer.candidate.user).values_list(
        "submitted_on", flat=True
    )
    assert sorted(day.month for day in newcomer_days) == [10, 11]
    assert min(newcomer_days) >= datetime.date(2026, 10, 13)  # never before joining
    assert PulseResponse.objects.filter(user=mentor_user, submitted_on=TODAY).exists()
    assert all(0 <= response.index <= 100 for response in PulseResponse.objects.all())


def test_it_draws_the_same_answers_for_the_same_seed(db):
    make_membership(username="candidate", started_on=datetime.date(2026, 6, 1))

    seed_wellbeing(rng=random.Random(7), today=TODAY)
    first = list(PulseResponse.objects.order_by("submitted_on").values_list("answers", flat=True))
    PulseResponse.objects.all().delete()
    seed_wellbeing(rng=random.Random(7), today=TODAY)

    assert (
        list(PulseResponse.objects.order_by("submitted_on").values_list("answers", flat=True))
        == first
    )
