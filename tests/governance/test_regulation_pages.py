"""The Regulation's pages: the version in force, the history, a new version through the form."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from governance.models import RegulationVersion
from governance.regulation import DEFAULT_PARAMETERS
from governance.selectors import regulation_in_force, regulation_version_in_force
from governance.services import regulation_version_create
from governance.wording import times, times_genitive, years

pytestmark = pytest.mark.django_db
PAGE = reverse("governance:regulation")
HISTORY = reverse("governance:version_list")
NEW = reverse("governance:version_create")


def _form_data(client, **changes) -> dict:
    """Return the form as the page renders it (prefilled from the version in force), changed."""
    form = client.get(NEW).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = value if isinstance(value, list) else ("" if value is None else str(value))
    data["reason"] = "Приказ министерства от 02.03.2026 № 01-21/300"
    data.update(changes)
    return data


def test_anonymous_goes_to_login(client):
    for url in [PAGE, HISTORY, NEW, reverse("governance:document")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "persona", ["municipal_user", "expert_user", "mentor_user", "candidate_user", "ministry_user"]
)
def test_every_signed_in_user_reads_the_regulation(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(PAGE)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Срок пребывания в кадровом резерве — 3 года." in text
    assert "не менее 5 лет на педагогических должностях" in text
    assert "не менее 250 ч" in text
    assert "Проходной балл: <strong>60</strong>" in text
    assert "не менее <strong>50 %</strong> членов комиссии" in text
    assert "до 1 июля и до 10 декабря" in text
    assert "Заведующий дошкольной образовательной организацией" in text
    assert client.get(HISTORY).status_code == 200


@pytest.mark.parametrize("persona", ["municipal_user", "expert_user", "candidate_user"])
def test_only_the_ministry_changes_the_regulation(client, request, persona, ministry_user):
    client.force_login(ministry_user)
    data = _form_data(client)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(NEW).status_code == 404
    assert client.post(NEW, data).status_code == 404
    assert "Новая редакция" not in client.get(PAGE).content.decode()
    assert RegulationVersion.objects.count() == 1


def test_the_ministry_makes_a_new_version(client, ministry_user):
    client.force_login(ministry_user)
    data = _form_data(
        client,
        reserve_term_years="5",
        route_0_0_years="6",
        route_0_1_dpo_hours="500",
        weight_portfolio="10",
        weight_self_assessment="0",
        commission_quorum_percent="67",
        reporting_dates="15.06, 01.12",
        categories="operational: оперативный — готов в течение года\nreserve_2: дальний",
        required_documents=["application", "questionnaire", "diploma", "consent"],
    )

    response = client.post(NEW, data)

    assert response.status_code == 302
    assert response.url == PAGE
    version = regulation_version_in_force()
    assert (version.number, version.author, version.reason) == (
        2,
        ministry_user,
        "Приказ министерства от 02.03.2026 № 01-21/300",
    )
    regulation = regulation_in_force()
    assert regulation.reserve_term_years == 5
    assert regulation.commission_quorum_percent == 67
    assert regulation.reporting_dates == ((6, 15), (12, 1))
    assert regulation.eligibility[0].routes[0].min_experience_years == 6
    assert regulation.eligibility[0].routes[1].dpo_min_hours == 500
    assert regulation.eligibility[1].routes[0].min_experience_years == 5  # untouched
    assert regulation.assessment_weights["portfolio"] == 10
    assert [c.name for c in regulation.categories] == ["оперативный", "дальний"]
    assert regulation.categories[0].description == "готов в течение года"
    assert "recommendation" not in regulation.required_documents
    assert AuditEvent.objects.filter(action="regulation.version_create").count() == 1
    page = client.get(PAGE).content.decode()
    assert "Срок пребывания в кадровом резерве — 5 лет." in page
    assert "по сравнению с редакцией № 1 изменены:" in page
    history = client.get(HISTORY).content.decode()
    assert "Приказ министерства от 02.03.2026 № 01-21/300" in history
    old = client.get(reverse("governance:version_detail", args=[1]))
    assert "Срок пребывания в кадровом резерве — 3 года." in old.content.decode()
    assert "утратила силу" in old.content.decode()


def test_weights_must_sum_to_100_and_the_reason_is_required(client, ministry_user):
    client.force_login(ministry_user)
    data = _form_data(client, weight_case="25", reason="   ")

    response = client.post(NEW, data)

    assert response.status_code == 400
    text = response.content.decode()
    assert "Сумма весов инструментов оценки должна быть равна 100, сейчас 105." in text
    assert "Обязательное поле." in text
    assert RegulationVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reporting_dates": "31.13"}, "месяца с номером 13 нет"),
        ({"reporting_dates": "30.02"}, "Несуществующая дата отчётности: 30.02."),
        ({"reserve_term_years": "0"}, "Убедитесь, что это значение больше либо равно 1."),
        ({"categories": "Оперативный: оперативный"}, "только латинские строчные буквы"),
        ({"readiness_levels": "now: сейчас\nnow: позже"}, "код «now» повторяется"),
        ({"exclusion_grounds": "own_request: личное заявление"}, "Оставьте основание term_expired"),
        ({"extension_term_years": "0"}, "укажите его срок не меньше 1 года"),
        ({"required_documents": []}, "Обязательное поле."),
    ],
)
def test_invalid_values_are_explained_in_russian(client, ministry_user, changes, message):
    client.force_login(ministry_user)
    response = client.post(NEW, _form_data(client, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert RegulationVersion.objects.count() == 1


def test_a_stale_form_is_refused(client, ministry_user, admin_user):
    client.force_login(ministry_user)
    data = _form_data(client, reserve_term_years="4")
    regulation_version_create(
        author=admin_user,
        parameters={**DEFAULT_PARAMETERS, "pass_threshold": 70},
        reason="Изменение, внесённое другим специалистом",
    )

    response = client.post(NEW, data)

    assert response.status_code == 400
    assert "вступила в силу редакция № 2" in response.content.decode()
    assert regulation_version_in_force().number == 2
    assert regulation_in_force().reserve_term_years == 3


def test_a_double_submit_makes_one_version(client, ministry_user):
    client.force_login(ministry_user)
    data = _form_data(client, reserve_term_years="4")

    client.post(NEW, data)
    second = client.post(NEW, data)

    assert second.status_code == 400
    assert RegulationVersion.objects.count() == 2


def test_russian_numerals():
    assert [years(n) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 год",
        "2 года",
        "5 лет",
        "11 лет",
        "21 год",
        "22 года",
    ]
    assert [times(n) for n in (1, 2, 5)] == ["1 раз", "2 раза", "5 раз"]
    # Official texts write small counts in words: «не более двух раз».
    assert [times_genitive(n) for n in (1, 2, 5)] == ["одного раза", "двух раз", "пяти раз"]


def test_the_services_refusals_stand_next_to_their_fields(client, ministry_user):
    client.force_login(ministry_user)
    data = _form_data(
        client,
        extension_term_years="0",
        categories="Оперативный: оперативный",
        weight_case="25",
    )

    form = client.post(NEW, data).context["form"]

    assert "укажите его срок не меньше 1 года" in " ".join(form.errors["extension_term_years"])
    assert "только латинские строчные буквы" in " ".join(form.errors["categories"])
    assert "сейчас 105" in " ".join(form.non_field_errors())
    assert RegulationVersion.objects.count() == 1
