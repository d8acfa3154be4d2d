"""A small campaign computed from raw answers gives the numbers worked out by hand."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessment.models import CampaignStatus, FeedbackRelation, InstrumentKind, Result
from assessment.results.services.results import results_compute
from tests.assessment.factories import (
    add_feedback,
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
    submit_test,
)

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]
WEIGHTS = {"self_assessment": 20, "knowledge_test": 30, "case": 50}


@pytest.fixture
def campaign(db):
    return make_campaign(
        kinds=["self_assessment", "knowledge_test", "case"], weights=WEIGHTS, pass_threshold=60
    )


@pytest.fixture
def strong(campaign):
    """Self: 4 on K01, 2 on K10, 3 elsewhere; test: K01 3/3, K02 1/3, K03 2/4; case: 3s, K02 3/4."""
    participant = make_participant(campaign=campaign, last_name="Сильная")
    submit_self_assessment(participant, {**dict.fromkeys(ALL_CODES, 3), "K01": 4, "K10": 2})
    submit_test(participant, {"K01": (3, 3), "K02": (1, 3), "K03": (2, 4)})
    case = {"K02": 3, "K04": 3, "K05": 3, "K06": 3, "K08": 3}
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), case)
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), {**case, "K02": 4})
    return participant


def test_the_strong_participant_gets_the_hand_computed_result(campaign, strong):
    results_compute(campaign=campaign)

    result = Result.objects.get(participant=strong)
    # Self-assessment: K01 100, K10 33.33, eight at 66.67 → overall 66.67.
    # Test: K01 100, K02 33.33, K03 50 → overall 61.11.
    # Case: K02 (3 + 4) / 2 = 3.5 → 83.33, four at 66.67 → overall 70.
    # Total: (20 · 66.67 + 30 · 61.11 + 50 · 70) / 100 = 66.67.
    assert result.total == Decimal("66.7")
    assert result.passed
    assert result.is_complete
    scores = result.competency_scores
    assert scores["K01"] == 100.0  # self 100 (20) and test 100 (30)
    assert scores["K02"] == 65.0  # (20 · 66.67 + 30 · 33.33 + 50 · 83.33) / 100
    assert scores["K03"] == 56.7  # (20 · 66.67 + 30 · 50) / 50
    assert scores["K04"] == 66.7  # self and case, both 66.67
    assert scores["K07"] == 66.7  # self only
    assert scores["K10"] == 33.3  # self only: level 2 below the head's target 3
    # 65,0 and 56,7 have not reached level 3 (66,7): below the head's target, whatever the
    # nearest level would be.
    assert [(gap["code"], gap["level"], gap["target"]) for gap in result.gaps] == [
        ("K02", 2, 3),
        ("K03", 2, 3),
        ("K10", 2, 3),
    ]
    k02 = {part["instrument"]: part["share"] for part in result.trace["competencies"]["K02"]}
    assert k02 == {
        "Самооценка управленческих компетенций": 20.0,
        "Тест управленческих знаний": 30.0,
        "Управленческий кейс": 50.0,
    }


def test_a_missing_instrument_counts_as_zero_and_ties_share_a_rank(campaign, strong):
    weak = make_participant(campaign=campaign, last_name="Начинающая")
    twin = make_participant(campaign=campaign, last_name="Такая-же")
    for participant in (weak, twin):
        submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 2))

    results_compute(campaign=campaign)

    weak_result = Result.objects.get(participant=weak)
    assert weak_result.total == Decimal("6.7")  # 20 · 33.33 / 100; test and case count as 0
    assert not weak_result.passed
    assert not weak_result.is_complete
    assert weak_result.trace["missing"] == [
        "Тест управленческих знаний",
        "Управленческий кейс",
    ]
    assert len(weak_result.gaps) == 10  # a school director's target is 3 for every competency
    ranks = {
        p.candidate.last_name: p.result.rank
        for p in campaign.participants.select_related("candidate", "result")
    }
    # While the campaign runs, only a complete result has a place.
    assert ranks == {"Сильная": 1, "Начинающая": None, "Такая-же": None}

    campaign.status = CampaignStatus.CLOSED
    campaign.save(update_fields=["status"])
    results_compute(campaign=campaign)

    ranks = {
        p.candidate.last_name: p.result.rank
        for p in campaign.participants.select_related("candidate", "result")
    }
    assert ranks == {"Сильная": 1, "Начинающая": 2, "Такая-же": 2}


def test_an_expert_instrument_waits_for_every_assigned_expert(campaign, strong):
    late = make_expert()
    assign_expert(strong, InstrumentKind.CASE, late)  # a third expert, still rating

    results_compute(campaign=campaign)

    result = Result.objects.get(participant=strong)
    assert "Управленческий кейс" in result.trace["missing"]


def test_feedback_counts_with_three_answers_once_the_collection_is_over(db):
    today = timezone.localdate()
    campaign = make_campaign(kinds=["feedback_360"], weights={"feedback_360": 100})
    participant = make_participant(campaign=campaign)
    add_feedback(participant, FeedbackRelation.PEER, {"K01": 4}, times=2)
    add_feedback(participant, FeedbackRelation.SUBORDINATE, {"K01": 1})
    results_compute(campaign=campaign)
    assert Result.objects.get(participant=participant).trace["missing"]  # still collecting

    campaign.instruments.update(deadline=today - datetime.timedelta(days=1))
    results_compute(campaign=campaign)

    result = Result.objects.get(participant=participant)
    assert result.competency_scores == {"K01": 66.7}  # (4 + 4 + 1) / 3 = 3 → 66.67
    assert result.is_complete


def test_feedback_with_two_answers_does_not_count_even_after_the_collection(db):
    today = timezone.localdate()
    campaign = make_campaign(
        kinds=["feedback_360"], weights={"feedback_360": 100}, deadline=today - timedelta(days=1)
    )
    participant = make_participant(campaign=campaign)
    add_feedback(participant, FeedbackRelation.PEER, {"K01": 4}, times=2)

    results_compute(campaign=campaign)

    assert Result.objects.get(participant=participant).trace["missing"] == [
        "Оценка 360°: обратная связь коллег"
    ]


def test_recomputing_updates_the_stored_results(campaign, strong):
    results_compute(campaign=campaign)
    first = Result.objects.get(participant=strong).computed_at
    newcomer = make_participant(campaign=campaign)
    submit_self_assessment(newcomer, dict.fromkeys(ALL_CODES, 4))

    assert results_compute(campaign=campaign) == 2

    assert Result.objects.get(participant=strong).computed_at > first
    newcomer_result = Result.objects.get(participant=newcomer)
    # Only the self-assessment is in: the running campaign gives the newcomer no place yet.
    assert (newcomer_result.total, newcomer_result.rank) == (Decimal("20.0"), None)


def test_it_recomputes_a_campaign_once_per_transaction(django_capture_on_commit_callbacks):
    from assessment.results.services.results import results_compute_on_commit

    campaign = make_campaign(kinds=["knowledge_test"], weights={"knowledge_test": 100})

    with django_capture_on_commit_callbacks() as callbacks:
        results_compute_on_commit(campaign_id=campaign.pk)
        results_compute_on_commit(campaign_id=campaign.pk)

    assert len(callbacks) == 1
