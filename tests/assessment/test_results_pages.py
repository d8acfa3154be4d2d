"""The result page and its evidence: who sees it, what it explains, finishing the assessment."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.models import Campaign, CampaignStatus, FeedbackRelation, InstrumentKind
from assessment.results.services.results import results_compute
from audit.models import PersonalDataAccess
from candidates.models import NominationStatus, StatusChange
from registry.models import Municipality
from tests.assessment.factories import (
    add_feedback,
    assign_expert,
    campaign_instrument,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
    submit_test,
)

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]
CASE = {"K02": 3, "K04": 3, "K05": 3, "K06": 3, "K08": 3}


@pytest.fixture
def campaign(db):
    return make_campaign(
        kinds=["self_assessment", "feedback_360", "knowledge_test", "case"],
        weights={"self_assessment": 10, "feedback_360": 20, "knowledge_test": 30, "case": 40},
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )


@pytest.fixture
def participant(campaign):
    participant = make_participant(campaign=campaign, last_name="Результатова")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 3))
    submit_test(participant, {"K01": (2, 3), "K02": (3, 3)})
    add_feedback(participant, FeedbackRelation.PEER, {"K01": 4}, times=3)
    add_feedback(participant, FeedbackRelation.SUPERIOR, {"K01": 2})
    rate(
        assign_expert(participant, InstrumentKind.CASE, make_expert(last_name="Судейкина")),
        CASE,
        comment="Уверенно ведёт команду",
    )
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), CASE)
    results_compute(campaign=campaign)
    return participant


def _url(participant, name="result_detail") -> str:
    return reverse(f"assessment:{name}", args=[participant.pk])


def _evidence(participant, kind) -> str:
    ci = campaign_instrument(participant.campaign, kind)
    return reverse("assessment:result_evidence", args=[participant.pk, ci.pk])


def test_the_ministry_sees_the_profile_and_how_it_was_computed(client, ministry_user, participant):
    client.force_login(ministry_user)

    response = client.get(_url(participant))

    content = response.content.decode()
    report = response.context["report"]
    assert response.status_code == 200
    assert str(report.result.total).replace(".", ",") in content  # Russian decimal comma
    assert "Как посчитано" in content
    assert 'id="competency-radar"' in content
    assert report.chart_data()["targets"][0] == pytest.approx(66.7)  # head target 3 → 66.7
    for kind in ("self_assessment", "feedback_360", "knowledge_test", "case"):
        assert _evidence(participant, kind) in content
    assert "Уверенно ведёт команду" in content
    assert "Судейкина" in content  # staff see the experts' names
    assert PersonalDataAccess.objects.filter(
        actor=ministry_user, subject_id=str(participant.candidate_id)
    ).exists()


def test_the_candidate_sees_their_own_result_with_the_experts_unnamed(client, participant):
    # The person's own result opens once the campaign is finished (tests/assessment/
    # test_own_result.py covers the running campaign).
    Campaign.objects.filter(pk=participant.campaign_id).update(status=CampaignStatus.CLOSED)
    client.force_login(participant.candidate.user)

    response = client.get(_url(participant))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Уверенно ведёт команду" in content
    assert "Судейкина" not in content
    assert "Эксперт 1" in content
    assert not response.context["can_complete"]


def test_a_candidate_gets_404_for_someone_elses_result(client, campaign, participant):
    other = make_participant(campaign=campaign)
    client.force_login(other.candidate.user)

    assert client.get(_url(participant)).status_code == 404
    assert client.get(_evidence(participant, "case")).status_code == 404
    assert client.get(_url(participant, "result_download")).status_code == 404


def test_the_coordinator_sees_their_municipality_only(
    client, municipal_user, outsider_municipal_user, campaign, participant
):
    orsk = make_participant(
        campaign=campaign, municipality=Municipality.objects.get(name="город Орск")
    )
    client.force_login(municipal_user)
    assert client.get(_url(participant)).status_code == 200
    assert client.get(_url(orsk)).status_code == 404

    client.force_login(outsider_municipal_user)
    assert client.get(_url(participant)).status_code == 404


@pytest.mark.parametrize("persona", ["expert_user", "mentor_user"])
def test_experts_and_mentors_get_404(client, persona, request, participant):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url(participant)).status_code == 404


def test_anonymous_is_sent_to_login(client, participant):
    assert "/accounts/login/" in client.get(_url(participant))["Location"]


def test_a_result_not_computed_yet_says_so(client, ministry_user, campaign):
    fresh = make_participant(campaign=campaign)
    client.force_login(ministry_user)

    response = client.get(_url(fresh))

    assert "Результат ещё не рассчитан." in response.content.decode()


def test_the_self_assessment_evidence_lists_every_answer(client, ministry_user, participant):
    client.force_login(ministry_user)

    response = client.get(_evidence(participant, "self_assessment"))

    rows = response.context["evidence"]["rows"]
    assert len(rows) == 10
    assert all(item["value"] == 3 for row in rows for item in row["items"])
    assert rows[0]["score"] == Decimal("66.7")


def test_the_test_evidence_shows_counts_per_competency(client, ministry_user, participant):
    client.force_login(ministry_user)

    response = client.get(_evidence(participant, "knowledge_test"))

    rows = {
        row["code"]: (row["correct"], row["asked"]) for row in response.context["evidence"]["rows"]
    }
    assert rows == {"K01": (2, 3), "K02": (3, 3)}


def test_the_360_evidence_never_lets_a_small_group_be_worked_out(
    client, ministry_user, participant
):
    client.force_login(ministry_user)

    evidence = client.get(_evidence(participant, "feedback_360")).context["evidence"]

    # Peers (3) could be shown, but then the one superior's answer = overall − peers.
    assert [column["label"] for column in evidence["columns"]] == ["все ответы"]
    assert "только общее среднее" in evidence["note"]
    assert evidence["table"][0]["cells"] == [Decimal("3.5")]  # (4 + 4 + 4 + 2) / 4


def test_the_360_evidence_shows_groups_of_three(client, ministry_user, participant):
    add_feedback(participant, FeedbackRelation.SUBORDINATE, {"K01": 1}, times=2)
    client.force_login(ministry_user)

    evidence = client.get(_evidence(participant, "feedback_360")).context["evidence"]

    labels = [column["label"] for column in evidence["columns"]]
    assert labels == ["все ответы", "коллега", "«руководитель», «подчинённый» вместе"]


def test_expert_ratings_stay_hidden_until_the_panel_is_complete(
    client, ministry_user, campaign, participant
):
    pending = make_participant(campaign=campaign)
    rate(assign_expert(pending, InstrumentKind.CASE, make_expert()), CASE)
    assign_expert(pending, InstrumentKind.CASE, make_expert())
    client.force_login(ministry_user)

    hidden = client.get(_evidence(pending, "case")).context["evidence"]
    shown = client.get(_evidence(participant, "case")).context["evidence"]

    assert not hidden["unblinded"]
    assert hidden["rows"] == []
    assert shown["unblinded"]
    assert shown["rows"][0]["scores"] == [3, 3]


def test_finishing_the_assessment_passes_the_nomination_to_the_commission(
    client, ministry_user, participant
):
    client.force_login(ministry_user)

    response = client.post(_url(participant, "result_complete"), follow=True)

    assert "Заявка передана на рассмотрение комиссией." in response.content.decode()
    participant.refresh_from_db()
    participant.nomination.refresh_from_db()
    assert participant.completed_at is not None
    assert participant.nomination.status == NominationStatus.COMMISSION_REVIEW
    assert StatusChange.objects.filter(
        nomination=participant.nomination, to_status=NominationStatus.COMMISSION_REVIEW
    ).exists()


def test_an_incomplete_assessment_cannot_be_finished(client, ministry_user, campaign):
    partial = make_participant(campaign=campaign)
    submit_self_assessment(partial, dict.fromkeys(ALL_CODES, 3))
    results_compute(campaign=campaign)
    client.force_login(ministry_user)

    response = client.post(_url(partial, "result_complete"), follow=True)

    assert "Оценка не завершена" in response.content.decode()
    partial.nomination.refresh_from_db()
    assert partial.nomination.status == NominationStatus.ASSESSMENT


def test_only_the_ministry_finishes_an_assessment(client, municipal_user, participant):
    client.force_login(participant.candidate.user)
    assert client.post(_url(participant, "result_complete")).status_code == 404
    client.force_login(municipal_user)
    assert client.post(_url(participant, "result_complete")).status_code == 404
    participant.refresh_from_db()
    assert participant.completed_at is None


def test_the_summary_include_shows_the_result_compactly(participant):
    from assessment.models import Result
    from assessment.results.agenda_panels import agenda_result_panels

    result = Result.objects.get(participant=participant)
    nobody = make_participant(campaign=participant.campaign)

    panels = agenda_result_panels([participant.nomination_id, nobody.nomination_id])
    shown, empty = panels[participant.nomination_id], panels[nobody.nomination_id]

    assert result.is_complete
    assert f"Итоговый балл: {str(result.total).replace('.', ',')}" in shown
    assert "порог пройден" in shown
    assert f"место {result.rank}" in shown
    assert _url(participant) in shown
    assert "Результата оценки нет." in empty


def test_the_360_evidence_waits_for_the_end_of_the_collection(client, ministry_user):
    running = make_campaign(kinds=["feedback_360"], weights={"feedback_360": 100})
    person = make_participant(campaign=running)
    add_feedback(person, FeedbackRelation.PEER, {"K01": 4}, times=3)
    client.force_login(ministry_user)

    response = client.get(_evidence(person, "feedback_360"))

    assert not response.context["evidence"]["enough"]
    assert response.context["evidence"]["table"] == []
    assert "откроются и войдут в итоговый балл после его окончания" in response.content.decode()
