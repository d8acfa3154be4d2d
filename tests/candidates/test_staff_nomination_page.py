"""The staff's page of one nomination: who may open it and what it shows."""

import datetime

import pytest
from django.urls import reverse

from audit.models import PersonalDataAccess
from candidates.models import (
    NominationStatus,
    ProfessionalDevelopment,
    WorkKind,
    WorkRecord,
)
from candidates.services.eligibility import eligibility_evaluate, eligibility_override
from candidates.services.nominations import nomination_transition
from registry.models import Municipality
from tests.candidates.factories import make_nomination

S = NominationStatus


def _url(nomination) -> str:
    return reverse("candidates:staff_nomination", args=[nomination.pk])


@pytest.fixture
def nomination(db):
    return make_nomination(status=S.DOCUMENT_CHECK, last_name="Семёнова", first_name="Ольга")


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_login(client, nomination):
    response = client.get(_url(nomination))

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["outsider_municipal_user", "expert_user", "mentor_user", "candidate_user"]
)
def test_it_is_not_found_for_outsiders(client, request, nomination, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url(nomination)).status_code == 404


@pytest.mark.django_db
def test_the_candidate_themself_gets_no_staff_page(client, nomination):
    client.force_login(nomination.candidate.user)

    assert client.get(_url(nomination)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "admin_user"])
def test_staff_of_the_territory_open_it_and_the_view_is_logged(
    client, request, nomination, persona
):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    response = client.get(_url(nomination))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Семёнова Ольга" in content
    assert "Учитель математики" in content
    record = PersonalDataAccess.objects.get(actor=user)
    assert record.subject_id == str(nomination.candidate_id)
    assert record.subject_type == "candidates.candidate"


@pytest.mark.django_db
def test_it_shows_the_computed_service(client, ministry_user):
    nomination = make_nomination(status=S.SUBMITTED)
    candidate = nomination.candidate
    candidate.work_records.all().delete()
    WorkRecord.objects.create(
        candidate=candidate,
        organization_name="МОБУ «СОШ № 5»",
        post="Учитель",
        kind=WorkKind.PEDAGOGICAL,
        started_on=datetime.date(2015, 9, 1),
        ended_on=datetime.date(2019, 3, 31),
    )
    WorkRecord.objects.create(
        candidate=candidate,
        organization_name="МОБУ «СОШ № 5»",
        post="Заместитель директора",
        kind=WorkKind.MANAGEMENT,
        started_on=datetime.date(2019, 4, 1),
        ended_on=datetime.date(2021, 3, 31),
    )
    client.force_login(ministry_user)

    content = client.get(_url(nomination)).content.decode()

    assert "на педагогических должностях: <strong>3 г. 7 мес.</strong>" in content
    assert "на руководящих: <strong>2 г.</strong>" in content


@pytest.mark.django_db
def test_it_lists_documents_with_their_check_state(client, ministry_user, nomination):
    document = nomination.documents.get(kind="diploma")
    document.is_checked = False
    document.save(update_fields=["is_checked"])
    client.force_login(ministry_user)

    content = client.get(_url(nomination)).content.decode()

    download = reverse("candidates:document_download", args=[document.pk])
    assert f'<a href="{download}">diploma.pdf</a>' in content
    assert "не проверен" in content
    assert client.get(download).status_code == 200
    assert reverse("candidates:staff_document_check", args=[nomination.pk, document.pk]) in content


@pytest.mark.django_db
def test_a_coordinator_sees_but_cannot_act(client, municipal_user, nomination):
    client.force_login(municipal_user)

    response = client.get(_url(nomination))

    assert response.context["actions"] == []
    assert not response.context["can_check_documents"]
    assert not response.context["can_evaluate"]
    assert not response.context["can_override"]
    content = response.content.decode()
    assert reverse("candidates:staff_nomination_transition", args=[nomination.pk]) not in content
    assert "Отметить проверенным" not in content


@pytest.mark.django_db
def test_it_offers_the_actions_of_the_current_state_only(client, ministry_user):
    client.force_login(ministry_user)
    expected = {
        S.SUBMITTED: ["Принять на проверку документов", "Вернуть на доработку"],
        S.DOCUMENT_CHECK: ["Допустить", "Вернуть на доработку", "Не допустить"],
        S.ADMITTED: ["Направить на оценку"],
        S.ASSESSMENT: ["Передать на рассмотрение комиссии"],
        S.COMMISSION_REVIEW: [],
        S.DRAFT: [],
        S.RETURNED: [],
    }
    for status, labels in expected.items():
        nomination = make_nomination(status=status, documents=False)
        response = client.get(_url(nomination))
        assert [action["label"] for action in response.context["actions"]] == labels, status


@pytest.mark.django_db
def test_it_explains_every_eligibility_condition_and_the_regulation_used(
    client, ministry_user, nomination
):
    ProfessionalDevelopment.objects.create(
        candidate=nomination.candidate,
        programme="Менеджмент в образовании",
        field="management",
        hours=120,
        year=2020,
    )
    check = eligibility_evaluate(nomination=nomination, actor=ministry_user)
    client.force_login(ministry_user)

    content = client.get(_url(nomination)).content.decode()

    assert len(check.results) == 4  # two routes of 761н, two of 250н for a school director
    for route in check.results:
        assert route["title"] in content
        for condition in route["conditions"]:
            assert condition["text"] in content
    assert "Нет высшего образования по направлениям" in content
    assert "объёмом не менее 250 ч." in content
    assert f"Редакция № {check.regulation_version.number}".lower() in content
    assert "не соответствует" in content


@pytest.mark.django_db
def test_it_shows_the_override_with_author_date_and_reason(client, ministry_user, nomination):
    check = eligibility_evaluate(nomination=nomination, actor=ministry_user)
    eligibility_override(
        check=check,
        actor=ministry_user,
        recommendation_number="АК-7",
        recommendation_date=datetime.date(2026, 1, 20),
        reason="Стаж подтверждён архивной справкой",
    )
    client.force_login(ministry_user)

    content = client.get(_url(nomination)).content.decode()

    assert "Рекомендация аттестационной комиссии" in content
    assert "протокол № АК-7 от 20.01.2026" in content
    assert "Стаж подтверждён архивной справкой" in content
    assert str(ministry_user) in content


@pytest.mark.django_db
def test_a_returned_application_shows_what_to_fix(client, ministry_user):
    nomination = make_nomination(status=S.RETURNED)
    nomination.return_reason = "Загрузите диплом с приложением"
    nomination.save(update_fields=["return_reason"])
    client.force_login(ministry_user)

    assert "Загрузите диплом с приложением" in client.get(_url(nomination)).content.decode()


@pytest.mark.django_db
def test_the_timeline_shows_each_change_with_its_actor(client, ministry_user, nomination):
    nomination_transition(
        nomination=nomination, to_status=S.RETURNED, actor=ministry_user, reason="Нет рекомендации"
    )
    client.force_login(ministry_user)

    content = client.get(_url(nomination)).content.decode()

    timeline = content[content.index("История заявки") :]
    assert "проверка документов" in timeline
    assert "возвращена на доработку</span>" in timeline
    assert "Нет рекомендации" in timeline
    assert str(ministry_user) in timeline


@pytest.mark.django_db
def test_a_coordinator_of_the_municipality_opens_it_but_not_anothers(
    client, municipal_user, outsider_municipal_user
):
    orsk = Municipality.objects.get(name="город Орск")
    orsk_nomination = make_nomination(municipality=orsk, status=S.SUBMITTED)
    client.force_login(municipal_user)

    assert client.get(_url(orsk_nomination)).status_code == 404
    client.force_login(outsider_municipal_user)
    assert client.get(_url(orsk_nomination)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "text"),
    [
        (S.DRAFT, "Кандидат ещё заполняет заявку"),
        (S.RETURNED, "Заявка у кандидата на доработке"),
        (S.COMMISSION_REVIEW, "Решение о включении в резерв принимает комиссия"),
    ],
)
def test_it_says_who_acts_next_when_the_staff_have_no_action(client, ministry_user, status, text):
    nomination = make_nomination(status=status, documents=False)
    client.force_login(ministry_user)

    response = client.get(_url(nomination))

    assert response.context["actions"] == []
    assert text in response.content.decode()


@pytest.mark.django_db
def test_a_coordinator_is_told_the_review_is_the_ministrys(client, municipal_user, nomination):
    client.force_login(municipal_user)

    content = client.get(_url(nomination)).content.decode()

    assert "выполняет специалист министерства" in content
