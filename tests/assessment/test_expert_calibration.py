"""A disagreement beyond the threshold is flagged; the chair's agreed score clears it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessment.experts.services import calibration_decide
from assessment.models import CalibrationDecision, InstrumentKind, Result, RubricCriterion
from assessment.results.services.results import results_compute
from tests.assessment.factories import (
    assign_expert,
    campaign_instrument,
    make_campaign,
    make_expert,
    make_participant,
    rate,
)

BASE = {"K02": 3, "K04": 3, "K05": 3, "K06": 3, "K08": 3}


@pytest.fixture
def flagged(db):
    """A participant whose two experts gave 1 and 4 on «Лидерство» (K04)."""
    campaign = make_campaign(kinds=["case"], weights={"case": 100}, disagreement_threshold=1)
    participant = make_participant(campaign=campaign)
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), {**BASE, "K04": 1})
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), {**BASE, "K04": 4})
    results_compute(campaign=campaign)
    return participant


def _criterion(participant, code: str) -> RubricCriterion:
    ci = campaign_instrument(participant.campaign, InstrumentKind.CASE)
    instrument = ci.instrument
    variant = instrument.variant_for(participant.position_kind_id)
    return instrument.criteria_for(variant).get(competency__code=code)


def test_the_disagreement_is_flagged_and_keeps_the_result_incomplete(flagged):
    result = Result.objects.get(participant=flagged)

    assert result.has_disagreement
    assert not result.is_complete
    assert [(d["code"], d["scores"]) for d in result.trace["disagreements"]] == [
        ("K04", [1.0, 4.0])
    ]


def test_a_spread_equal_to_the_threshold_is_not_flagged(db):
    campaign = make_campaign(kinds=["case"], weights={"case": 100}, disagreement_threshold=1)
    participant = make_participant(campaign=campaign)
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), {**BASE, "K04": 2})
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), {**BASE, "K04": 3})

    results_compute(campaign=campaign)

    assert not Result.objects.get(participant=participant).has_disagreement


def test_the_chair_records_the_agreed_score_and_the_flag_clears(
    client, ministry_user, flagged, django_capture_on_commit_callbacks
):
    campaign = flagged.campaign
    criterion = _criterion(flagged, "K04")
    ci = campaign_instrument(campaign, InstrumentKind.CASE)
    client.force_login(ministry_user)

    page = client.get(reverse("assessment:calibration", args=[campaign.pk]))
    assert [item["criterion"] for item in page.context["flagged"]] == [criterion]

    url = reverse(
        "assessment:calibration_decide", args=[campaign.pk, flagged.pk, ci.pk, criterion.pk]
    )
    prefix = f"c{flagged.pk}-{criterion.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {f"{prefix}-agreed_score": "3", f"{prefix}-reason": "Сверили по записи интервью"},
        )

    decision = CalibrationDecision.objects.get()
    assert (decision.agreed_score, decision.decided_by) == (3, ministry_user)
    result = Result.objects.get(participant=flagged)
    assert not result.has_disagreement
    assert result.is_complete
    assert result.competency_scores["K04"] == pytest.approx(66.7)  # the agreed 3, not 2.5
    after = client.get(reverse("assessment:calibration", args=[campaign.pk]))
    assert after.context["flagged"] == []


def test_a_criterion_without_disagreement_needs_no_calibration(flagged, ministry_user):
    ci = campaign_instrument(flagged.campaign, InstrumentKind.CASE)

    with pytest.raises(ValidationError, match="калибровка не требуется"):
        calibration_decide(
            participant=flagged,
            campaign_instrument=ci,
            criterion=_criterion(flagged, "K02"),
            agreed_score=3,
            reason="Нет причины",
            actor=ministry_user,
        )
    with pytest.raises(ValidationError, match="обоснование"):
        calibration_decide(
            participant=flagged,
            campaign_instrument=ci,
            criterion=_criterion(flagged, "K04"),
            agreed_score=3,
            reason="  ",
            actor=ministry_user,
        )


@pytest.mark.parametrize("persona", ["municipal_user", "expert_user", "candidate_user"])
def test_calibration_is_the_ministrys(client, persona, request, flagged):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("assessment:calibration", args=[flagged.campaign.pk]))

    assert response.status_code == 404
