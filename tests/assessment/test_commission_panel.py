"""The commission decides with the assessment result in view: the meeting page shows it."""

from assessment.results.services.results import results_compute
from candidates.models import NominationStatus
from tests.assessment.factories import make_campaign, make_participant, submit_test
from tests.candidates.commission_factories import make_full_commission, make_meeting, put_on_agenda


def test_the_meeting_page_shows_each_nominations_assessment_result(client, ministry_user):
    campaign = make_campaign(kinds=["knowledge_test"], weights={"knowledge_test": 100})
    participant = make_participant(campaign=campaign)
    submit_test(participant, {"K01": (2, 2), "K05": (1, 2)})
    results_compute(campaign=campaign)
    nomination = participant.nomination
    nomination.status = NominationStatus.COMMISSION_REVIEW
    nomination.save(update_fields=["status"])
    meeting = make_meeting(make_full_commission())
    put_on_agenda(meeting, ministry_user, nomination=nomination)
    put_on_agenda(meeting, ministry_user)  # a second question whose nominee was never assessed
    client.force_login(ministry_user)

    html = client.get(f"/selection/meetings/{meeting.pk}/").content.decode()

    assert "Итоговый балл: 75,0" in html  # the test's mean of 100 % and 50 %, localised
    assert f"/assessment/results/{participant.pk}/" in html
    assert "Результата оценки нет." in html
