"""Self-registration: a person creates an account and lands on their draft application."""

import pytest
from django.contrib.auth import SESSION_KEY
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


def test_it_registers_signs_in_and_opens_the_draft(client, municipality):
    response = client.post(REGISTER_URL, _form(municipality))

    candidate = Candidate.objects.get()
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("candidates:applicant_nomination", args=[nomination.pk])
    assert client.session[SESSION_KEY] == str(candidate.user.pk)
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
    page = client.get(response.url).content.decode()
    assert "Учётная запись создана" in page
    assert "Чего не хватает" in page


def test_it_refuses_an_email_already_registered(client, municipality):
    UserFactory(email="kuznetsova.o@example.org", username="kuznetsova.o@example.org")

    response = client.post(REGISTER_URL, _form(municipality))

    page = response.content.decode()
    assert response.status_code == 200
    assert "уже зарегистрирован" in page
    assert reverse("accounts:login") in page
    assert not Candidate.objects.exists()
    assert SESSION_KEY not in client.session


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
