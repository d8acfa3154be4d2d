"""«Выдвинуть кандидата»: a coordinator or the ministry nominates a person and invites them."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User
from candidates.models import Candidate, Nomination, NominationSource, NominationStatus
from registry.fields import organization_label
from registry.models import PositionKind

URL = reverse("candidates:nominate")


def _data(**overrides) -> dict:
    data = {
        "last_name": "Кузнецова",
        "first_name": "Мария",
        "middle_name": "Сергеевна",
        "email": "m.kuznetsova@example.org",
        "birth_date": "14.03.1986",
        "phone": "+7 (3532) 44-55-66",
        "position": "Заместитель директора по УВР",
        "position_kind": PositionKind.objects.get(code="director-general").pk,
        "source": NominationSource.ORGANIZATION_HEAD,
        "motivation": "Успешно руководит методическим объединением.",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["candidate_user", "expert_user", "mentor_user"])
def test_it_is_not_found_for_those_who_do_not_nominate(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.post(URL, {}).status_code == 404


@pytest.mark.django_db
def test_a_coordinator_chooses_only_their_municipalitys_organizations(
    client, municipal_user, organization, other_organization
):
    client.force_login(municipal_user)

    form = client.get(URL).context["form"]

    assert list(form.fields["organization"].queryset) == [organization]


@pytest.mark.django_db
def test_a_coordinator_nominates_and_the_person_is_invited_with_a_set_password_link(
    client, municipal_user, organization, django_capture_on_commit_callbacks
):
    client.force_login(municipal_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, _data(organization=organization_label(organization)))

    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("candidates:staff_nomination", args=[nomination.pk])
    candidate = nomination.candidate
    assert (candidate.full_name, candidate.organization, candidate.municipality) == (
        "Кузнецова Мария Сергеевна",
        organization,
        municipal_user.municipality,
    )
    assert candidate.birth_date.strftime("%d.%m.%Y") == "14.03.1986"
    assert (nomination.status, nomination.source, nomination.nominated_by) == (
        NominationStatus.DRAFT,
        NominationSource.ORGANIZATION_HEAD,
        municipal_user,
    )
    assert candidate.user.role == Role.CANDIDATE
    assert not candidate.user.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["m.kuznetsova@example.org"]
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)

    client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    set_password_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    client.post(
        set_password_url,
        {"new_password1": "Novyi-parol-2026!", "new_password2": "Novyi-parol-2026!"},
    )
    candidate.user.refresh_from_db()
    assert candidate.user.check_password("Novyi-parol-2026!")


@pytest.mark.django_db
def test_a_coordinator_cannot_nominate_at_another_municipalitys_organization(
    client, municipal_user, other_organization
):
    client.force_login(municipal_user)

    response = client.post(URL, _data(organization=other_organization.inn))

    assert response.status_code == 200
    assert response.context["form"].errors["organization"] == [
        f"Организация с ИНН {other_organization.inn} есть в реестре, но здесь её выбрать нельзя: "
        "она из другого муниципального образования или закрыта."
    ]
    assert not Candidate.objects.exists()
    assert not User.objects.filter(email="m.kuznetsova@example.org").exists()


@pytest.mark.django_db
def test_the_ministry_names_the_organization_by_its_inn(client, ministry_user, other_organization):
    client.force_login(ministry_user)

    client.post(URL, _data(organization=f" {other_organization.inn} "))

    nomination = Nomination.objects.get()
    assert nomination.municipality == other_organization.municipality
    assert nomination.candidate.organization == other_organization


@pytest.mark.django_db
def test_an_unknown_inn_is_a_form_error(client, ministry_user):
    client.force_login(ministry_user)

    response = client.post(URL, _data(organization="5610000000"))

    assert response.context["form"].errors["organization"] == [
        "Организации с ИНН 5610000000 нет в реестре."
    ]
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_a_second_submit_does_not_nominate_twice(client, municipal_user, organization):
    client.force_login(municipal_user)
    client.post(URL, _data(organization=organization.inn))

    response = client.post(URL, _data(organization=organization.inn))

    assert response.status_code == 200
    assert "уже есть незавершённая заявка" in response.content.decode()
    assert Nomination.objects.count() == 1


@pytest.mark.django_db
def test_a_staff_email_cannot_be_nominated(client, municipal_user, organization, ministry_user):
    client.force_login(municipal_user)

    response = client.post(URL, _data(organization=organization.inn, email=ministry_user.email))

    assert "Этот email нельзя указать при выдвижении" in response.content.decode()
    assert "уже зарегистрирован" not in response.content.decode()  # says nothing about whom
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_a_candidate_of_another_municipality_is_not_revealed(
    client, municipal_user, organization, other_municipality
):
    from tests.candidates.factories import make_candidate

    elsewhere = make_candidate(municipality=other_municipality)
    client.force_login(municipal_user)

    response = client.post(URL, _data(organization=organization.inn, email=elsewhere.email))

    errors = " ".join(" ".join(response.context["form"].errors.as_text().split()).split("* "))
    assert "Этот email нельзя указать при выдвижении" in errors
    assert other_municipality.name not in errors and "другом муниципальном" not in errors
    assert not Nomination.objects.exists()
