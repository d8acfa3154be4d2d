"""The home pages: the ministry's signals lead into the forecast; coordinators see their
vacancies and new heads; a reservist sees the offer to answer."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.development.mentoring_factories import ORSK
from tests.onboarding.factories import (
    appointed,
    make_offer,
    make_org,
    make_vacancy,
    reservist_for,
    shortlist,
)

pytestmark = pytest.mark.django_db


def test_the_ministrys_early_signals_link_into_the_forecast_and_the_coverage(client, ministry_user):
    client.force_login(ministry_user)

    page = client.get(reverse("accounts:home_ministry")).content.decode()

    assert (
        f'<a href="{reverse("onboarding:forecast")}">Ранние признаки будущих вакансий</a>' in page
    )
    assert reverse("onboarding:coverage") in page


def test_a_coordinator_sees_their_vacancies_and_new_heads(
    client, municipal_user, outsider_municipal_user
):
    mine = make_vacancy(make_org(short_name="МОБУ «СОШ № 77»"))
    make_vacancy(make_org(municipality_name=ORSK, short_name="МОБУ «СОШ № 88»"))
    plan = appointed(municipal_user)
    appointed(outsider_municipal_user, place=ORSK, municipality_name=ORSK)
    client.force_login(municipal_user)

    response = client.get(reverse("accounts:home_municipal"))

    overview = response.context["onboarding"]
    assert overview.vacancies == [mine]
    assert [item.pk for item in overview.plans] == [plan.pk]
    page = response.content.decode()
    assert "МОБУ «СОШ № 77»" in page and "МОБУ «СОШ № 88»" not in page


def test_a_reservist_sees_the_offer_to_answer_on_their_home(client):
    vacancy = make_vacancy(make_org(short_name="МОБУ «СОШ № 5»"))
    membership = reservist_for(vacancy, username="reservist")
    shortlist(vacancy, membership)
    offer = make_offer(vacancy, membership)
    client.login(username="reservist", password=PASSWORD)

    page = client.get(reverse("accounts:home_candidate")).content.decode()

    assert reverse("onboarding:offer_answer", args=[offer.pk]) in page
    assert "Ответьте на предложение должности" in page
