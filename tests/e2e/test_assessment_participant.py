"""A candidate completes the self-assessment (the draft autosaves) and the knowledge test."""

import re

import pytest
from playwright.sync_api import Page, expect

from assessment.models import Indicator, InstrumentKind, Response
from assessment.models import TestAttempt as Attempt
from tests.assessment.factories import campaign_instrument, make_campaign, make_participant
from tests.assessment.participant_helpers import correct_answers
from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
K = InstrumentKind


@pytest.fixture
def participant():
    campaign = make_campaign(kinds=[K.SELF_ASSESSMENT, K.KNOWLEDGE_TEST])
    return make_participant(campaign=campaign)


def test_a_candidate_completes_the_self_assessment_and_the_test(
    page: Page, live_server, participant
) -> None:
    user = participant.candidate.user
    self_item = campaign_instrument(participant.campaign, K.SELF_ASSESSMENT)
    indicators = list(
        Indicator.objects.filter(instrument_id=self_item.instrument_id).values_list("id", flat=True)
    )
    login(page, live_server.url, user.username, PASSWORD)
    page.goto(f"{live_server.url}/assessment/my/")
    expect(page.get_by_role("heading", name="Моя оценка")).to_be_visible()
    page.get_by_role("link", name="Самооценка управленческих компетенций").click()

    # One answer is saved by the script, without any button.
    page.locator(f"label[for='i-{indicators[0]}-3']").click()
    status = page.locator("#autosave-status")
    expect(status).to_have_text(re.compile(r"^Черновик сохранён в \d\d:\d\d$"))
    assert Response.objects.get().answers == {str(indicators[0]): 3}
    page.reload()
    expect(page.locator(f"#i-{indicators[0]}-3")).to_be_checked()
    expect(page.locator("[data-answered-count]")).to_have_text("1")

    for indicator_id in indicators[1:]:
        page.locator(f"label[for='i-{indicator_id}-4']").click()
    expect(page.locator("[data-answered-count]")).to_have_text(str(len(indicators)))
    page.get_by_role("button", name="Отправить самооценку").click()
    expect(page.get_by_role("heading", name="Отправить самооценку?")).to_be_visible()
    page.get_by_role("button", name="Да, отправить самооценку").click()
    expect(page.get_by_text("Самооценка отправлена.", exact=False).first).to_be_visible()
    expect(page.locator("input[type=radio]")).to_have_count(0)
    assert Response.objects.get().submitted_at is not None

    page.get_by_role("link", name="Моя оценка").first.click()
    row = page.locator("li", has_text="Самооценка управленческих компетенций")
    expect(row.get_by_text("Отправлено")).to_be_visible()

    page.get_by_role("link", name="Тест управленческих знаний").click()
    page.get_by_role("button", name="Начать тест").click()
    countdown = page.locator("#test-countdown")
    expect(countdown).to_have_text(re.compile(r"^(39|40):\d\d$"))
    first_reading = countdown.text_content()
    expect(countdown).not_to_have_text(first_reading)  # the display ticks

    attempt = Attempt.objects.get()
    answers = correct_answers(attempt.question_ids)
    first_question = attempt.question_ids[0]
    for choice_id in answers[str(first_question)]:
        page.locator(f"label[for='c-{choice_id}']").click()
    expect(page.locator("#autosave-status")).to_have_text(
        re.compile(r"^Ответы сохранены в \d\d:\d\d$")
    )
    page.reload()
    for choice_id in answers[str(first_question)]:
        expect(page.locator(f"#c-{choice_id}")).to_be_checked()

    for question_id in attempt.question_ids[1:]:
        for choice_id in answers[str(question_id)]:
            page.locator(f"label[for='c-{choice_id}']").click()
    page.get_by_role("button", name="Завершить тест").click()
    expect(page.get_by_role("heading", name="Завершить тест?")).to_be_visible()
    page.get_by_role("button", name="Да, завершить тест").click()
    expect(page.get_by_role("heading", name="Тест завершён")).to_be_visible()
    asked = len(attempt.question_ids)
    assert asked == 24  # 20 common questions and four of the post's section
    expect(page.get_by_text(f"Верных ответов: {asked} из {asked}")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
