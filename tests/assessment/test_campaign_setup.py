"""Creating a campaign: defaults from the Regulation, weights summing to 100, editing a draft."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessment.campaigns.services.setup import (
    CampaignSettings,
    InstrumentChoice,
    campaign_create,
    default_instrument_weights,
)
from assessment.models import Campaign, CampaignStatus, Instrument, InstrumentKind
from audit.models import AuditEvent
from governance.selectors import regulation_in_force
from tests.assessment.factories import current_framework, make_campaign, seeded_instrument

URL = reverse("assessment:campaign_create")


def _settings(**overrides) -> CampaignSettings:
    today = timezone.localdate()
    values = {
        "name": "Весенняя оценка",
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=30),
        "pass_threshold": 60,
        "disagreement_threshold": 1,
    }
    values.update(overrides)
    return CampaignSettings(**values)


def _post_data(weights: dict[str, int], **overrides) -> dict:
    today = timezone.localdate()
    data = {
        "name": "Весенняя оценка",
        "starts_on": today.strftime("%d.%m.%Y"),
        "ends_on": (today + datetime.timedelta(days=30)).strftime("%d.%m.%Y"),
        "pass_threshold": "65",
        "disagreement_threshold": "1",
    }
    for kind, weight in weights.items():
        instrument = seeded_instrument(kind)
        data[f"use_{instrument.pk}"] = "on"
        data[f"weight_{instrument.pk}"] = str(weight)
    data.update(overrides)
    return data


def test_the_form_proposes_the_regulations_weights_and_threshold(client, ministry_user):
    client.force_login(ministry_user)
    regulation = regulation_in_force()

    response = client.get(URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["pass_threshold"] == regulation.pass_threshold
    for kind, weight in regulation.assessment_weights.items():
        instrument = seeded_instrument(kind)
        assert form.fields[f"weight_{instrument.pk}"].initial == weight
        assert form.fields[f"use_{instrument.pk}"].initial is (weight > 0)


def test_default_weights_give_the_first_instrument_of_a_kind_the_kinds_weight(db):
    framework = current_framework()
    extra = Instrument.objects.create(
        framework=framework, kind=InstrumentKind.CASE, name="Второй кейс"
    )
    instruments = Instrument.objects.filter(framework=framework).order_by("kind", "pk")

    weights = default_instrument_weights(instruments, regulation_in_force())

    assert weights[seeded_instrument(InstrumentKind.CASE).pk] == 20
    assert weights[extra.pk] == 0
    assert sum(weights.values()) == 100


def test_a_campaign_is_created_with_its_instruments_on_the_current_model(client, ministry_user):
    client.force_login(ministry_user)

    response = client.post(URL, _post_data({"self_assessment": 40, "case": 60}))

    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment:campaign_cohort", args=[campaign.pk])
    assert campaign.framework == current_framework()
    assert campaign.status == CampaignStatus.DRAFT
    assert campaign.pass_threshold == 65
    assert {(ci.instrument.kind, ci.weight) for ci in campaign.instruments.all()} == {
        ("self_assessment", 40),
        ("case", 60),
    }
    assert all(ci.deadline == campaign.ends_on for ci in campaign.instruments.all())
    assert AuditEvent.objects.filter(action="assessment.campaign.create").exists()


def test_weights_not_summing_to_100_are_refused_in_russian(client, ministry_user):
    client.force_login(ministry_user)

    response = client.post(URL, _post_data({"self_assessment": 40, "case": 55}))

    assert response.status_code == 200
    assert "Сумма весов инструментов должна быть равна 100 %, сейчас — 95 %." in (
        response.content.decode()
    )
    assert not Campaign.objects.exists()


def test_the_service_refuses_a_deadline_outside_the_campaign(db):
    today = timezone.localdate()
    choice = InstrumentChoice(seeded_instrument("case"), 100, today + datetime.timedelta(days=90))

    with pytest.raises(ValidationError) as error:
        campaign_create(settings_=_settings(), instruments=[choice], actor=None)

    assert "должен быть в пределах дат кампании" in error.value.messages[0]


def test_the_service_refuses_no_instruments_and_an_end_before_the_start(db):
    today = timezone.localdate()

    with pytest.raises(ValidationError) as error:
        campaign_create(
            settings_=_settings(ends_on=today - datetime.timedelta(days=1)),
            instruments=[],
            actor=None,
        )

    assert "Дата окончания кампании раньше даты начала." in error.value.messages
    assert "Выберите хотя бы один инструмент оценки." in error.value.messages


def test_a_draft_campaign_is_edited(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT, kinds=["self_assessment", "case"])
    client.force_login(ministry_user)

    response = client.post(
        reverse("assessment:campaign_edit", args=[campaign.pk]),
        _post_data({"self_assessment": 30, "knowledge_test": 70}, name="Переименована"),
    )

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.name == "Переименована"
    assert {(ci.instrument.kind, ci.weight) for ci in campaign.instruments.all()} == {
        ("self_assessment", 30),
        ("knowledge_test", 70),
    }


def test_a_running_campaign_keeps_its_weights(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.ACTIVE, kinds=["self_assessment", "case"])
    client.force_login(ministry_user)

    response = client.post(
        reverse("assessment:campaign_edit", args=[campaign.pk]),
        _post_data({"self_assessment": 30, "knowledge_test": 70}),
        follow=True,
    )

    assert "инструменты и веса не меняются" in response.content.decode()
    assert campaign.instruments.count() == 2


@pytest.mark.parametrize("persona", ["municipal_user", "expert_user", "candidate_user"])
def test_only_the_ministry_creates_campaigns(client, persona, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.post(URL, _post_data({"case": 100})).status_code == 404


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
