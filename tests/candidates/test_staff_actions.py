"""The review actions on the staff's nomination page: transitions, document checks, eligibility."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from candidates.models import EligibilityCheck, NominationStatus, StatusChange
from candidates.services.eligibility import eligibility_evaluate
from tests.candidates.factories import make_nomination

S = NominationStatus


def _transition_url(nomination) -> str:
    return reverse("candidates:staff_nomination_transition", args=[nomination.pk])


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _all_action_posts(nomination):
    document = nomination.documents.first()
    document.is_checked = False
    document.save(update_fields=["is_checked"])
    check = eligibility_evaluate(nomination=nomination, actor=None)
    return [
        (_transition_url(nomination), {"to_status": S.DOCUMENT_CHECK}),
        (
            reverse("candidates:staff_document_check", args=[nomination.pk, document.pk]),
            {"checked": "1"},
        ),
        (reverse("candidates:staff_eligibility_check", args=[nomination.pk]), {}),
        (
            reverse("candidates:staff_eligibility_override", args=[nomination.pk, check.pk]),
            {"eligible": "1", "reason": "Основание"},
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status_code"),
    [
        ("outsider_municipal_user", 404),
        ("expert_user", 404),
        ("mentor_user", 404),
        ("candidate_user", 404),
        # The coordinator sees the nomination, but the review is the ministry's.
        ("municipal_user", 403),
    ],
)
def test_every_action_is_refused_to_those_who_do_not_review(client, request, persona, status_code):
    nomination = make_nomination(status=S.SUBMITTED)
    client.force_login(request.getfixturevalue(persona))

    for url, data in _all_action_posts(nomination):
        assert client.post(url, data).status_code == status_code, url

    nomination.refresh_from_db()
    assert nomination.status == S.SUBMITTED
    assert nomination.documents.filter(is_checked=False).count() == 1
    assert EligibilityCheck.objects.filter(nomination=nomination).count() == 1
    assert not EligibilityCheck.objects.filter(override_eligible__isnull=False).exists()


@pytest.mark.django_db
def test_actions_answer_only_post(client, ministry_user):
    nomination = make_nomination(status=S.SUBMITTED)
    client.force_login(ministry_user)

    assert client.get(_transition_url(nomination)).status_code == 405


@pytest.mark.django_db
def test_anonymous_posts_go_to_login(client):
    nomination = make_nomination(status=S.SUBMITTED)

    response = client.post(_transition_url(nomination), {"to_status": S.DOCUMENT_CHECK})

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "target", "reason"),
    [
        (S.SUBMITTED, S.DOCUMENT_CHECK, ""),
        (S.SUBMITTED, S.RETURNED, "Приложите рекомендацию"),
        (S.DOCUMENT_CHECK, S.RETURNED, "Диплом нечитаем"),
        (S.DOCUMENT_CHECK, S.NOT_ADMITTED, "Нет высшего образования"),
        (S.ASSESSMENT, S.COMMISSION_REVIEW, ""),
    ],
)
def test_each_action_moves_the_state(client, ministry_user, source, target, reason):
    # «Направить на оценку» also chooses the campaign: tests/assessment/test_send_to_assessment.py
    nomination = make_nomination(status=source)
    client.force_login(ministry_user)

    response = client.post(_transition_url(nomination), {"to_status": target, "reason": reason})

    assert response.status_code == 302
    assert response.url == reverse("candidates:staff_nomination", args=[nomination.pk])
    nomination.refresh_from_db()
    assert nomination.status == target
    change = StatusChange.objects.filter(nomination=nomination).last()
    assert (change.from_status, change.to_status, change.actor, change.reason) == (
        source,
        target,
        ministry_user,
        reason,
    )
    assert f"Заявка переведена в статус «{target.label}»." in _messages(response)


@pytest.mark.django_db
def test_admitting_goes_through_the_eligibility_and_document_rules(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    client.force_login(ministry_user)

    response = client.post(_transition_url(nomination), {"to_status": S.ADMITTED})

    nomination.refresh_from_db()
    assert nomination.status == S.DOCUMENT_CHECK
    assert any("соответствие" in message for message in _messages(response))


@pytest.mark.django_db
def test_returning_without_saying_what_to_fix_is_refused(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    client.force_login(ministry_user)

    response = client.post(_transition_url(nomination), {"to_status": S.RETURNED, "reason": " "})

    nomination.refresh_from_db()
    assert nomination.status == S.DOCUMENT_CHECK
    assert any("Укажите причину" in message for message in _messages(response))


@pytest.mark.django_db
def test_a_stale_page_is_refused_with_the_services_message(client, ministry_user):
    nomination = make_nomination(status=S.SUBMITTED)
    client.force_login(ministry_user)
    client.post(_transition_url(nomination), {"to_status": S.RETURNED, "reason": "Исправьте"})

    # The same button pressed again on the page loaded before the first press.
    response = client.post(_transition_url(nomination), {"to_status": S.RETURNED, "reason": "Ещё"})

    nomination.refresh_from_db()
    assert nomination.status == S.RETURNED
    assert nomination.return_reason == "Исправьте"
    assert StatusChange.objects.filter(nomination=nomination, to_status=S.RETURNED).count() == 1
    assert any(
        "Заявка уже в статусе «возвращена на доработку»" in message
        for message in _messages(response)
    )


@pytest.mark.django_db
def test_commission_decisions_are_not_offered_here(client, ministry_user):
    nomination = make_nomination(status=S.COMMISSION_REVIEW)
    client.force_login(ministry_user)

    response = client.post(_transition_url(nomination), {"to_status": S.INCLUDED})

    nomination.refresh_from_db()
    assert nomination.status == S.COMMISSION_REVIEW
    assert "Неизвестное действие" in " ".join(_messages(response))


@pytest.mark.django_db
def test_the_document_check_toggles(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    document = nomination.documents.first()
    document.is_checked = False
    document.save(update_fields=["is_checked"])
    url = reverse("candidates:staff_document_check", args=[nomination.pk, document.pk])
    client.force_login(ministry_user)

    client.post(url, {"checked": "1"})
    document.refresh_from_db()
    assert (document.is_checked, document.checked_by) == (True, ministry_user)

    client.post(url, {"checked": "0"})
    document.refresh_from_db()
    assert (document.is_checked, document.checked_by) == (False, None)


@pytest.mark.django_db
def test_a_document_of_another_nomination_is_not_found(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    other = make_nomination(status=S.DOCUMENT_CHECK)
    foreign = other.documents.first()
    client.force_login(ministry_user)

    url = reverse("candidates:staff_document_check", args=[nomination.pk, foreign.pk])
    assert client.post(url, {"checked": "1"}).status_code == 404


@pytest.mark.django_db
def test_the_eligibility_check_is_run_and_stored(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    client.force_login(ministry_user)

    response = client.post(reverse("candidates:staff_eligibility_check", args=[nomination.pk]))

    check = EligibilityCheck.objects.get(nomination=nomination)
    assert check.evaluated_by == ministry_user
    assert check.is_eligible is False  # a pedagogy degree and no management DPO
    assert "Проверка выполнена: кандидат не соответствует требованиям." in _messages(response)


@pytest.mark.django_db
def test_an_override_needs_a_reason(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    check = eligibility_evaluate(nomination=nomination, actor=ministry_user)
    url = reverse("candidates:staff_eligibility_override", args=[nomination.pk, check.pk])
    client.force_login(ministry_user)

    response = client.post(
        url, {"recommendation_number": "АК-7", "recommendation_date": "20.01.2026", "reason": "  "}
    )

    check.refresh_from_db()
    assert check.override_eligible is None
    # The exception is the attestation commission's recommendation, its text required.
    assert any("рекомендации аттестационной комиссии" in message for message in _messages(response))

    client.post(
        url,
        {
            "recommendation_number": "АК-7",
            "recommendation_date": "20.01.2026",
            "reason": "Стаж подтверждён справкой",
        },
    )

    check.refresh_from_db()
    assert check.override_eligible is True
    assert (check.override_by, check.override_reason) == (
        ministry_user,
        "Стаж подтверждён справкой",
    )


@pytest.mark.django_db
def test_an_override_of_a_superseded_check_is_refused(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    old = eligibility_evaluate(nomination=nomination, actor=ministry_user)
    eligibility_evaluate(nomination=nomination, actor=ministry_user)
    url = reverse("candidates:staff_eligibility_override", args=[nomination.pk, old.pk])
    client.force_login(ministry_user)

    response = client.post(url, {"eligible": "1", "reason": "Основание"})

    assert not EligibilityCheck.objects.filter(override_eligible__isnull=False).exists()
    assert "С тех пор проверка выполнена заново. Обновите страницу." in _messages(response)


@pytest.mark.django_db
def test_after_an_override_and_checked_documents_the_nomination_is_admitted(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    client.force_login(ministry_user)
    client.post(reverse("candidates:staff_eligibility_check", args=[nomination.pk]))
    check = EligibilityCheck.objects.get(nomination=nomination)
    client.post(
        reverse("candidates:staff_eligibility_override", args=[nomination.pk, check.pk]),
        {
            "recommendation_number": "АК-7",
            "recommendation_date": "20.01.2026",
            "reason": "ДПО подтверждено дипломом о переподготовке",
        },
    )

    client.post(_transition_url(nomination), {"to_status": S.ADMITTED})

    nomination.refresh_from_db()
    assert nomination.status == S.ADMITTED
