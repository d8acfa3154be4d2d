"""The appointment stage's demo: the story the coordinator's and the ministry's homes show.

The whole demo is seeded once for the module, as tests/accounts/test_seed_demo.py does, and
the database is put back as the migrations left it afterwards.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from candidates.models import MembershipStatus
from onboarding.induction.selectors import schedule_of
from onboarding.models import (
    Appointment,
    AppointmentStatus,
    InductionPlan,
    Offer,
    OfferStatus,
    ShortlistMove,
    Vacancy,
    VacancySource,
)
from registry.models import Founder
from tests.accounts.test_seed_demo import _restore

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed the whole demo once for the module; afterwards restore the migrated rows."""
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        out = StringIO()
        call_command("seed_demo", "--if-empty", stdout=out)
        yield out.getvalue()
        _restore(snapshot)


def test_it_tells_the_whole_story(seeded):
    sources = set(Vacancy.objects.values_list("source", flat=True))
    assert sources == {VacancySource.FORECAST, VacancySource.ENTERED}
    assert ShortlistMove.objects.exists()
    assert set(Offer.objects.values_list("status", flat=True)) >= {
        OfferStatus.ACCEPTED,
        OfferStatus.REFUSED,
        OfferStatus.OFFERED,
    }
    made = Appointment.objects.filter(status=AppointmentStatus.MADE).select_related(
        "vacancy__organization", "membership"
    )
    founders = {appointment.vacancy.organization.founder for appointment in made}
    assert founders == {Founder.MUNICIPAL, Founder.REGIONAL}
    assert all(appointment.order_file for appointment in made)
    assert all(a.membership.status == MembershipStatus.APPOINTED for a in made)
    halfway = InductionPlan.objects.order_by("starts_on").first()
    schedule = schedule_of(halfway, timezone.localdate())
    assert schedule.passed == 2 and schedule.on_schedule and halfway.mentor is not None


def test_the_homes_show_it(seeded, client):
    client.force_login(User.objects.get(username="coordinator"))
    coordinator = client.get(reverse("accounts:home_municipal")).context["onboarding"]
    client.force_login(User.objects.get(username="ministry"))
    ministry = client.get(reverse("accounts:home_ministry")).context["onboarding"]
    client.force_login(User.objects.get(username="candidate"))
    steps = client.get(reverse("accounts:home_candidate")).context["next_steps"]

    assert coordinator.open_vacancies >= 2 and coordinator.new_heads == 2
    assert ministry.open_vacancies > coordinator.open_vacancies
    offers = [step for step in steps if step.text.startswith("Ответьте на предложение")]
    assert len(offers) == 1


def test_a_second_run_adds_nothing(seeded):
    counts = (Vacancy.objects.count(), Offer.objects.count(), Appointment.objects.count())

    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)

    assert (Vacancy.objects.count(), Offer.objects.count(), Appointment.objects.count()) == counts
    assert "onboarding: данные уже есть, пропускаю." in out.getvalue()
