"""A reservist gives consent to the well-being pulse, answers, and sees the index and the trend."""

import datetime
import json

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from development.models import PulseResponse
from development.wellbeing.selectors import month_label
from development.wellbeing.services import pulse_answer_submit
from tests.candidates.commission_factories import make_membership
from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
ANSWERS = {"cheerful": 4, "calm": 3, "active": 5, "rested": 4, "interest": 3}  # WHO-5: 19 × 4


def _months_ago(today: datetime.date, months: int) -> datetime.date:
    month = today.month - months
    year = today.year + (month - 1) // 12
    return datetime.date(year, (month - 1) % 12 + 1, 10)


def test_a_reservist_consents_answers_and_sees_the_index_and_the_trend(
    page: Page, live_server
) -> None:
    user = make_membership(username="reservist").candidate.user
    today = timezone.localdate()
    login(page, live_server.url, user.username, PASSWORD)
    page.goto(f"{live_server.url}/development/wellbeing/")

    expect(page.get_by_role("heading", name="Согласие на участие")).to_be_visible()
    expect(page.get_by_text("Я добровольно участвую в опросе")).to_be_visible()
    expect(page.locator("input[name=cheerful]")).to_have_count(0)
    page.get_by_role("button", name="Даю согласие и перехожу к вопросам").click()
    expect(page.get_by_text("Согласие записано.")).to_be_visible()

    # Two earlier months, as if the reservist had answered then.
    pulse_answer_submit(user=user, answers=[2, 1, 2, 3, 1], today=_months_ago(today, 2))  # 36
    pulse_answer_submit(user=user, answers=[3, 3, 3, 3, 3], today=_months_ago(today, 1))  # 60
    page.reload()
    expect(page.get_by_role("heading", name=f"Вопросы за {month_label(today)}")).to_be_visible()
    for key, value in ANSWERS.items():
        page.locator(f"label[for='id_{key}_{value}']").click()
    page.get_by_role("button", name="Сохранить ответы").click()

    expect(page.get_by_text("Ответы сохранены.")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Ваш индекс за {month_label(today)}")).to_be_visible()
    expect(page.locator(".pulse-index-value")).to_have_text("76")
    expect(page.get_by_text("Это не диагноз.")).to_be_visible()
    assert PulseResponse.objects.get(user=user, submitted_on=today).index == 76

    canvas = page.locator("#pulse-chart")
    expect(canvas).to_be_visible()
    assert page.evaluate(
        "() => Chart.getChart(document.getElementById('pulse-chart')) !== undefined"
    )
    drawn = page.evaluate(
        "() => Chart.getChart(document.getElementById('pulse-chart')).data.datasets[0].data"
    )
    assert drawn == [36, 60, 76]
    assert json.loads(page.locator("#pulse-chart-data").text_content())["values"] == [36, 60, 76]
    rows = page.locator(".pulse-trend-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("76")

    # Changing this month's answers keeps one answer for the month.
    page.get_by_text(f"Изменить ответы за {month_label(today)}").click()
    page.locator("label[for='id_interest_5']").click()
    page.get_by_role("button", name="Сохранить новые ответы").click()
    expect(page.get_by_text("Ответы за этот месяц обновлены.")).to_be_visible()
    expect(page.locator(".pulse-index-value")).to_have_text("84")
    assert PulseResponse.objects.filter(user=user).count() == 3
