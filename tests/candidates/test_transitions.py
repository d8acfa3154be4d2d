"""Every transition of a nomination: allowed from its states, refused from the others."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from audit.models import AuditEvent
from candidates.models import Nomination, NominationStatus, StatusChange
from candidates.services.eligibility import eligibility_evaluate, eligibility_override
from candidates.services.nominations import TRANSITIONS, nomination_transition
from governance.consent import consent_withdraw
from governance.models import ConsentPurpose
from tests.candidates.factories import make_nomination

S = NominationStatus
PAIRS = [(target, source) for target in TRANSITIONS for source in S]


def _reason_for(target):
    return "Исправьте сведения" if TRANSITIONS[target].needs_reason else ""


@pytest.mark.django_db
@pytest.mark.parametrize(("target", "source"), PAIRS, ids=[f"{s}->{t}" for t, s in PAIRS])
def test_each_transition_is_allowed_only_from_its_sources(target, source, ministry_user):
    nomination = make_nomination(status=source)
    if target == S.ADMITTED and source == S.DOCUMENT_CHECK:
        check = eligibility_evaluate(nomination=nomination, actor=ministry_user)
        eligibility_override(
            check=check,
            actor=ministry_user,
            recommendation_number="АК-7",
            recommendation_date=datetime.date(2026, 1, 20),
            reason="Проверено",
        )

    if source in TRANSITIONS[target].sources:
        nomination_transition(
            nomination=nomination, to_status=target, actor=ministry_user, reason=_reason_for(target)
        )
        nomination.refresh_from_db()
        assert nomination.status == target
        change = StatusChange.objects.filter(nomination=nomination).last()
        assert (change.from_status, change.to_status, change.actor) == (
            source,
            target,
            ministry_user,
        )
        assert AuditEvent.objects.filter(action="nomination.transition").count() == 1
    else:
        with pytest.raises(ValidationError):
            nomination_transition(
                nomination=nomination,
                to_status=target,
                actor=ministry_user,
                reason=_reason_for(target),
            )
        nomination.refresh_from_db()
        assert nomination.status == source
        assert not AuditEvent.objects.filter(action="nomination.transition").exists()


@pytest.mark.django_db
def test_returning_requires_a_reason_and_tells_the_candidate(
    ministry_user, django_capture_on_commit_callbacks
):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    with pytest.raises(ValidationError, match="Укажите причину"):
        nomination_transition(nomination=nomination, to_status=S.RETURNED, actor=ministry_user)

    with django_capture_on_commit_callbacks(execute=True):
        nomination_transition(
            nomination=nomination,
            to_status=S.RETURNED,
            actor=ministry_user,
            reason="Загрузите диплом с приложением",
        )

    nomination.refresh_from_db()
    assert nomination.return_reason == "Загрузите диплом с приложением"
    assert len(mail.outbox) == 1
    assert "возвращена на доработку" in mail.outbox[0].subject
    assert "Загрузите диплом с приложением" in mail.outbox[0].body


@pytest.mark.django_db
def test_submitting_an_incomplete_application_lists_what_is_missing(candidate_user):
    nomination = make_nomination(status=S.DRAFT, documents=False, complete=False)

    with pytest.raises(ValidationError) as raised:
        nomination_transition(
            nomination=nomination, to_status=S.SUBMITTED, actor=nomination.candidate.user
        )

    text = " ".join(raised.value.messages)
    assert "дата рождения" in text
    assert "сведения об образовании" in text
    assert "документ «Заявление»" in text


@pytest.mark.django_db
def test_admitting_an_ineligible_candidate_needs_an_override_with_reason(ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)  # pedagogy degree: route 1 fails
    check = eligibility_evaluate(nomination=nomination, actor=ministry_user)
    assert not check.is_eligible

    with pytest.raises(ValidationError, match="не соответствует"):
        nomination_transition(nomination=nomination, to_status=S.ADMITTED, actor=ministry_user)
    with pytest.raises(ValidationError, match="текст рекомендации аттестационной комиссии"):
        eligibility_override(
            check=check,
            actor=ministry_user,
            recommendation_number="АК-7",
            recommendation_date=datetime.date(2026, 1, 20),
            reason="  ",
        )

    eligibility_override(
        check=check,
        actor=ministry_user,
        recommendation_number="АК-7",
        recommendation_date=datetime.date(2026, 1, 20),
        reason="Стаж подтверждён архивной справкой",
    )
    nomination_transition(nomination=nomination, to_status=S.ADMITTED, actor=ministry_user)

    nomination.refresh_from_db()
    assert nomination.status == S.ADMITTED


@pytest.mark.django_db
def test_withdrawn_consent_stops_processing(ministry_user):
    nomination = make_nomination(status=S.SUBMITTED)
    consent_withdraw(user=nomination.candidate.user, purpose=ConsentPurpose.PERSONAL_DATA)

    with pytest.raises(ValidationError, match="не дано или отозвано"):
        nomination_transition(
            nomination=nomination, to_status=S.DOCUMENT_CHECK, actor=ministry_user
        )


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_decisions_have_exactly_one_winner(ministry_user, admin_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    eligibility_override(
        check=eligibility_evaluate(nomination=nomination, actor=ministry_user),
        actor=ministry_user,
        recommendation_number="АК-7",
        recommendation_date=datetime.date(2026, 1, 20),
        reason="Решение для теста",
    )
    outcomes: list[str] = []
    start = threading.Barrier(3)

    def decide(to_status, actor, reason=""):
        try:
            start.wait()
            nomination_transition(
                nomination=Nomination.objects.get(pk=nomination.pk),
                to_status=to_status,
                actor=actor,
                reason=reason,
            )
            outcomes.append(to_status)
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    # Hold the row so both decisions queue on the lock, then let them race for it.
    with transaction.atomic():
        Nomination.objects.select_for_update().get(pk=nomination.pk)
        threads = [
            threading.Thread(target=decide, args=(S.ADMITTED, ministry_user)),
            threading.Thread(target=decide, args=(S.NOT_ADMITTED, admin_user, "Нет диплома")),
        ]
        for thread in threads:
            thread.start()
        start.wait()
    for thread in threads:
        thread.join(timeout=20)

    nomination.refresh_from_db()
    assert sorted(outcomes, key=str) == sorted([nomination.status, "refused"], key=str)
    assert StatusChange.objects.filter(nomination=nomination).count() == 2  # creation + one winner
    assert connection.vendor == "postgresql"
