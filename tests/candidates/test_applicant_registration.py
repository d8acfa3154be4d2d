"""Self-registration: a person creates an account and lands on their draft application."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from audit.models import AuditEvent
from candidates.models import Candidate, Nomination, NominationSource, NominationStatus
from registry.models import PositionKind
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REGISTER_URL = reverse("candidates:applicant_register")


def _form(municipality, **overrides) -> dict:
    data = {
        "last_name": "Кузнецова",
        "first_name": "Ольга",
        "middle_name": "Ивановна",
        "email": "Kuznetsova.O@example.org",
        "phone": "+7 (3532) 44-55-66",
        "municipality": municipality.pk,
        "position_kind": PositionKind.objects.get(code="director-general").pk,
        "password1": "Tyomny-les-2031",
        "password2": "Tyomny-les-2031",
    }
    return data | overrides


def test_it_shows_the_registration_page_to_anyone(client):
    response = client.get(REGISTER_URL)

    assert response.status_code == 200
    assert "Подать заявку в кадровый резерв" in response.content.decode()


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Post the registration form and send the letters its transaction leaves for the commit."""

    def post(client, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(REGISTER_URL, data)

    return post


def _confirmation_link(message) -> str:
    match = re.search(r"http://testserver(/selection/apply/confirm/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_it_registers_and_opens_the_draft_once_the_address_is_confirmed(
    client, municipality, register
):
    response = register(client, _form(municipality))

    candidate = Candidate.objects.get()
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("candidates:applicant_register_sent")
    assert SESSION_KEY not in client.session
    assert not candidate.user.is_active
    assert "kuznetsova.o@example.org" in client.get(response.url).content.decode()
    assert [message.to for message in mail.outbox] == [["kuznetsova.o@example.org"]]

    confirmed = client.get(_confirmation_link(mail.outbox[0]))

    assert confirmed.status_code == 302
    assert confirmed.url == reverse("candidates:applicant_nomination", args=[nomination.pk])
    assert client.session[SESSION_KEY] == str(candidate.user.pk)
    candidate.user.refresh_from_db()
    assert candidate.user.is_active
    assert candidate.user.role == Role.CANDIDATE
    assert candidate.user.check_password("Tyomny-les-2031")
    assert (candidate.email, candidate.user.username) == ("kuznetsova.o@example.org",) * 2
    assert (candidate.last_name, candidate.middle_name, candidate.phone) == (
        "Кузнецова",
        "Ивановна",
        "+7 (3532) 44-55-66",
    )
    assert candidate.municipality == municipality
    assert (nomination.candidate, nomination.status, nomination.source) == (
        candidate,
        NominationStatus.DRAFT,
        NominationSource.SELF,
    )
    assert nomination.municipality == municipality
    assert nomination.status_changes.count() == 1
    assert AuditEvent.objects.filter(action="candidate.register").exists()
    assert AuditEvent.objects.filter(action="candidate.confirm_email").exists()
    page = client.get(confirmed.url).content.decode()
    assert "Адрес подтверждён, учётная запись создана" in page
    assert "Чего не хватает" in page


def test_the_confirmation_link_works_once(client, municipality, register):
    register(client, _form(municipality))
    link = _confirmation_link(mail.outbox[0])
    client.get(link)
    client.logout()

    again = client.get(link)

    assert again.status_code == 400
    assert "Ссылка недействительна" in again.content.decode()
    assert SESSION_KEY not in client.session


def test_an_unconfirmed_account_cannot_sign_in(client, municipality, register):
    register(client, _form(municipality))

    client.post(
        reverse("accounts:login"),
        {"username": "kuznetsova.o@example.org", "password": "Tyomny-les-2031"},
    )

    assert SESSION_KEY not in client.session


def test_an_email_already_registered_gets_the_same_answer_and_a_letter(
    client, municipality, register
):
    UserFactory(email="kuznetsova.o@example.org", username="kuznetsova.o@example.org")
    fresh = Client()

    taken = register(client, _form(municipality))
    new = register(fresh, _form(municipality, email="novaya@example.org"))

    assert (taken.status_code, taken.url) == (new.status_code, new.url)
    assert client.get(taken.url).content.decode().replace(
        "kuznetsova.o@example.org", "ADDRESS"
    ) == fresh.get(new.url).content.decode().replace("novaya@example.org", "ADDRESS")
    assert Candidate.objects.filter(email="kuznetsova.o@example.org").count() == 0
    letter = next(m for m in mail.outbox if m.to == ["kuznetsova.o@example.org"])
    assert "учётная запись с ним уже есть" in letter.body
    assert "/accounts/password/reset/" in letter.body
    assert SESSION_KEY not in client.session


def test_registering_again_before_confirming_sends_the_link_again(client, municipality, register):
    register(client, _form(municipality))
    register(client, _form(municipality))

    assert Candidate.objects.count() == 1
    assert len(mail.outbox) == 2
    assert client.get(_confirmation_link(mail.outbox[1])).status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678", "только из цифр"),
        ("qwerty", "как минимум 8 символов"),
        ("kuznetsova", "похож"),
    ],
)
def test_it_refuses_a_weak_password(client, municipality, password, message):
    response = client.post(
        REGISTER_URL, _form(municipality, password1=password, password2=password)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_it_refuses_passwords_that_differ(client, municipality):
    response = client.post(REGISTER_URL, _form(municipality, password2="Tyomny-les-2032"))

    assert response.status_code == 200
    assert "Пароли не совпадают" in response.content.decode()
    assert not User.objects.exists()


def test_it_refuses_a_phone_without_enough_digits(client, municipality):
    response = client.post(REGISTER_URL, _form(municipality, phone="44-55"))

    assert response.status_code == 200
    assert "Укажите телефон" in response.content.decode()
    assert not User.objects.exists()


def test_it_sends_a_signed_in_candidate_to_their_applications(client, candidate_user):
    client.force_login(candidate_user)

    response = client.get(REGISTER_URL)

    assert response.status_code == 302
    assert response.url == reverse("candidates:applicant_nominations")


def test_it_sends_signed_in_staff_home(client, municipal_user, municipality):
    client.force_login(municipal_user)

    response = client.post(REGISTER_URL, _form(municipality))

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not Candidate.objects.exists()
