"""The pass mark gates the commission's agenda; refusals pick their grounds from the result."""

import pytest
from django.core.exceptions import ValidationError

from candidates.models import AgendaItem, Candidate, NominationStatus
from candidates.services.commission import agenda_item_add, nomination_refuse_below_pass_mark
from candidates.services.profiles import candidate_name_forms_correct
from tests.candidates.commission_factories import (
    assess,
    chair_of,
    make_full_commission,
    make_meeting,
    put_on_agenda,
)
from tests.candidates.factories import make_candidate, make_nomination

pytestmark = pytest.mark.django_db

GAP = {"code": "K04", "name": "Финансы, право и закупки", "level": 2, "target": 3}


@pytest.fixture
def meeting():
    return make_meeting(make_full_commission())


def _add(meeting, nomination, actor, category="operational", readiness="ready_now"):
    return agenda_item_add(
        meeting=meeting, nomination=nomination, category=category, readiness=readiness, actor=actor
    )


def test_a_nomination_below_the_pass_mark_does_not_go_on_the_agenda(meeting, ministry_user):
    nomination = make_nomination(status=NominationStatus.COMMISSION_REVIEW)
    assess(nomination, total=52.5, gaps=[GAP])

    with pytest.raises(ValidationError) as refusal:
        _add(meeting, nomination, ministry_user)

    assert "итоговый балл 52,5 из 100" in refusal.value.messages[0]
    assert "проходной балл по Положению — 60" in refusal.value.messages[0]
    assert not AgendaItem.objects.exists()


def test_a_nomination_without_a_finished_result_does_not_go_either(meeting, ministry_user):
    nomination = make_nomination(status=NominationStatus.COMMISSION_REVIEW)

    with pytest.raises(ValidationError, match="оценка кандидата не завершена"):
        _add(meeting, nomination, ministry_user)


def test_category_and_readiness_must_agree(meeting, ministry_user):
    nomination = make_nomination(status=NominationStatus.COMMISSION_REVIEW)
    assess(nomination, total=80)

    with pytest.raises(ValidationError, match="«оперативный» допускает только"):
        _add(meeting, nomination, ministry_user, readiness="within_three_years")
    item = _add(meeting, nomination, ministry_user, readiness="within_year")

    assert (item.category, item.readiness) == ("operational", "within_year")


def test_the_ministry_refuses_below_the_pass_mark_on_the_results_own_deficits(ministry_user):
    nomination = make_nomination(status=NominationStatus.COMMISSION_REVIEW)
    assess(nomination, total=50, gaps=[GAP])

    with pytest.raises(ValidationError, match="Отметьте основания"):
        nomination_refuse_below_pass_mark(
            nomination=nomination, grounds=["придуманное основание"], actor=ministry_user
        )
    refused = nomination_refuse_below_pass_mark(
        nomination=nomination,
        grounds=["дефицит компетенции «Финансы, право и закупки»: уровень 2 при требуемом 3"],
        actor=ministry_user,
    )

    assert refused.status == NominationStatus.REFUSED
    reason = refused.status_changes.last().reason
    assert "дефицит компетенции «Финансы, право и закупки»: уровень 2 при требуемом 3" in reason


def test_a_passing_nomination_is_refused_only_by_the_commission(ministry_user):
    nomination = make_nomination(status=NominationStatus.COMMISSION_REVIEW)
    assess(nomination, total=75)

    with pytest.raises(ValidationError, match="решение о кандидатуре принимает комиссия"):
        nomination_refuse_below_pass_mark(nomination=nomination, grounds=[], actor=ministry_user)


def test_the_decide_form_offers_the_deficits_of_the_result(client, ministry_user, meeting):
    nomination = make_nomination(status=NominationStatus.COMMISSION_REVIEW)
    assess(nomination, total=70, gaps=[GAP])
    put_on_agenda(meeting, ministry_user, nomination=nomination)
    client.force_login(chair_of(meeting))  # the chair or the secretary decides (issue 14)

    page = client.get(f"/selection/meetings/{meeting.pk}/").content.decode()

    assert "дефицит компетенции «Финансы, право и закупки»: уровень 2 при требуемом 3" in page


def test_staff_correct_the_case_forms_of_an_unusual_name(ministry_user):
    candidate = make_candidate(last_name="Мамедова", first_name="Айгюн", middle_name="Расим кызы")
    assert candidate.gender == "female"

    with pytest.raises(ValidationError):
        candidate_name_forms_correct(
            candidate=candidate, actor=ministry_user, data={"gender": "female"}
        )
    candidate_name_forms_correct(
        candidate=candidate,
        actor=ministry_user,
        data={
            "gender": "female",
            "name_genitive": "Мамедовой Айгюн Расим кызы",
            "name_dative": "Мамедовой Айгюн Расим кызы",
            "name_accusative": "Мамедову Айгюн Расим кызы",
            "name_instrumental": "Мамедовой Айгюн Расим кызы",
        },
    )

    stored = Candidate.objects.get(pk=candidate.pk)
    assert stored.name_forms_corrected
    assert stored.name_in("accusative") == "Мамедову Айгюн Расим кызы"
