"""Two experts rate one participant blind; the ministry opens the result with its radar chart."""

import pytest
from playwright.sync_api import Page, expect

from assessment.models import ExpertAssignment, InstrumentKind, Result
from tests.assessment.factories import (
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    submit_self_assessment,
)
from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]


@pytest.fixture
def participant():
    campaign = make_campaign(
        kinds=[InstrumentKind.SELF_ASSESSMENT, InstrumentKind.CASE],
        weights={"self_assessment": 40, "case": 60},
    )
    participant = make_participant(campaign=campaign, last_name="Оцениваемая")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 3))
    return participant


def _rate(page: Page, live_server_url: str, expert, level: int, comment: str) -> None:
    """Sign in as the expert, declare no conflict, fill the rubric with one level, submit."""
    login(page, live_server_url, expert.username, PASSWORD)
    page.goto(f"{live_server_url}/assessment/expert/")
    expect(page.get_by_role("heading", name="Мои оценки")).to_be_visible()
    page.get_by_role("link", name="Оцениваемая").click()

    expect(
        page.get_by_role("heading", name="Заявление об отсутствии конфликта интересов")
    ).to_be_visible()
    expect(page.get_by_text("Рубрика")).to_have_count(0)
    page.get_by_label("Заявляю, что не работаю в одной организации с кандидатом").check()
    page.get_by_role("button", name="Отправить заявление").click()

    expect(
        page.get_by_role("heading", name="Рубрика: оцените каждый критерий от 1 до 4")
    ).to_be_visible()
    fieldsets = page.locator("fieldset.rubric-criterion")
    for index in range(fieldsets.count()):
        fieldsets.nth(index).locator(f"label:has-text('{level} —')").click()
    page.get_by_label("Комментарий эксперта").fill(comment)
    page.get_by_role("button", name="Отправить оценку").click()
    expect(page.get_by_text("Оценка отправлена. Изменить её больше нельзя.")).to_be_visible()
    page.context.clear_cookies()  # sign out


def test_two_experts_rate_and_the_ministry_sees_the_chart(
    page: Page, live_server, participant, ministry_user
) -> None:
    first = make_expert(username="expert-one", last_name="Первова")
    second = make_expert(username="expert-two", last_name="Вторникова")
    for expert in (first, second):
        assign_expert(participant, InstrumentKind.CASE, expert, declared=False)

    _rate(page, live_server.url, first, 3, "Чёткий план на первые сто дней.")
    first_assignment = ExpertAssignment.objects.get(expert=first)
    assert first_assignment.submitted_at is not None
    assert not Result.objects.exists()  # the panel is not complete yet

    _rate(page, live_server.url, second, 4, "Сильная работа с командой.")

    # Both have submitted: the first expert now sees the second one's scores.
    login(page, live_server.url, first.username, PASSWORD)
    page.goto(f"{live_server.url}/assessment/expert/assignments/{first_assignment.pk}/")
    expect(page.get_by_role("columnheader", name=second.get_full_name())).to_be_visible()
    expect(page.get_by_text("Сильная работа с командой.")).to_be_visible()
    page.context.clear_cookies()

    login(page, live_server.url, ministry_user.username, PASSWORD)
    page.goto(f"{live_server.url}/assessment/results/{participant.pk}/")
    expect(
        page.get_by_role("heading", name="Результат оценки: Оцениваемая", exact=False)
    ).to_be_visible()
    result = Result.objects.get(participant=participant)
    # Self 66.67 at 40 %; case (3 + 4) / 2 = 3.5 → 83.33 at 60 %: 76.7 in total.
    assert str(result.total) == "76.7"
    expect(page.locator("[data-total]")).to_contain_text("76,7")
    canvas = page.locator("#competency-radar")
    expect(canvas).to_have_attribute("data-chart-ready", "1")
    size = canvas.bounding_box()
    assert size is not None and size["width"] > 100 and size["height"] > 100
    chart = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.getElementById('competency-radar'));
            return chart && {
                type: chart.config.type,
                labels: chart.data.labels.length,
                series: chart.data.datasets.map((dataset) => dataset.label),
                radius: chart.scales.r.drawingArea,
            };
        }"""
    )
    assert chart["type"] == "radar"
    assert chart["labels"] == 10
    assert chart["series"] == ["Баллы участника", "Целевой уровень"]
    assert chart["radius"] > 50
