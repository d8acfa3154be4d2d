"""Assigning experts: conflicts of interest block, the page lists panels, profiles are kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessment.experts.services import expert_assign
from assessment.models import (
    DeclaredRelation,
    ExpertAssignment,
    ExpertProfile,
    InstrumentKind,
)
from tests.assessment.factories import (
    campaign_instrument,
    make_campaign,
    make_expert,
    make_participant,
)
from tests.candidates.factories import make_candidate


@pytest.fixture
def campaign(db):
    return make_campaign(
        kinds=["self_assessment", "case"], weights={"self_assessment": 40, "case": 60}
    )


def _assign_url(campaign, participant, kind=InstrumentKind.CASE) -> str:
    ci = campaign_instrument(campaign, kind)
    return reverse("assessment:expert_assign", args=[campaign.pk, participant.pk, ci.pk])


def test_an_expert_is_assigned(client, ministry_user, campaign, organization):
    participant = make_participant(campaign=campaign)
    expert = make_expert()
    client.force_login(ministry_user)

    response = client.post(_assign_url(campaign, participant), {"expert": expert.pk}, follow=True)

    assert "Эксперт назначен" in response.content.decode()
    assignment = ExpertAssignment.objects.get()
    assert (assignment.participant, assignment.expert) == (participant, expert)


def test_an_expert_of_the_candidates_organization_is_refused(
    client, ministry_user, campaign, organization
):
    candidate = make_candidate(organization=organization)
    participant = make_participant(campaign=campaign, candidate=candidate)
    colleague = make_expert(organization=organization)
    client.force_login(ministry_user)

    response = client.post(
        _assign_url(campaign, participant), {"expert": colleague.pk}, follow=True
    )

    assert "работает в той же организации, что и кандидат" in response.content.decode()
    assert not ExpertAssignment.objects.exists()


def test_an_expert_elsewhere_is_not_blocked_by_the_organization_check(
    db, campaign, organization, other_organization
):
    candidate = make_candidate(organization=organization)
    participant = make_participant(campaign=campaign, candidate=candidate)
    outsider = make_expert(organization=other_organization)

    expert_assign(
        participant=participant,
        campaign_instrument=campaign_instrument(campaign, InstrumentKind.CASE),
        expert=outsider,
        actor=None,
    )

    assert ExpertAssignment.objects.count() == 1


def test_a_declared_relation_blocks_the_assignment(db, campaign):
    participant = make_participant(campaign=campaign)
    expert = make_expert()
    DeclaredRelation.objects.create(
        expert=expert, candidate=participant.candidate, description="двоюродная сестра"
    )

    with pytest.raises(ValidationError, match="заявил связь с кандидатом"):
        expert_assign(
            participant=participant,
            campaign_instrument=campaign_instrument(campaign, InstrumentKind.CASE),
            expert=expert,
            actor=None,
        )


def test_only_experts_on_expert_rated_instruments_once_each(db, campaign, candidate_user):
    participant = make_participant(campaign=campaign)
    expert = make_expert()
    case = campaign_instrument(campaign, InstrumentKind.CASE)

    with pytest.raises(ValidationError, match="с ролью эксперта"):
        expert_assign(
            participant=participant, campaign_instrument=case, expert=candidate_user, actor=None
        )
    with pytest.raises(ValidationError, match="не оценивается экспертами"):
        expert_assign(
            participant=participant,
            campaign_instrument=campaign_instrument(campaign, InstrumentKind.SELF_ASSESSMENT),
            expert=expert,
            actor=None,
        )
    expert_assign(participant=participant, campaign_instrument=case, expert=expert, actor=None)
    with pytest.raises(ValidationError, match="уже назначен"):
        expert_assign(participant=participant, campaign_instrument=case, expert=expert, actor=None)


def test_the_panel_page_shows_who_rates_whom_and_an_assignment_is_withdrawn(
    client, ministry_user, campaign
):
    participant = make_participant(campaign=campaign)
    expert = make_expert(last_name="Экспертова")
    assignment = ExpertAssignment.objects.create(
        participant=participant,
        campaign_instrument=campaign_instrument(campaign, InstrumentKind.CASE),
        expert=expert,
    )
    client.force_login(ministry_user)

    page = client.get(reverse("assessment:campaign_experts", args=[campaign.pk]))
    client.post(reverse("assessment:expert_unassign", args=[campaign.pk, assignment.pk]))

    content = page.content.decode()
    assert "Экспертова" in content
    assert "Нужно ещё 1 эксперт." in content
    assert not ExpertAssignment.objects.exists()


def test_the_ministry_records_an_experts_place_of_work(client, ministry_user, organization):
    expert = make_expert()
    client.force_login(ministry_user)

    client.post(
        reverse("assessment:expert_profiles"),
        {"expert": expert.pk, "organization": organization.inn, "position": "Директор"},
    )
    refused = client.post(
        reverse("assessment:expert_profiles"),
        {"expert": expert.pk, "organization": "5600000000", "position": ""},
    )

    profile = ExpertProfile.objects.get(user=expert)
    assert (profile.organization, profile.position) == (organization, "Директор")
    assert "Организации с ИНН 5600000000 нет в реестре." in refused.content.decode()


@pytest.mark.parametrize("persona", ["municipal_user", "expert_user", "candidate_user"])
def test_panels_are_the_ministrys(client, persona, request, campaign):
    participant = make_participant(campaign=campaign)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("assessment:campaign_experts", args=[campaign.pk])).status_code == 404
    assert client.get(reverse("assessment:expert_profiles")).status_code == 404
    assert client.post(_assign_url(campaign, participant), {"expert": 1}).status_code == 404
