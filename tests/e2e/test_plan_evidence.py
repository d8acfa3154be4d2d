"""A reservist evidences a plan item, the head of their school confirms the practice in the
browser, and only then the item is done and the progress grows."""

import pytest
from playwright.sync_api import Page, expect

from accounts.models import Role
from development.models import PlanItemStatus, PlanStatus, PracticeWitness, WitnessKind
from tests.conftest import PASSWORD
from tests.development.plans_factories import PDF, make_plan, make_reservist
from tests.e2e.conftest import login
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def plan():
    membership = make_reservist()
    school = OrganizationFactory()
    membership.candidate.organization = school
    membership.candidate.save(update_fields=["organization"])
    return make_plan(membership, status=PlanStatus.APPROVED, items=2)


@pytest.fixture
def head(plan):
    user = UserFactory(role=Role.MENTOR, last_name="Белоусова", first_name="Татьяна")
    PracticeWitness.objects.create(
        user=user, kind=WitnessKind.HEAD, organization=plan.candidate.organization
    )
    return user


def test_the_practice_counts_once_the_head_confirms_it(
    page: Page, live_server, plan, head, tmp_path
) -> None:
    item = plan.items.order_by("due_date").first()
    certificate = tmp_path / "udostoverenie.pdf"
    certificate.write_bytes(PDF)
    login(page, live_server.url, plan.candidate.user.username, PASSWORD)

    page.goto(f"{live_server.url}/development/my-plan/")
    expect(page.get_by_role("heading", name="Мой план развития")).to_be_visible()
    expect(page.locator("[data-progress]")).to_have_text("0 %")
    page.get_by_role("link", name=item.title).click()

    # The certificate alone: saved, but the item is not done yet.
    page.get_by_label("Сертификат, удостоверение или отчёт тьютора").set_input_files(certificate)
    page.get_by_label("Что пройдено").fill("Удостоверение о повышении квалификации № 5612")
    page.get_by_role("button", name="Приложить подтверждение выполнения").click()
    expect(page.get_by_text("Подтверждение выполнения сохранено.")).to_be_visible()
    expect(page.locator("[data-completion-present]")).to_be_visible()

    # What changed at work, with a link, sent to the head of the school: still not done.
    page.get_by_label("Что изменилось в вашей работе").fill(
        "Провела педсовет по итогам курса, утвердили положение о закупках малого объёма."
    )
    page.get_by_label("или ссылка на результат").fill("https://school.example/news/7")
    page.get_by_label("Кто подтвердит применение").select_option(str(head.pk))
    page.get_by_role("button", name="Отправить на подтверждение").click()
    expect(page.get_by_text("ждёт подтверждения")).to_be_visible()
    item.refresh_from_db()
    assert item.status == PlanItemStatus.IN_PROGRESS

    # The head confirms what they saw.
    page.context.clear_cookies()
    login(page, live_server.url, head.username, PASSWORD)
    page.goto(f"{live_server.url}/development/practice/")
    expect(page.get_by_text("Ждут вашего ответа: 1")).to_be_visible()
    page.get_by_role("link", name=f"{plan.candidate.full_name} — {item.title}").click()
    page.get_by_role("button", name="Подтвердить применение").click()
    expect(page.get_by_text("Применение подтверждено")).to_be_visible()

    # Back to the reservist: the item is done and the progress grew.
    page.context.clear_cookies()
    login(page, live_server.url, plan.candidate.user.username, PASSWORD)
    page.goto(f"{live_server.url}/development/my-plan/")
    row = page.locator(f"tr[data-item='{item.pk}']")
    expect(row.locator("[data-status]")).to_have_text("выполнено")
    expect(page.locator("[data-progress]")).to_have_text("50 %")
    expect(page.locator("[data-done]")).to_have_text("1 из 2 пунктов")
    item.refresh_from_db()
    plan.refresh_from_db()
    assert item.status == PlanItemStatus.DONE
    assert plan.status == PlanStatus.IN_PROGRESS
