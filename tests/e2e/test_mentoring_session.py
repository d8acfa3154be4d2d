"""A mentor logs a meeting in the browser; the mentee confirms it and rates its usefulness."""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from development.models import MentoringSession, SessionConfirmation
from tests.conftest import PASSWORD
from tests.development.mentoring_factories import (
    competency,
    make_mentor,
    make_pair,
    make_reservist,
)
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_a_mentor_logs_a_meeting_and_the_mentee_confirms_and_rates_it(
    page: Page, live_server
) -> None:
    mentor = make_mentor(username="nastavnik", strengths={"K05": 4})
    membership = make_reservist(username="reservist")
    make_pair(mentor, membership)
    mentee = membership.candidate
    today = timezone.localdate()

    login(page, live_server.url, "nastavnik", PASSWORD)
    page.goto(f"{live_server.url}/development/mentoring/mentees/")
    expect(page.get_by_role("heading", name=mentee.full_name)).to_be_visible()
    page.get_by_role("link", name=f"Записать встречу с {mentee.full_name}").click()
    expect(page.get_by_role("heading", name="Записать встречу")).to_be_visible()
    page.get_by_label("Дата встречи").fill(today.strftime("%d.%m.%Y"))
    page.get_by_label("Продолжительность, минут").fill("90")
    page.get_by_label("онлайн").check()
    page.get_by_label("Темы").fill("План-график закупок школы на год")
    page.get_by_label(competency("K05").name).check()
    page.get_by_label("Договорённости").fill("Составить проект плана-графика к следующей встрече")
    page.get_by_role("button", name="Записать встречу").click()
    expect(page.get_by_text("Встреча записана и ждёт подтверждения наставляемого.")).to_be_visible()
    expect(page.locator(".sessions-table")).to_contain_text("ожидает подтверждения")

    page.context.clear_cookies()
    login(page, live_server.url, "reservist", PASSWORD)
    page.goto(f"{live_server.url}/development/mentoring/my-mentor/")
    expect(page.get_by_role("heading", name=str(mentor))).to_be_visible()
    waiting = page.get_by_role("link", name=f"Подтвердить или оспорить встречу {today:%d.%m.%Y}")
    waiting.click()
    expect(page.get_by_text("План-график закупок школы на год")).to_be_visible()
    page.get_by_label("Да, подтверждаю").check()
    page.locator("label[for='id_usefulness_4']").click()
    page.get_by_role("button", name="Отправить ответ").click()

    expect(page.get_by_text("Спасибо, ответ сохранён: встреча подтверждена.")).to_be_visible()
    expect(page.get_by_text("Новых встреч для подтверждения нет.")).to_be_visible()
    expect(page.locator(".sessions-table")).to_contain_text("Польза: 5 из 5")
    session = MentoringSession.objects.get()
    assert (session.confirmation, session.usefulness) == (SessionConfirmation.CONFIRMED, 5)
    assert session.duration_minutes == 90
