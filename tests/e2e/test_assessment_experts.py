"""The candidate hands in the case; two experts read it and rate it blind; the ministry sees the
result with its radar chart and finishes the campaign; the candidate opens their own result and
downloads the report."""

import re

import pytest
from playwright.sync_api import Page, expect

from assessment.models import (
    CampaignStatus,
    ExpertAssignment,
    InstrumentKind,
    Result,
    WorkSubmission,
)
from tests.assessment.factories import (
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    submit_self_assessment,
)
from tests.conftest import PASSWORD
from tests.documents import pdf_bytes
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]
ANSWER = "Первые две недели — диагностика результатов ВПР и беседы с учителями."


@pytest.fixture
def participant():
    campaign = make_campaign(
        kinds=[InstrumentKind.SELF_ASSESSMENT, InstrumentKind.CASE],
        weights={"self_assessment": 40, "case": 60},
    )
    participant = make_participant(campaign=campaign, last_name="Оцениваемая")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 3))
    return participant


def _hand_in_the_case(page: Page, live_server_url: str, participant, tmp_path) -> None:
    """Sign in as the candidate, write the answer, attach a PDF, hand the work in."""
    login(page, live_server_url, participant.candidate.user.username, PASSWORD)
    page.goto(f"{live_server_url}/assessment/my/")
    row = page.locator("li", has_text="Управленческий кейс")
    expect(row.get_by_text("Ожидает вашей работы")).to_be_visible()
    page.get_by_role("link", name="Управленческий кейс").click()
    # The case variant of the candidate's post: a school director's first hundred days.
    expect(
        page.get_by_role("heading", name="Задание: Директор школы: первые сто дней")
    ).to_be_visible()

    # The autosave script runs at the end of the page: type only once it has loaded (under load
    # the heading shows long before the script is fetched, and the typing went unnoticed).
    page.wait_for_load_state("load")
    page.get_by_label("Текст работы").fill(ANSWER)
    expect(page.locator("#autosave-status")).to_have_text(
        re.compile(r"^Черновик сохранён в \d\d:\d\d$")
    )
    attachment = tmp_path / "решение-кейса.pdf"
    attachment.write_bytes(pdf_bytes())
    page.get_by_label("Приложить файл").set_input_files(str(attachment))
    page.get_by_role("button", name="Загрузить").click()
    expect(page.get_by_text("Файл «решение-кейса.pdf» приложен к работе.")).to_be_visible()

    page.get_by_role("button", name="Сдать работу").click()
    expect(page.get_by_role("heading", name="Сдать работу «", exact=False)).to_be_visible()
    page.get_by_role("button", name="Да, сдать работу").click()
    expect(page.get_by_text("Работа сдана. Эксперты получат её и оценят.")).to_be_visible()
    expect(page.locator("textarea")).to_have_count(0)
    page.context.clear_cookies()


def _rate(page: Page, live_server_url: str, expert, level: int, comment: str) -> None:
    """Sign in as the expert, declare no conflict, read the work, fill the rubric, submit."""
    login(page, live_server_url, expert.username, PASSWORD)
    page.goto(f"{live_server_url}/assessment/expert/")
    expect(page.get_by_role("heading", name="Мои оценки")).to_be_visible()
    page.get_by_role("link", name="Оцениваемая").click()

    expect(
        page.get_by_role("heading", name="Заявление об отсутствии конфликта интересов")
    ).to_be_visible()
    expect(page.get_by_text("Рубрика")).to_have_count(0)
    expect(page.get_by_text(ANSWER)).to_have_count(0)  # nothing before the declaration
    page.get_by_label("Заявляю, что не работаю в одной организации с кандидатом").check()
    page.get_by_role("button", name="Отправить заявление").click()

    expect(page.get_by_role("heading", name="Работа участника")).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="решение-кейса.pdf").click()
    assert download.value.suggested_filename == "решение-кейса.pdf"

    fieldsets = page.locator("fieldset.rubric-criterion")
    for index in range(fieldsets.count()):
        fieldsets.nth(index).locator(f"label:has-text('{level} —')").click()
    page.get_by_label("Комментарий эксперта").fill(comment)
    page.get_by_role("button", name="Отправить оценку").click()
    page.get_by_role("button", name="Да, отправить оценку").click()
    expect(page.get_by_text("Оценка отправлена. Изменить её больше нельзя.")).to_be_visible()
    page.context.clear_cookies()  # sign out


def test_the_case_is_handed_in_rated_and_the_candidate_reads_the_result(
    page: Page, live_server, participant, ministry_user, tmp_path
) -> None:
    first = make_expert(username="expert-one", last_name="Первова")
    second = make_expert(username="expert-two", last_name="Вторникова")
    for expert in (first, second):
        assign_expert(participant, InstrumentKind.CASE, expert, declared=False)

    _hand_in_the_case(page, live_server.url, participant, tmp_path)
    assert WorkSubmission.objects.get(participant=participant).submitted_at is not None

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
    _expect_radar(page)

    page.goto(f"{live_server.url}/assessment/staff/campaigns/{participant.campaign_id}/")
    page.get_by_role("button", name="Завершить кампанию").click()
    page.get_by_role("button", name="Да, завершить кампанию").click()
    expect(page.get_by_text("Кампания завершена, результаты рассчитаны.")).to_be_visible()
    participant.campaign.refresh_from_db()
    assert participant.campaign.status == CampaignStatus.CLOSED
    page.context.clear_cookies()

    login(page, live_server.url, participant.candidate.user.username, PASSWORD)
    page.goto(f"{live_server.url}/assessment/my/")
    expect(page.get_by_text("Оценка завершена.")).to_be_visible()
    page.get_by_role("link", name="Мой результат: профиль компетенций и отчёт").click()
    expect(page.locator("[data-total]")).to_contain_text("76,7")
    expect(page.get_by_text("Первова")).to_have_count(0)  # the experts stay unnamed
    _expect_radar(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать .docx").click()
    assert download.value.suggested_filename.endswith(".docx")
    assert download.value.path().stat().st_size > 5000


def _expect_radar(page: Page) -> None:
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
