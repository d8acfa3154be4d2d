"""«Направить на оценку»: the campaign is chosen in the same step, or staff are told where to go."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from assessment.models import CampaignStatus, Participant
from candidates.models import NominationStatus, StatusChange
from tests.assessment.factories import make_campaign
from tests.candidates.factories import make_nomination

S = NominationStatus
pytestmark = pytest.mark.django_db


def _send(client, nomination, **data):
    url = reverse("candidates:staff_nomination_transition", args=[nomination.pk])
    return client.post(url, {"to_status": S.ASSESSMENT, **data})


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_nomination_joins_the_chosen_campaign_in_the_same_step(client, ministry_user):
    autumn = make_campaign(name="Осень", status=CampaignStatus.DRAFT)
    make_campaign(name="Прошлая", status=CampaignStatus.CLOSED)
    nomination = make_nomination(status=S.ADMITTED)
    client.force_login(ministry_user)

    page = client.get(reverse("candidates:staff_nomination", args=[nomination.pk]))
    response = _send(client, nomination, campaign=autumn.pk)

    offered = next(a for a in page.context["actions"] if a["status"] == S.ASSESSMENT)
    assert [label.split(" (")[0] for _, label in offered["campaigns"]] == ["Осень"]
    nomination.refresh_from_db()
    assert nomination.status == S.ASSESSMENT
    assert Participant.objects.get(nomination=nomination).campaign == autumn
    assert _messages(response) == [
        "Заявка направлена на оценку. Кандидат добавлен в кампанию оценки «Осень»."
    ]


def test_without_a_chosen_campaign_nothing_changes(client, ministry_user):
    make_campaign(name="Осень", status=CampaignStatus.DRAFT)
    nomination = make_nomination(status=S.ADMITTED)
    client.force_login(ministry_user)

    response = _send(client, nomination)

    nomination.refresh_from_db()
    assert nomination.status == S.ADMITTED
    assert _messages(response) == ["Выберите кампанию оценки, в которую направляется кандидат."]


def test_a_refused_enrolment_leaves_the_status_as_it_was(client, ministry_user):
    campaign = make_campaign(name="Осень", status=CampaignStatus.ACTIVE)
    nomination = make_nomination(status=S.ADMITTED)
    other = make_nomination(
        candidate=nomination.candidate, status=S.ASSESSMENT, position_code="deputy-general"
    )
    Participant.objects.create(  # the person already takes part in this campaign
        campaign=campaign,
        candidate=nomination.candidate,
        nomination=other,
        position_group="deputy",
        position_kind=other.position_kind,
        municipality=nomination.municipality,
    )
    client.force_login(ministry_user)

    response = _send(client, nomination, campaign=campaign.pk)

    nomination.refresh_from_db()
    assert nomination.status == S.ADMITTED
    assert not StatusChange.objects.filter(nomination=nomination, to_status=S.ASSESSMENT).exists()
    assert "уже в кампании" in _messages(response)[0]


def test_with_no_open_campaign_staff_are_told_where_to_add_the_person(client, ministry_user):
    nomination = make_nomination(status=S.ADMITTED)
    client.force_login(ministry_user)

    page = client.get(reverse("candidates:staff_nomination", args=[nomination.pk]))
    response = _send(client, nomination)

    assert "Открытых кампаний оценки нет" in page.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == S.ASSESSMENT
    assert "создайте кампанию в разделе «Оценка → Кампании оценки»" in _messages(response)[0]
