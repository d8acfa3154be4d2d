"""Two answers to one offer at the same moment, on two connections: one appointment."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from onboarding.models import Appointment, Offer, OfferStatus
from onboarding.shortlists.services import offer_answer
from tests.onboarding.factories import make_offer, make_org, make_vacancy, reservist_for, shortlist


@pytest.mark.django_db(transaction=True)
def test_accepting_one_offer_twice_at_once_makes_one_appointment():
    vacancy = make_vacancy(make_org())
    membership = reservist_for(vacancy)
    shortlist(vacancy, membership)
    offer = make_offer(vacancy, membership)
    user = membership.candidate.user
    outcomes: list[str] = []
    start = threading.Barrier(3)

    def accept() -> None:
        try:
            start.wait()
            offer_answer(offer=Offer.objects.get(pk=offer.pk), accept=True, actor=user)
            outcomes.append("accepted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    # Hold the vacancy's row so both answers queue on the lock, then let them race for it.
    with transaction.atomic():
        type(vacancy).objects.select_for_update().get(pk=vacancy.pk)
        threads = [threading.Thread(target=accept) for _ in range(2)]
        for thread in threads:
            thread.start()
        start.wait()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes) == ["accepted", "refused"]
    assert Appointment.objects.filter(vacancy=vacancy).count() == 1
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.ACCEPTED
    assert connection.vendor == "postgresql"
