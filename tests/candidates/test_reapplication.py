"""Re-application after a refusal: not before the Regulation's term from the day of refusal."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import Nomination, NominationSource, NominationStatus
from candidates.services.nominations import nomination_create
from registry.models import PositionKind
from tests.candidates.factories import make_candidate, make_nomination
from tests.candidates.test_bulk_nomination import _person, _upload, _xlsx

pytestmark = pytest.mark.django_db

REFUSED_AT = datetime.datetime(2026, 3, 16, 11, 0, tzinfo=datetime.UTC)  # 16.03.2026 in Orenburg


def _refused(candidate=None) -> Nomination:
    nomination = make_nomination(status=NominationStatus.REFUSED, candidate=candidate)
    Nomination.objects.filter(pk=nomination.pk).update(status_changed_at=REFUSED_AT)
    return nomination


def _open(candidate, code: str = "director-general") -> Nomination:
    return nomination_create(
        candidate=candidate,
        position_kind=PositionKind.objects.get(code=code),
        municipality=candidate.municipality,
        source=NominationSource.SELF,
        actor=candidate.user,
    )


def test_a_refused_person_may_not_stand_for_the_same_post_within_twelve_months():
    refused = _refused()

    day_before = datetime.datetime(2027, 3, 15, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(day_before), pytest.raises(ValidationError) as refusal:
        _open(refused.candidate)

    assert refusal.value.messages == [
        "16.03.2026 во включении в резерв на эту должность отказано: по Положению выдвинуться "
        "повторно можно не ранее чем через 12 мес. со дня отказа, то есть с 16.03.2027."
    ]
    assert Nomination.objects.filter(candidate=refused.candidate).count() == 1


def test_the_term_ends_on_the_same_day_a_year_later():
    refused = _refused()

    with time_machine.travel(datetime.datetime(2027, 3, 16, 4, 0, tzinfo=datetime.UTC)):
        again = _open(refused.candidate)

    assert again.status == NominationStatus.DRAFT


def test_another_post_is_open_to_the_refused_person_at_once():
    refused = _refused()

    with time_machine.travel(datetime.datetime(2026, 4, 1, 12, 0, tzinfo=datetime.UTC)):
        other = _open(refused.candidate, code="deputy-general")

    assert other.position_kind.code == "deputy-general"


def test_the_candidate_reads_why_on_the_applications_page(client):
    refused = _refused()
    client.force_login(refused.candidate.user)

    with time_machine.travel(datetime.datetime(2026, 9, 1, 12, 0, tzinfo=datetime.UTC)):
        response = client.post(
            reverse("candidates:applicant_nominations"),
            {
                "position_kind": refused.position_kind_id,
                "municipality": refused.candidate.municipality_id,
            },
        )

    assert response.status_code == 200
    assert "не ранее чем через 12 мес. со дня отказа, то есть с 16.03.2027" in (
        response.content.decode()
    )
    assert Nomination.objects.filter(candidate=refused.candidate).count() == 1


def test_a_list_naming_a_refused_person_is_refused_at_the_check(
    client, municipal_user, organization
):
    candidate = make_candidate(municipality=organization.municipality)
    _refused(candidate)
    client.force_login(municipal_user)
    row = _person(organization, 1, Email=candidate.email)

    with time_machine.travel(datetime.datetime(2026, 9, 1, 12, 0, tzinfo=datetime.UTC)):
        errors = [str(error) for error in _upload(client, _xlsx([row])).context["plan"].errors]

    assert len(errors) == 1
    assert errors[0].startswith("строка 2, столбец «Целевая должность»: ")
    assert "то есть с 16.03.2027" in errors[0]
