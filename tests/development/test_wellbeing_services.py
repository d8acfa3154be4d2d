"""The pulse's writes: consent first, one answer a month, withdrawal that erases the answers."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from development.models import Mentor, PulseResponse
from development.wellbeing.services import (
    pulse_answer_submit,
    pulse_consent_give,
    pulse_consent_withdraw,
)
from governance.consent import consent_active
from governance.models import ConsentPurpose
from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.candidates.factories import make_candidate

MAY = datetime.date(2026, 5, 14)
GOOD = [4, 4, 4, 5, 3]  # WHO-5: raw 20 × 4 → 80
BAD = [1, 0, 1, 2, 0]  # WHO-5: raw 4 × 4 → 16


@pytest.fixture
def reservist(db):
    membership = make_membership(
        municipality=Municipality.objects.get(name="город Орск"),
        started_on=datetime.date(2024, 9, 2),
    )
    return membership.candidate.user


@pytest.fixture
def consenting(reservist):
    pulse_consent_give(user=reservist)
    return reservist


def test_it_refuses_an_answer_without_consent(reservist):
    with pytest.raises(ValidationError, match="согласие"):
        pulse_answer_submit(user=reservist, answers=GOOD, today=MAY)

    assert not PulseResponse.objects.exists()


def test_it_saves_the_index_and_the_groups_of_the_answer(consenting):
    response, created = pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)

    assert created
    assert response.index == 80
    assert response.answers == GOOD
    assert response.submitted_on == MAY
    assert response.municipality.name == "город Орск"
    assert response.cohort_year == 2024


def test_a_second_answer_in_the_month_replaces_the_first(consenting):
    first, _ = pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)

    second, created = pulse_answer_submit(
        user=consenting, answers=BAD, today=datetime.date(2026, 5, 31)
    )

    assert not created
    assert second.pk == first.pk
    assert PulseResponse.objects.get().index == 16
    assert PulseResponse.objects.get().submitted_on == datetime.date(2026, 5, 31)
    assert AuditEvent.objects.filter(action="pulse.update").count() == 1


def test_a_new_month_adds_an_answer(consenting):
    pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)
    pulse_answer_submit(user=consenting, answers=BAD, today=datetime.date(2026, 6, 1))

    assert list(PulseResponse.objects.order_by("submitted_on").values_list("index", flat=True)) == [
        80,
        16,
    ]


def test_it_refuses_wrong_answers(consenting):
    with pytest.raises(ValidationError):
        pulse_answer_submit(user=consenting, answers=[1, 2, 3, 4, 9], today=MAY)

    assert not PulseResponse.objects.exists()


def test_only_reservists_in_the_reserve_and_mentors_may_consent(db):
    applicant = make_candidate().user  # applied, not (yet) in the reserve

    with pytest.raises(ValidationError, match="резервистам"):
        pulse_consent_give(user=applicant)

    assert consent_active(applicant, ConsentPurpose.WELLBEING) is None


def test_a_reservist_who_left_the_reserve_cannot_answer_any_more(consenting):
    consenting.candidate.memberships.update(status="appointed")

    with pytest.raises(ValidationError, match="Новые ответы"):
        pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)


def test_a_mentor_answers_in_the_municipality_of_their_organization_without_cohort(
    mentor_user, organization
):
    Mentor.objects.create(
        user=mentor_user, organization=organization, position="Директор", years_as_head=12
    )
    pulse_consent_give(user=mentor_user)

    response, _ = pulse_answer_submit(user=mentor_user, answers=GOOD, today=MAY)

    assert response.municipality_id == organization.municipality_id
    assert response.cohort_year is None


def test_withdrawal_deletes_every_answer_and_stops_new_ones(consenting, db):
    pulse_answer_submit(user=consenting, answers=GOOD, today=datetime.date(2026, 4, 3))
    pulse_answer_submit(user=consenting, answers=BAD, today=MAY)
    other = make_membership().candidate.user
    pulse_consent_give(user=other)
    pulse_answer_submit(user=other, answers=GOOD, today=MAY)

    deleted = pulse_consent_withdraw(user=consenting)

    assert deleted == 2
    assert not PulseResponse.objects.filter(user=consenting).exists()
    assert PulseResponse.objects.filter(user=other).count() == 1  # nobody else's answers go
    assert consent_active(consenting, ConsentPurpose.WELLBEING) is None
    assert AuditEvent.objects.filter(action="pulse.delete", actor=consenting).count() == 2
    with pytest.raises(ValidationError, match="согласие"):
        pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)


def test_withdrawing_twice_is_refused_in_russian(consenting):
    pulse_consent_withdraw(user=consenting)

    with pytest.raises(ValidationError, match="отзывать нечего"):
        pulse_consent_withdraw(user=consenting)


def test_consent_given_again_starts_afresh(consenting):
    pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)
    pulse_consent_withdraw(user=consenting)

    pulse_consent_give(user=consenting)
    _, created = pulse_answer_submit(user=consenting, answers=BAD, today=MAY)

    assert created
    assert list(PulseResponse.objects.values_list("index", flat=True)) == [16]


def test_the_audit_log_says_who_answered_but_never_what(consenting):
    pulse_answer_submit(user=consenting, answers=GOOD, today=MAY)
    pulse_answer_submit(user=consenting, answers=BAD, today=MAY)
    pulse_consent_withdraw(user=consenting)

    events = AuditEvent.objects.filter(action__startswith="pulse.")
    assert sorted(events.values_list("action", flat=True)) == [
        "pulse.create",
        "pulse.delete",
        "pulse.update",
    ]
    for event in events:
        text = f"{event.object_repr} {event.changes}"
        assert "80" not in text and "16" not in text
        assert event.object_repr == "Ответ на опрос благополучия за 05.2026"
