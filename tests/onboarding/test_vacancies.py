"""Recording, listing and closing vacancies; who leads a vacancy is the founder's side."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from onboarding.models import OfferStatus, Vacancy, VacancyStatus, VacancyStatusChange
from registry.models import Founder, OrganizationKind
from tests.development.mentoring_factories import ORSK
from tests.onboarding.factories import (
    make_offer,
    make_org,
    make_vacancy,
    post,
    reservist_for,
    shortlist,
)

pytestmark = pytest.mark.django_db
CREATE = reverse("onboarding:vacancy_create")


def _form(organization, **changes) -> dict:
    data = {
        "organization": organization.inn,
        "position_kind": post("deputy-general").pk,
        "opens_on": timezone.localdate().strftime("%d.%m.%Y"),
        "reason": "dismissal",
        "reason_note": "",
    }
    return data | changes


def test_a_coordinator_records_a_deputys_vacancy_of_a_municipal_school(client, municipal_user):
    school = make_org()
    client.force_login(municipal_user)

    response = client.post(CREATE, _form(school))

    vacancy = Vacancy.objects.get()
    assert response.url == reverse("onboarding:vacancy_detail", args=[vacancy.pk])
    assert (vacancy.organization, vacancy.position_kind.code, vacancy.status) == (
        school,
        "deputy-general",
        VacancyStatus.OPEN,
    )
    assert VacancyStatusChange.objects.get(vacancy=vacancy).reason == "внесена"
    assert AuditEvent.objects.filter(action="vacancy.create", object_id=str(vacancy.pk)).exists()


def test_a_coordinator_cannot_record_a_vacancy_of_a_regional_organization(client, municipal_user):
    college = make_org(founder=Founder.REGIONAL, kind=OrganizationKind.VOCATIONAL)
    client.force_login(municipal_user)

    response = client.post(CREATE, _form(college, position_kind=post("director-vocational").pk))

    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not Vacancy.objects.exists()


def test_the_ministry_names_the_organization_by_its_name(client, ministry_user):
    college = make_org(
        municipality_name=ORSK, founder=Founder.REGIONAL, kind=OrganizationKind.VOCATIONAL
    )
    client.force_login(ministry_user)

    data = _form(college, position_kind=post("director-vocational").pk)
    client.post(CREATE, data | {"organization": college.short_name})

    assert Vacancy.objects.get().organization == college


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"position_kind": "head-preschool"}, "не предусмотрена в организации типа"),
        ({"reason": "other"}, "Поясните причину вакансии."),
        ({"opens_on": "01.01.2035"}, "не дальше чем на 36 месяцев вперёд"),
    ],
)
def test_it_refuses_a_vacancy_that_does_not_fit(client, ministry_user, changes, message):
    school = make_org()
    client.force_login(ministry_user)
    if "position_kind" in changes:
        changes["position_kind"] = post(changes["position_kind"]).pk

    response = client.post(CREATE, _form(school, **changes), follow=True)

    assert message in response.content.decode()
    assert not Vacancy.objects.exists()


def test_it_refuses_a_second_open_vacancy_for_one_post(client, ministry_user):
    school = make_org()
    make_vacancy(school, code="deputy-general")
    client.force_login(ministry_user)

    response = client.post(CREATE, _form(school))

    assert "уже есть открытая вакансия" in response.content.decode()
    assert Vacancy.objects.count() == 1


def test_an_organization_without_a_known_founder_cannot_have_a_vacancy(client, ministry_user):
    school = make_org(founder="")
    client.force_login(ministry_user)

    response = client.post(CREATE, _form(school))

    assert "здесь вакансию её руководителя не записать" in response.content.decode()


def test_the_list_shows_the_territorys_open_vacancies(client, municipal_user):
    mine = make_vacancy(make_org())
    make_vacancy(make_org(municipality_name=ORSK))
    make_vacancy(make_org(), status=VacancyStatus.FILLED)
    client.force_login(municipal_user)

    response = client.get(reverse("onboarding:vacancy_list"))

    assert list(response.context["page"]) == [mine]


def test_closing_needs_a_reason_and_withdraws_a_waiting_offer(client, municipal_user):
    vacancy = make_vacancy(make_org())
    membership = reservist_for(vacancy)
    shortlist(vacancy, membership)
    offer = make_offer(vacancy, membership)
    client.force_login(municipal_user)
    url = reverse("onboarding:vacancy_close", args=[vacancy.pk])

    refused = client.post(url, {"closure_reason": "filled_outside", "note": ""}, follow=True)
    assert "кто и каким приказом назначен" in refused.content.decode()
    client.post(url, {"closure_reason": "filled_outside", "note": "Иванов И. И., приказ № 5"})

    vacancy.refresh_from_db()
    offer.refresh_from_db()
    assert (vacancy.status, vacancy.closure_reason, vacancy.closed_on) == (
        VacancyStatus.CLOSED,
        "filled_outside",
        timezone.localdate(),
    )
    assert offer.status == OfferStatus.WITHDRAWN
    assert vacancy.status_changes.last().reason == (
        "замещена не из резерва. Иванов И. И., приказ № 5"
    )


def test_the_ministry_sees_a_municipal_vacancy_but_does_not_lead_it(client, ministry_user):
    vacancy = make_vacancy(make_org())
    client.force_login(ministry_user)

    page = client.get(reverse("onboarding:vacancy_detail", args=[vacancy.pk]))
    close = client.post(
        reverse("onboarding:vacancy_close", args=[vacancy.pk]),
        {"closure_reason": "mistake"},
    )

    assert "Вакансию ведёт его координатор" in page.content.decode()
    assert page.context["can_lead"] is False and page.context["can_build"] is False
    assert close.status_code == 404


def test_the_vacancy_page_shows_history_and_opens_on(client, municipal_user):
    vacancy = make_vacancy(make_org(), opens_on=datetime.date(2027, 1, 9))
    client.force_login(municipal_user)

    page = client.get(reverse("onboarding:vacancy_detail", args=[vacancy.pk])).content.decode()

    assert "вакантна с 09.01.2027" in page
    assert "Список ещё не составлен." in page
