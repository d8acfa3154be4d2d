"""Offers: made from the list, answered by the reservist, refusals counted toward exclusion."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification
from candidates.models import MembershipStatus
from onboarding.models import (
    Appointment,
    AppointmentStatus,
    Offer,
    OfferStatus,
    ReservistPreference,
    VacancyStatus,
)
from onboarding.shortlists.services import offer_answer, offer_make, offers_expire
from tests.conftest import PASSWORD
from tests.onboarding.factories import (
    make_offer,
    make_org,
    make_vacancy,
    reservist_for,
    shortlist,
)

pytestmark = pytest.mark.django_db


def _listed(**reservist):
    vacancy = make_vacancy(make_org())
    membership = reservist_for(vacancy, **reservist)
    (entry,) = shortlist(vacancy, membership)
    return vacancy, membership, entry


def test_an_offer_is_made_from_the_list_and_the_reservist_is_told(
    client, municipal_user, django_capture_on_commit_callbacks
):
    vacancy, membership, entry = _listed()
    client.force_login(municipal_user)
    respond_by = timezone.localdate() + datetime.timedelta(days=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("onboarding:offer_make", args=[vacancy.pk, entry.pk]),
            {"respond_by": respond_by.strftime("%d.%m.%Y"), "message": "Звоните Морозовой И. С."},
        )

    assert response.status_code == 302
    offer = Offer.objects.get()
    vacancy.refresh_from_db()
    assert (offer.status, offer.respond_by, vacancy.status) == (
        OfferStatus.OFFERED,
        respond_by,
        VacancyStatus.OFFERED,
    )
    (letter,) = mail.outbox
    assert letter.to == [membership.candidate.email]
    assert "Звоните Морозовой И. С." in letter.body
    (notice,) = Notification.objects.filter(user=membership.candidate.user)
    assert notice.text.startswith("Ответьте на предложение должности")
    assert notice.url == reverse("onboarding:offer_answer", args=[offer.pk])


@pytest.mark.parametrize("days", [0, 31])
def test_the_answer_date_must_be_reasonable(municipal_user, days):
    _, _, entry = _listed()

    with pytest.raises(ValidationError):
        offer_make(
            entry=entry,
            respond_by=timezone.localdate() + datetime.timedelta(days=days),
            message="",
            actor=municipal_user,
        )


def test_accepting_opens_the_appointment_and_the_list_waits(client):
    vacancy, membership, _ = _listed(username="reservist")
    offer = make_offer(vacancy, membership)
    client.login(username="reservist", password=PASSWORD)

    response = client.post(
        reverse("onboarding:offer_answer", args=[offer.pk]), {"answer": "accept", "reason": ""}
    )

    assert response.url == reverse("onboarding:my_onboarding")
    offer.refresh_from_db()
    appointment = Appointment.objects.get()
    assert offer.status == OfferStatus.ACCEPTED
    assert (appointment.offer, appointment.status) == (offer, AppointmentStatus.PREPARING)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.OFFERED


def test_refusing_needs_a_reason_and_returns_the_vacancy_to_its_list(client):
    vacancy, membership, _ = _listed(username="reservist")
    offer = make_offer(vacancy, membership)
    client.login(username="reservist", password=PASSWORD)
    url = reverse("onboarding:offer_answer", args=[offer.pk])

    blank = client.post(url, {"answer": "refuse", "reason": ""})
    client.post(url, {"answer": "refuse", "reason": "Семейные обстоятельства"})

    assert "Укажите причину отказа." in blank.content.decode()
    offer.refresh_from_db()
    vacancy.refresh_from_db()
    assert (offer.status, offer.refusal_reason) == (OfferStatus.REFUSED, "Семейные обстоятельства")
    assert vacancy.status == VacancyStatus.SHORTLISTED
    assert not Appointment.objects.exists()


def test_an_offer_past_its_date_cannot_be_answered_and_the_command_closes_it():
    vacancy, membership, _ = _listed()
    offer = make_offer(vacancy, membership, respond_by=timezone.localdate())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError, match="Срок ответа истёк"):
        offer_answer(offer=offer, accept=True, actor=None, today=tomorrow)
    assert offers_expire(today=tomorrow) == 1
    assert offers_expire(today=tomorrow) == 0

    offer.refresh_from_db()
    vacancy.refresh_from_db()
    assert (offer.status, vacancy.status) == (OfferStatus.EXPIRED, VacancyStatus.SHORTLISTED)
    out = io.StringIO()
    call_command("expire_offers", "--today", tomorrow.isoformat(), stdout=out)
    assert out.getvalue() == "предложений закрыто по сроку: 0\n"


def test_a_second_refusal_proposes_exclusion_and_staff_confirm_it(client, ministry_user):
    first, membership, _ = _listed()
    make_offer(first, membership, status=OfferStatus.REFUSED, reason="далеко")
    second = make_vacancy(make_org())
    shortlist(second, membership)
    make_offer(second, membership, status=OfferStatus.REFUSED, reason="не готов")
    third = make_vacancy(make_org())
    shortlist(third, membership)
    client.force_login(ministry_user)

    page = client.get(reverse("onboarding:vacancy_detail", args=[third.pk])).content.decode()
    url = reverse("onboarding:refusals_exclusion", args=[third.pk, membership.pk])
    confirm = client.get(url).content.decode()
    response = client.post(url, {"comment": "Рассмотрено"})

    assert "Рассмотреть исключение из резерва" in page
    assert "отказ от предложенных должностей два раза и более" in confirm
    membership.refresh_from_db()
    assert response.url == reverse("candidates:membership_detail", args=[membership.pk])
    assert (membership.status, membership.exclusion_ground) == (
        MembershipStatus.EXCLUDED,
        "offer_refusals",
    )
    event = membership.events.get(action="exclude")
    assert "далеко" not in event.reason and "Отказы: " in event.reason


def test_one_refusal_proposes_nothing(client, ministry_user):
    first, membership, _ = _listed()
    make_offer(first, membership, status=OfferStatus.REFUSED)
    client.force_login(ministry_user)

    url = reverse("onboarding:refusals_exclusion", args=[first.pk, membership.pk])

    assert client.get(url).status_code == 404


def test_the_reservist_sees_their_offers_and_sets_relocation(client):
    vacancy, membership, _ = _listed(username="reservist")
    make_offer(vacancy, membership)
    client.login(username="reservist", password=PASSWORD)

    page = client.get(reverse("onboarding:my_onboarding")).content.decode()
    client.post(reverse("onboarding:relocation"), {"ready_to_relocate": "on"})

    assert f"Ответить на предложение: {vacancy.organization}" in page
    assert ReservistPreference.objects.get(candidate=membership.candidate).ready_to_relocate


def test_staff_withdraw_a_waiting_offer(client, municipal_user):
    vacancy, membership, _ = _listed()
    offer = make_offer(vacancy, membership)
    client.force_login(municipal_user)

    client.post(reverse("onboarding:offer_withdraw", args=[offer.pk]), {"reason": "Реорганизация"})

    offer.refresh_from_db()
    vacancy.refresh_from_db()
    assert (offer.status, vacancy.status) == (OfferStatus.WITHDRAWN, VacancyStatus.SHORTLISTED)
    (notice,) = Notification.objects.filter(user=membership.candidate.user)
    assert "отозвано" in notice.text


def test_another_reservist_cannot_answer(client):
    vacancy, membership, _ = _listed()
    offer = make_offer(vacancy, membership)
    reservist_for(vacancy, username="stranger")
    client.login(username="stranger", password=PASSWORD)

    response = client.post(
        reverse("onboarding:offer_answer", args=[offer.pk]), {"answer": "accept"}
    )

    assert response.status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.OFFERED
