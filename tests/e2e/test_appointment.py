"""From the forecast to the new head's first year, in the browser: a coordinator turns a signal
into a vacancy and offers the post from the shortlist, the reservist accepts, the coordinator
records the founder's acceptance of the reserve's assessment and the order, and the new head
finds the induction plan on their page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from candidates.models import MembershipStatus
from onboarding.models import Appointment, AppointmentStatus, InductionPlan, Vacancy, VacancyStatus
from tests.conftest import PASSWORD
from tests.development.mentoring_factories import make_reservist
from tests.e2e.conftest import login
from tests.e2e.test_accessibility import serious_findings
from tests.onboarding.factories import (
    PDF,
    accepted,
    appointed,
    make_org,
    make_result,
    make_vacancy,
    reservist_for,
    shortlist,
)

pytestmark = pytest.mark.e2e


def test_a_vacancy_goes_from_the_forecast_to_the_induction_plan(
    page: Page, live_server, municipal_user, tmp_path
) -> None:
    school = make_org(
        short_name="МОБУ «СОШ № 17»",
        head_full_name="Старова Нина Петровна",
        head_birth_date=datetime.date(1958, 4, 2),
    )
    reservist = make_reservist(
        position_code="director-general",
        readiness="ready_now",
        username="reservist",
        last_name="Прохорова",
        first_name="Наталья",
    )
    make_result(reservist, total=84.4, scores={"K02": 92, "K05": 81, "K03": 87})
    name = reservist.candidate.full_name
    order = tmp_path / "prikaz.pdf"
    order.write_bytes(PDF)
    today = timezone.localdate()

    # The coordinator: forecast → vacancy → shortlist → offer.
    login(page, live_server.url, municipal_user.username, PASSWORD)
    page.goto(f"{live_server.url}/onboarding/forecast/")
    page.get_by_role("button", name=f"Создать вакансию: {school}").click()
    expect(
        page.get_by_text(f"Вакансия руководителя «{school}» создана из прогноза.")
    ).to_be_visible()
    page.get_by_role("button", name="Составить список").click()
    expect(page.get_by_text("Список кандидатов составлен: 1.")).to_be_visible()
    entry = page.locator("#shortlist li.card").first
    expect(entry).to_contain_text(name)
    expect(entry).to_contain_text("итоговый балл последней оценки: 84,4 из 100")
    entry.get_by_text("Предложить должность").click()
    entry.get_by_label("Ответить до").fill(
        (today + datetime.timedelta(days=7)).strftime("%d.%m.%Y")
    )
    entry.get_by_role("button", name=f"Предложить: {name}").click()
    expect(page.get_by_text(f"Предложение отправлено: {name}.")).to_be_visible()

    # The reservist accepts on their page.
    page.context.clear_cookies()
    login(page, live_server.url, "reservist", PASSWORD)
    page.goto(f"{live_server.url}/onboarding/my/")
    page.get_by_role("link", name=f"Ответить на предложение: {school}").click()
    page.get_by_label("Принимаю предложение").check()
    page.get_by_role("button", name="Отправить ответ").click()
    expect(page.get_by_text("Спасибо, вы приняли предложение.")).to_be_visible()

    # The coordinator records the attestation and the founder's order.
    page.context.clear_cookies()
    login(page, live_server.url, municipal_user.username, PASSWORD)
    vacancy = Vacancy.objects.get()
    page.goto(f"{live_server.url}/onboarding/vacancies/{vacancy.pk}/")
    page.get_by_role("link", name="Открыть назначение").click()
    page.get_by_label("учредитель засчитал оценку кадрового резерва").check()
    page.locator("#id_held_on").fill(today.strftime("%d.%m.%Y"))
    page.locator("#id_reason").fill("Постановление администрации № 45-п")
    page.get_by_role("button", name="Записать аттестацию").click()
    expect(page.get_by_text("Аттестация записана.")).to_be_visible()
    page.locator("#id_order_number").fill("47-к")
    page.locator("#id_order_date").fill(today.strftime("%d.%m.%Y"))
    page.locator("#id_starts_on").fill(today.strftime("%d.%m.%Y"))
    page.locator("#id_order_file").set_input_files(order)
    page.get_by_role("button", name="Приложить приказ").click()
    expect(page.get_by_text("Приказ приложен.")).to_be_visible()
    page.get_by_role("button", name="Записать назначение…").click()
    expect(page.get_by_text("Отменить записанное назначение на портале нельзя.")).to_be_visible()
    expect(page.get_by_text("Старова Нина Петровна")).to_be_visible()
    page.get_by_role("button", name="Да, назначить").click()
    expect(page.get_by_text("Назначение записано.")).to_be_visible()

    # The new head finds the induction plan.
    page.context.clear_cookies()
    login(page, live_server.url, "reservist", PASSWORD)
    page.goto(f"{live_server.url}/onboarding/my/")
    page.get_by_role("link", name="Открыть план").click()
    expect(page.get_by_role("heading", name="Мой план введения в должность")).to_be_visible()
    expect(page.get_by_role("heading", name="1 месяц", exact=False).first).to_be_visible()
    expect(page.get_by_text("Представление коллективу и приём дел", exact=True)).to_be_visible()

    appointment = Appointment.objects.get()
    reservist.refresh_from_db()
    school.refresh_from_db()
    assert appointment.status == AppointmentStatus.MADE
    assert reservist.status == MembershipStatus.APPOINTED
    assert Vacancy.objects.get().status == VacancyStatus.FILLED
    assert school.head_full_name == name
    assert InductionPlan.objects.get().appointment == appointment


def test_the_stages_pages_with_data_have_no_serious_accessibility_findings(
    browser: Browser, live_server, municipal_user
) -> None:
    plan = appointed(municipal_user, username="newhead")
    vacancy = make_vacancy(make_org())
    shortlist(vacancy, reservist_for(vacancy))
    preparing = accepted(make_vacancy(make_org()), username="offered")
    pages = {
        municipal_user.username: [
            f"/onboarding/vacancies/{vacancy.pk}/",
            f"/onboarding/vacancies/{plan.appointment.vacancy_id}/",
            f"/onboarding/appointments/{preparing.pk}/",
            f"/onboarding/appointments/{plan.appointment_id}/",
            f"/onboarding/induction/{plan.pk}/",
            "/accounts/home/municipal/",
        ],
        "newhead": [f"/onboarding/induction/{plan.pk}/", "/onboarding/my/"],
    }
    findings = {}
    for username, paths in pages.items():
        context = browser.new_context(bypass_csp=True, locale="ru-RU")
        page = context.new_page()
        login(page, live_server.url, username, PASSWORD)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, path
            if found := serious_findings(page):
                findings[path] = found
        context.close()

    assert findings == {}
