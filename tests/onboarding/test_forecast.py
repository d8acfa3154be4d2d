"""The forecast of vacancies: heads reaching the age or ending their contracts by the horizon."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from onboarding.models import Vacancy, VacancySource, VacancyStatus
from onboarding.vacancies import forecast
from onboarding.vacancies.selectors import forecast_organizations
from registry.models import Founder, OrganizationKind
from tests.development.mentoring_factories import ORSK
from tests.onboarding.factories import make_org, make_vacancy

TODAY = datetime.date(2026, 3, 10)
END_12 = datetime.date(2027, 3, 10)


def _reasons(**dates):
    return forecast.forecast_reasons(today=TODAY, end=END_12, age=60, **dates)


def test_the_horizon_ends_on_the_same_day_months_later():
    assert forecast.horizon_end(TODAY, 12) == END_12
    assert forecast.horizon_end(datetime.date(2026, 8, 31), 24) == datetime.date(2028, 8, 31)
    assert forecast.horizon_end(datetime.date(2026, 12, 31), 36) == datetime.date(2029, 12, 31)


def test_a_head_reaching_the_age_on_the_horizons_last_day_counts_and_a_day_later_does_not():
    on_the_day = _reasons(birth_date=datetime.date(1967, 3, 10), contract_end=None)
    a_day_later = _reasons(birth_date=datetime.date(1967, 3, 11), contract_end=None)

    assert [(reason.kind, reason.on) for reason in on_the_day] == [
        ("retirement", datetime.date(2027, 3, 10))
    ]
    assert on_the_day[0].text == "руководителю исполнится 60 лет 10.03.2027"
    assert a_day_later == []


def test_a_head_already_past_the_age_counts_with_their_age():
    (reason,) = _reasons(birth_date=datetime.date(1960, 3, 11), contract_end=None)

    assert reason.text == "руководителю 65 лет (60 и больше)"
    assert forecast.expected_on([reason], TODAY) == TODAY


def test_a_contract_ending_on_the_horizons_last_day_counts_and_a_day_later_does_not():
    (on_the_day,) = _reasons(birth_date=None, contract_end=END_12)

    assert on_the_day.text == "трудовой договор руководителя истекает 10.03.2027"
    assert _reasons(birth_date=None, contract_end=END_12 + datetime.timedelta(days=1)) == []


def test_an_ended_contract_counts_and_asks_to_check_the_registry():
    (reason,) = _reasons(birth_date=None, contract_end=datetime.date(2026, 1, 31))

    assert "истёк 31.01.2026 — проверьте сведения реестра" in reason.text


def test_both_reasons_come_earliest_first_and_set_the_expected_day():
    reasons = _reasons(
        birth_date=datetime.date(1966, 12, 1), contract_end=datetime.date(2026, 9, 1)
    )

    assert [reason.kind for reason in reasons] == ["contract_end", "retirement"]
    assert forecast.expected_on(reasons, TODAY) == datetime.date(2026, 9, 1)


def test_the_query_and_the_rule_agree_on_every_birthday_of_four_years():
    end = datetime.date(2028, 2, 29)
    cutoff = forecast.latest_birth_date(end, 60)
    day = datetime.date(1966, 1, 1)
    while day <= datetime.date(1969, 12, 31):
        assert (day <= cutoff) == (forecast.age_reached_on(day, 60) <= end), day
        day += datetime.timedelta(days=1)


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC))
def test_the_database_finds_the_same_organizations_at_the_boundaries(ministry_user):
    inside = make_org(head_birth_date=datetime.date(1967, 3, 10))
    outside = make_org(head_birth_date=datetime.date(1967, 3, 11))
    contract = make_org(head_contract_end_date=END_12)
    late_contract = make_org(head_contract_end_date=END_12 + datetime.timedelta(days=1))
    private = make_org(founder=Founder.PRIVATE, head_birth_date=datetime.date(1950, 1, 1))
    closed = make_org(is_active=False, head_birth_date=datetime.date(1950, 1, 1))

    found = set(forecast_organizations(ministry_user, today=TODAY, months=12, age=60))

    assert inside in found and contract in found
    assert not {outside, late_contract, private, closed} & found
    wider = set(forecast_organizations(ministry_user, today=TODAY, months=24, age=60))
    assert {outside, late_contract} <= wider


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC))
def test_the_page_lists_the_coordinators_municipality_only(client, municipal_user):
    mine = make_org(
        head_birth_date=datetime.date(1958, 5, 1), head_full_name="Петрова Анна Ивановна"
    )
    make_org(municipality_name=ORSK, head_birth_date=datetime.date(1958, 5, 1))
    client.force_login(municipal_user)

    response = client.get(reverse("onboarding:forecast"), {"months": 12, "age": 60})

    assert [row.organization for row in response.context["rows"]] == [mine]
    page = response.content.decode()
    assert "Петрова Анна Ивановна" in page
    assert "руководителю 67 лет (60 и больше)" in page
    assert "Сведений о заместителях в реестре нет" in page


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC))
def test_one_click_turns_a_signal_into_a_vacancy_of_the_head(client, municipal_user):
    school = make_org(
        kind=OrganizationKind.PRESCHOOL,
        head_birth_date=datetime.date(1966, 6, 1),
        head_contract_end_date=datetime.date(2026, 8, 31),
    )
    client.force_login(municipal_user)

    response = client.post(
        reverse("onboarding:forecast_vacancy", args=[school.pk]), {"months": 12, "age": 60}
    )

    vacancy = Vacancy.objects.get()
    assert response.url == reverse("onboarding:vacancy_detail", args=[vacancy.pk])
    assert (vacancy.position_kind.code, vacancy.source, vacancy.status) == (
        "head-preschool",
        VacancySource.FORECAST,
        VacancyStatus.OPEN,
    )
    assert (vacancy.reason, vacancy.opens_on) == ("retirement", datetime.date(2026, 6, 1))
    assert vacancy.forecast_basis == (
        "руководителю исполнится 60 лет 01.06.2026; "
        "трудовой договор руководителя истекает 31.08.2026"
    )
    again = client.post(
        reverse("onboarding:forecast_vacancy", args=[school.pk]), {"months": 12, "age": 60}
    )
    assert again.status_code == 302 and Vacancy.objects.count() == 1


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC))
def test_an_organization_with_an_open_vacancy_is_marked_not_offered_again(client, ministry_user):
    school = make_org(head_birth_date=datetime.date(1955, 1, 1))
    make_vacancy(school)
    client.force_login(ministry_user)

    response = client.get(reverse("onboarding:forecast"))

    (row,) = response.context["rows"]
    assert row.organization.has_open_vacancy
    assert "уже открыта" in response.content.decode()


@pytest.mark.django_db
def test_a_coordinator_may_not_turn_another_municipalitys_signal_into_a_vacancy(
    client, municipal_user
):
    theirs = make_org(municipality_name=ORSK, head_birth_date=datetime.date(1950, 1, 1))
    regional = make_org(founder=Founder.REGIONAL, head_birth_date=datetime.date(1950, 1, 1))
    client.force_login(municipal_user)

    for organization in (theirs, regional):
        response = client.post(reverse("onboarding:forecast_vacancy", args=[organization.pk]))
        assert response.status_code == 404
    assert not Vacancy.objects.exists()
