"""The cohort: nominations in «оценка», reservists due for re-assessment, start and close."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessment.campaigns.selectors.cohort import memberships_due_for_reassessment
from assessment.campaigns.services.workflow import campaign_activate, campaign_close
from assessment.models import CampaignStatus, InstrumentKind, Participant, PositionGroup, Result
from candidates.models import MembershipStatus, NominationStatus, ReserveMembership
from registry.models import Municipality
from tests.assessment.factories import (
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    submit_self_assessment,
)
from tests.candidates.factories import make_nomination


def _reservist(*, started_days_ago: int, position_code: str = "director-general"):
    today = timezone.localdate()
    nomination = make_nomination(status=NominationStatus.INCLUDED, position_code=position_code)
    return ReserveMembership.objects.create(
        candidate=nomination.candidate,
        nomination=nomination,
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
        category="operational",
        readiness="ready_now",
        started_on=today - datetime.timedelta(days=started_days_ago),
        term_ends_on=today + datetime.timedelta(days=900),
        status=MembershipStatus.ACTIVE,
    )


def _cohort_url(campaign) -> str:
    return reverse("assessment:campaign_cohort", args=[campaign.pk])


def test_the_page_offers_nominations_in_assessment_only(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    waiting = make_nomination(status=NominationStatus.ASSESSMENT, last_name="Оценкина")
    make_nomination(status=NominationStatus.ADMITTED, last_name="Допущенная")
    client.force_login(ministry_user)

    response = client.get(_cohort_url(campaign))

    assert [n.pk for n in response.context["nominations"]] == [waiting.pk]


def test_selected_people_join_with_the_position_group_of_their_post(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    director = make_nomination(status=NominationStatus.ASSESSMENT)
    deputy = make_nomination(status=NominationStatus.ASSESSMENT, position_code="deputy-general")
    reservist = _reservist(started_days_ago=400)
    client.force_login(ministry_user)

    response = client.post(
        _cohort_url(campaign),
        {"nominations": [director.pk, deputy.pk], "memberships": [reservist.pk]},
        follow=True,
    )

    assert "Добавлено участников: 3." in response.content.decode()
    groups = {p.candidate_id: p.position_group for p in Participant.objects.all()}
    assert groups == {
        director.candidate_id: PositionGroup.HEAD,
        deputy.candidate_id: PositionGroup.DEPUTY,
        reservist.candidate_id: PositionGroup.HEAD,
    }
    posts = {p.candidate_id: p.position_kind.code for p in Participant.objects.all()}
    assert posts == {
        director.candidate_id: director.position_kind.code,
        deputy.candidate_id: "deputy-general",
        reservist.candidate_id: reservist.position_kind.code,
    }
    assert Participant.objects.get(candidate=reservist.candidate).membership == reservist


def test_a_nomination_already_in_an_open_campaign_is_not_offered_again(client, ministry_user):
    first = make_campaign(status=CampaignStatus.ACTIVE, name="Первая")
    second = make_campaign(status=CampaignStatus.DRAFT, name="Вторая")
    participant = make_participant(campaign=first)
    client.force_login(ministry_user)

    response = client.get(_cohort_url(second))

    assert participant.nomination not in response.context["nominations"]


@pytest.mark.parametrize(
    ("started_days_ago", "last_campaign_ended_days_ago", "due"),
    [
        (400, None, True),  # more than a year in the reserve, never assessed here
        (200, None, False),  # less than a year in the reserve
        (900, 500, True),  # last assessed more than a year ago
        (900, 100, False),  # assessed recently
    ],
)
def test_reservists_are_due_a_year_after_joining_or_after_the_last_assessment(
    db, started_days_ago, last_campaign_ended_days_ago, due
):
    today = timezone.localdate()
    membership = _reservist(started_days_ago=started_days_ago)
    if last_campaign_ended_days_ago is not None:
        ended = today - datetime.timedelta(days=last_campaign_ended_days_ago)
        old = make_campaign(
            status=CampaignStatus.CLOSED,
            starts_on=ended - datetime.timedelta(days=30),
            ends_on=ended,
        )
        Participant.objects.create(
            campaign=old,
            candidate=membership.candidate,
            membership=membership,
            position_group=PositionGroup.HEAD,
            position_kind=membership.position_kind,
            municipality=membership.municipality,
        )

    assert (membership in memberships_due_for_reassessment(today=today)) is due


def test_a_reservist_not_due_is_refused_even_when_posted(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    recent = _reservist(started_days_ago=30)
    client.force_login(ministry_user)

    client.post(_cohort_url(campaign), {"memberships": [recent.pk]})

    assert not Participant.objects.exists()


def test_a_participant_is_removed_before_the_start_only(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    participant = make_participant(campaign=campaign)
    client.force_login(ministry_user)
    url = reverse("assessment:participant_remove", args=[campaign.pk, participant.pk])

    client.post(url)

    assert not Participant.objects.exists()
    running = make_campaign(status=CampaignStatus.ACTIVE)
    kept = make_participant(campaign=running)
    response = client.post(
        reverse("assessment:participant_remove", args=[running.pk, kept.pk]), follow=True
    )
    assert "только до начала кампании" in response.content.decode()
    assert Participant.objects.filter(pk=kept.pk).exists()


def test_a_campaign_starts_with_participants_and_closes_with_results(db, ministry_user):
    campaign = make_campaign(
        status=CampaignStatus.DRAFT, kinds=["self_assessment"], weights={"self_assessment": 100}
    )
    with pytest.raises(ValidationError, match="без участников"):
        campaign_activate(campaign=campaign, actor=ministry_user)
    participant = make_participant(campaign=campaign)

    campaign_activate(campaign=campaign, actor=ministry_user)
    submit_self_assessment(participant, {"K01": 4})
    campaign_close(campaign=campaign, actor=ministry_user)

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED
    assert Result.objects.get(participant=participant).competency_scores == {"K01": 100.0}
    with pytest.raises(ValidationError, match="завершена"):
        campaign_close(campaign=campaign, actor=ministry_user)


def test_the_coordinator_cannot_form_cohorts(client, municipal_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    client.force_login(municipal_user)

    assert client.get(_cohort_url(campaign)).status_code == 404
    assert (
        client.post(
            reverse("assessment:campaign_status", args=[campaign.pk, "activate"])
        ).status_code
        == 404
    )


def test_the_ministry_offers_every_municipality(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    orsk = Municipality.objects.get(name="город Орск")
    far = make_nomination(status=NominationStatus.ASSESSMENT, municipality=orsk)
    client.force_login(ministry_user)

    response = client.get(_cohort_url(campaign), {"municipality": orsk.pk})

    assert [n.pk for n in response.context["nominations"]] == [far.pk]


def test_a_campaign_without_instruments_does_not_start(db, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT, kinds=[])
    make_participant(campaign=campaign)

    with pytest.raises(ValidationError, match="Добавьте инструменты оценки"):
        campaign_activate(campaign=campaign, actor=ministry_user)

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT


def test_each_expert_rated_instrument_needs_two_experts_for_each_participant(
    client, db, ministry_user
):
    campaign = make_campaign(
        status=CampaignStatus.DRAFT,
        kinds=["self_assessment", "case", "interview"],
        weights={"self_assessment": 40, "case": 30, "interview": 30},
    )
    first = make_participant(campaign=campaign, last_name="Первая")
    second = make_participant(campaign=campaign, last_name="Вторая")
    for participant in (first, second):
        assign_expert(participant, InstrumentKind.CASE, make_expert())
        assign_expert(participant, InstrumentKind.CASE, make_expert())
    assign_expert(first, InstrumentKind.INTERVIEW, make_expert())
    client.force_login(ministry_user)

    response = client.post(
        reverse("assessment:campaign_status", args=[campaign.pk, "activate"]), follow=True
    )

    text = response.content.decode()
    assert "не менее 2 экспертов" in text
    refusal = text.split("не менее 2 экспертов")[1].split("<")[0]
    assert "Вторая Анна Петровна — «Структурированное интервью»: назначено 0" in refusal
    assert "Первая Анна Петровна — «Структурированное интервью»: назначено 1" in refusal
    assert "кейс" not in refusal  # both have their two experts on the case
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT

    assign_expert(first, InstrumentKind.INTERVIEW, make_expert())
    for _ in range(2):
        assign_expert(second, InstrumentKind.INTERVIEW, make_expert())
    campaign_activate(campaign=campaign, actor=ministry_user)

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE
