"""The checks admission rests on: the municipality's согласование, service, the справка."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import NominationSource, NominationStatus
from candidates.services.eligibility import eligibility_evaluate
from candidates.services.nominations import nomination_transition
from tests.candidates.factories import make_nomination

pytestmark = pytest.mark.django_db
S = NominationStatus


def _url(name, nomination, *args):
    return reverse(f"candidates:{name}", args=[nomination.pk, *args])


def test_a_self_nomination_waits_for_the_coordinator(client, ministry_user, municipal_user):
    nomination = make_nomination(status=S.SUBMITTED, agreed=False)

    with pytest.raises(ValidationError, match="ждёт согласования муниципального органа"):
        nomination_transition(
            nomination=nomination, to_status=S.DOCUMENT_CHECK, actor=ministry_user
        )
    client.force_login(ministry_user)  # the ministry does not agree for the municipality
    assert (
        client.post(_url("staff_municipal_decide", nomination), {"approved": "1"}).status_code
        == 404
    )
    client.force_login(municipal_user)
    client.post(_url("staff_municipal_decide", nomination), {"approved": "1"})

    nomination.refresh_from_db()
    assert (nomination.municipal_decision, nomination.municipal_decided_by) == (
        "approved",
        municipal_user,
    )
    nomination_transition(nomination=nomination, to_status=S.DOCUMENT_CHECK, actor=ministry_user)


def test_another_municipalitys_coordinator_gets_404(client, outsider_municipal_user):
    nomination = make_nomination(status=S.SUBMITTED, agreed=False)
    client.force_login(outsider_municipal_user)

    response = client.post(_url("staff_municipal_decide", nomination), {"approved": "1"})

    assert response.status_code == 404


def test_not_agreed_closes_the_nomination_with_the_reason(client, municipal_user):
    nomination = make_nomination(status=S.SUBMITTED, agreed=False)
    client.force_login(municipal_user)

    client.post(_url("staff_municipal_decide", nomination), {"approved": "0", "reason": ""})
    nomination.refresh_from_db()
    assert nomination.status == S.SUBMITTED  # a refusal needs its reason
    client.post(
        _url("staff_municipal_decide", nomination),
        {"approved": "0", "reason": "Стаж в должности заместителя менее года"},
    )

    nomination.refresh_from_db()
    assert nomination.status == S.NOT_ADMITTED
    assert "Стаж в должности заместителя менее года" in nomination.status_changes.last().reason


def test_a_nomination_by_the_municipal_authority_needs_no_agreement(ministry_user):
    nomination = make_nomination(status=S.SUBMITTED, agreed=False)
    nomination.source = NominationSource.MUNICIPAL_AUTHORITY
    nomination.save(update_fields=["source"])

    nomination_transition(nomination=nomination, to_status=S.DOCUMENT_CHECK, actor=ministry_user)


def _eligible_in_check(ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    check = eligibility_evaluate(nomination=nomination, actor=ministry_user)
    check.override_eligible = True
    check.override_reason = "Для теста"
    check.save()
    return nomination


def test_unverified_service_bars_admission_until_staff_verify(client, ministry_user):
    nomination = _eligible_in_check(ministry_user)
    record = nomination.candidate.work_records.first()
    nomination.candidate.work_records.update(verified_at=None)

    with pytest.raises(ValidationError, match="Не сверены с трудовой книжкой"):
        nomination_transition(nomination=nomination, to_status=S.ADMITTED, actor=ministry_user)
    client.force_login(ministry_user)
    for work in nomination.candidate.work_records.all():
        client.post(_url("staff_work_verify", nomination, work.pk))

    record.refresh_from_db()
    assert record.verified_by == ministry_user
    nomination_transition(nomination=nomination, to_status=S.ADMITTED, actor=ministry_user)


def test_a_disqualifying_certificate_bars_admission(client, ministry_user):
    nomination = _eligible_in_check(ministry_user)
    certificate = nomination.documents.get(kind="no_criminal_record")
    client.force_login(ministry_user)

    client.post(
        _url("staff_document_disqualifying", nomination, certificate.pk), {"disqualifying": "1"}
    )

    with pytest.raises(ValidationError, match="препятствующие педагогической деятельности"):
        nomination_transition(nomination=nomination, to_status=S.ADMITTED, actor=ministry_user)


def test_without_the_certificate_there_is_no_admission(ministry_user):
    nomination = _eligible_in_check(ministry_user)
    nomination.documents.filter(kind="no_criminal_record").delete()

    with pytest.raises(ValidationError, match="Нет справки о наличии"):
        nomination_transition(nomination=nomination, to_status=S.ADMITTED, actor=ministry_user)
