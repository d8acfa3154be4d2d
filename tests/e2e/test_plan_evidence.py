"""A reservist completes a plan item with both kinds of evidence and sees the progress grow."""

import pytest
from playwright.sync_api import Page, expect

from development.models import PlanItemStatus, PlanStatus
from tests.conftest import PASSWORD
from tests.development.plans_factories import PDF, make_plan
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


@pytest.fixture
def plan():
    return make_plan(status=PlanStatus.APPROVED, items=2)


def test_a_reservist_completes_an_item_with_both_kinds_of_evidence(
    page: Page, live_server, plan, tmp_path
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
    expect(page.get_by_text("добавьте подтверждение применения в практике")).to_be_visible()
    expect(page.locator("[data-completion-present]")).to_be_visible()
    item.refresh_from_db()
    assert item.status == PlanItemStatus.IN_PROGRESS

    # What changed at work, with a link: now it is done.
    page.get_by_label("Что изменилось в вашей работе").fill(
        "Провела педсовет по итогам курса, утвердили положение о закупках малого объёма."
    )
    page.get_by_label("или ссылка на результат").fill("https://school.example/news/7")
    page.get_by_role("button", name="Сохранить применение в практике").click()

    expect(page.get_by_text(f"Пункт «{item.title}» выполнен.")).to_be_visible()
    row = page.locator(f"tr[data-item='{item.pk}']")
    expect(row.locator("[data-status]")).to_have_text("выполнено")
    expect(page.locator("[data-progress]")).to_have_text("50 %")
    expect(page.locator("[data-done]")).to_have_text("1 из 2 пунктов")
    item.refresh_from_db()
    plan.refresh_from_db()
    assert item.status == PlanItemStatus.DONE
    assert plan.status == PlanStatus.IN_PROGRESS
