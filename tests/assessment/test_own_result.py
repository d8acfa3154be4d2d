"""A candidate's own result: only once the campaign is finished, the numbers staff see; and the
commission's members reach the result of a nomination on their agenda."""

import pytest
from django.urls import reverse

from assessment.models import Campaign, CampaignStatus, InstrumentKind
from assessment.results.services.results import results_compute
from audit.models import PersonalDataAccess
from candidates.models import CommissionRole, NominationStatus
from tests.assessment.factories import (
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
)
from tests.candidates.commission_factories import make_commission, make_meeting, put_on_agenda

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]
CASE = {"K02": 3, "K04": 3, "K05": 3, "K06": 3, "K08": 3}
MY = reverse("assessment:my_assessment")


@pytest.fixture
def participant(db):
    campaign = make_campaign(
        kinds=["self_assessment", "case"], weights={"self_assessment": 40, "case": 60}
    )
    participant = make_participant(campaign=campaign, last_name="Своя")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 3))
    for _ in range(2):
        rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), CASE)
    results_compute(campaign=campaign)
    return participant


def _close(participant) -> None:
    Campaign.objects.filter(pk=participant.campaign_id).update(status=CampaignStatus.CLOSED)


def _urls(participant) -> list[str]:
    return [
        reverse("assessment:result_detail", args=[participant.pk]),
        reverse("assessment:result_download", args=[participant.pk]),
    ]


def test_while_the_campaign_runs_the_result_is_not_finished_and_no_number_is_shown(
    client, participant
):
    client.force_login(participant.candidate.user)

    pages = [client.get(url) for url in _urls(participant)]
    listing = client.get(MY).content.decode()

    for page in pages:
        text = page.content.decode()
        assert page["Content-Type"].startswith("text/html")  # no report is handed out
        assert "Оценка ещё не завершена." in text
        assert "порог" not in text and "0,0" not in text
    assert "Оценка ещё не завершена." in listing
    assert reverse("assessment:result_detail", args=[participant.pk]) not in listing


def test_once_finished_the_person_sees_the_staffs_numbers_and_downloads_the_report(
    client, ministry_user, participant
):
    _close(participant)
    client.force_login(ministry_user)
    staff_total = client.get(_urls(participant)[0]).context["verdict"].total
    client.force_login(participant.candidate.user)

    page = client.get(_urls(participant)[0])
    report = client.get(_urls(participant)[1])
    listing = client.get(MY).content.decode()

    content = page.content.decode()
    assert page.context["verdict"].total == staff_total
    assert f"{staff_total}<span" in content
    assert 'id="competency-radar"' in content
    assert "Сильные стороны" in content
    assert report["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "Оценка завершена." in listing
    assert reverse("assessment:result_detail", args=[participant.pk]) in listing
    # A person's look at their own result is not someone's access to their personal data.
    assert not PersonalDataAccess.objects.filter(actor=participant.candidate.user).exists()


def test_another_person_never_reaches_the_result(client, participant):
    _close(participant)
    other = make_participant(campaign=participant.campaign, last_name="Чужая")
    client.force_login(other.candidate.user)

    for url in _urls(participant):
        assert client.get(url).status_code == 404


def test_a_voting_member_opens_the_result_linked_on_the_agenda(client, ministry_user, participant):
    member = make_expert(username="member")
    outsider = make_expert(username="outsider")
    nomination = participant.nomination
    nomination.status = NominationStatus.COMMISSION_REVIEW
    nomination.save(update_fields=["status"])
    _close(participant)  # the commission sees a nomination only after its assessment is finished
    meeting = make_meeting(make_commission((member, CommissionRole.MEMBER)))
    put_on_agenda(meeting, ministry_user, nomination=nomination)
    client.force_login(member)

    agenda = client.get(reverse("candidates:meeting_detail", args=[meeting.pk])).content.decode()
    result = client.get(_urls(participant)[0])

    link = reverse("assessment:result_detail", args=[participant.pk])
    assert link in agenda
    assert result.status_code == 200
    assert PersonalDataAccess.objects.filter(actor=member).exists()
    client.force_login(outsider)
    assert client.get(link).status_code == 404
