"""Consent to personal-data processing: shown, given, withdrawn after confirmation, recorded."""

import pytest
from django.contrib.messages import get_messages

from audit.models import AuditEvent
from governance.consent import consent_active, consent_text_in_force
from governance.models import ConsentPurpose, ConsentRecord
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.applicant_fixtures import url
from tests.candidates.factories import make_candidate, make_nomination

pytestmark = pytest.mark.django_db

PURPOSE = ConsentPurpose.PERSONAL_DATA


@pytest.fixture
def unconsented(db):
    return make_nomination(candidate=make_candidate(consent=False), documents=False)


def test_the_consent_page_shows_the_text_in_force(client, unconsented):
    client.force_login(unconsented.candidate.user)

    page = client.get(url("applicant_consent", unconsented)).content.decode()

    text = consent_text_in_force(PURPOSE)
    assert f"Текст согласия (версия {text.version})" in page
    assert "152-ФЗ" in page
    assert "Согласие не дано" in page


def test_consent_needs_the_box_ticked(client, unconsented):
    client.force_login(unconsented.candidate.user)

    response = client.post(url("applicant_consent", unconsented), {})

    assert response.status_code == 200
    assert "Отметьте, что даёте согласие." in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_giving_consent_records_the_version_time_and_address(client, unconsented):
    user = unconsented.candidate.user
    client.force_login(user)

    response = client.post(
        url("applicant_consent", unconsented), {"agree": "on"}, REMOTE_ADDR="10.1.2.3"
    )
    client.post(url("applicant_consent", unconsented), {"agree": "on"})

    record = ConsentRecord.objects.get(user=user)
    assert response.status_code == 302
    assert (record.text, record.given_ip, record.withdrawn_at) == (
        consent_text_in_force(PURPOSE),
        "10.1.2.3",
        None,
    )
    assert AuditEvent.objects.filter(action="consent.give").count() == 1


def test_withdrawal_asks_for_confirmation_first(applicant, draft):
    page = applicant.get(url("applicant_consent_withdraw", draft)).content.decode()

    assert "Отозвать согласие на обработку персональных данных?" in page
    assert "обработка ваших персональных данных прекратится" in page
    assert consent_active(draft.candidate.user, PURPOSE) is not None


def test_withdrawing_is_recorded_and_stops_processing(applicant, draft):
    user = draft.candidate.user

    response = applicant.post(url("applicant_consent_withdraw", draft), REMOTE_ADDR="10.9.8.7")

    record = ConsentRecord.objects.get(user=user)
    assert record.withdrawn_at is not None
    assert record.withdrawn_ip == "10.9.8.7"
    assert consent_active(user, PURPOSE) is None
    assert AuditEvent.objects.filter(action="consent.withdraw").exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Обработка ваших персональных данных прекращена" in message
    page = applicant.get(url("applicant_consent", draft)).content.decode()
    assert "отозвано" in page
    assert "Согласие не дано" in page


def test_withdrawing_twice_says_there_is_nothing_to_withdraw(applicant, draft):
    applicant.post(url("applicant_consent_withdraw", draft))

    again = applicant.post(url("applicant_consent_withdraw", draft))
    page = applicant.get(url("applicant_consent_withdraw", draft))

    assert "отзывать нечего" in " ".join(str(m) for m in get_messages(again.wsgi_request))
    assert page.status_code == 302
    assert ConsentRecord.objects.filter(user=draft.candidate.user).count() == 1


def test_consent_can_be_given_again_after_withdrawal(applicant, draft):
    applicant.post(url("applicant_consent_withdraw", draft))

    applicant.post(url("applicant_consent", draft), {"agree": "on"})

    records = ConsentRecord.objects.filter(user=draft.candidate.user)
    assert records.count() == 2
    assert records.filter(withdrawn_at__isnull=True).count() == 1
