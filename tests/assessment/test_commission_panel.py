"""The commission decides with the assessment result in view: the meeting page shows it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment.results.services.results import results_compute
from candidates.models import NominationStatus
from tests.assessment.factories import make_campaign, make_participant, submit_test
from tests.candidates.commission_factories import make_full_commission, make_meeting, put_on_agenda


def test_the_meeting_page_shows_each_nominations_assessment_result(client, ministry_user):
    campaign = make_campaign(kinds=["knowledge_test"], weights={"knowledge_test": 100})
    participant = make_participant(campaign=campaign)
    submit_test(participant, {"K01": (2, 2), "K05": (1, 2)})
    results_compute(campaign=campaign)
    # The commission takes the nomination once its assessment is finished.
    participant.completed_at = timezone.now()
    participant.save(update_fields=["completed_at"])
    nomination = participant.nomination
    nomination.status = NominationStatus.COMMISSION_REVIEW
    nomination.save(update_fields=["status"])
    meeting = make_meeting(make_full_commission())
    put_on_agenda(meeting, ministry_user, nomination=nomination)
    client.force_login(ministry_user)

    html = client.get(f"/selection/meetings/{meeting.pk}/").content.decode()

    assert "Итоговый балл: 75,0" in html  # the test's mean of 100 % and 50 %, localised
    assert f"/assessment/results/{participant.pk}/" in html


def test_a_nominee_never_assessed_cannot_be_put_on_the_agenda(ministry_user):
    # Before the pass mark gated the agenda such a question showed «Результата оценки нет.».
    meeting = make_meeting(make_full_commission())

    with pytest.raises(ValidationError, match="оценка кандидата не завершена"):
        put_on_agenda(meeting, ministry_user, assessed=False)
