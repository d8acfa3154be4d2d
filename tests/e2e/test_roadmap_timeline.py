"""The ministry opens the roadmap and sees the overdue item marked on the timeline."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from governance.models import RoadmapStage, RoadmapStatus
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.governance.roadmap_factories import RoadmapItemFactory

pytestmark = pytest.mark.e2e


def test_the_timeline_marks_the_overdue_item(page: Page, live_server) -> None:
    UserFactory(username="ministerstvo", role="ministry")
    today = timezone.localdate()
    RoadmapItemFactory(
        number="2.2",
        title="Проверка соответствия кандидатов требованиям",
        stage=RoadmapStage.SELECTION,
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=10),
        status=RoadmapStatus.IN_PROGRESS,
    )
    RoadmapItemFactory(
        number="4.1",
        title="Курсы ДПО для резервистов",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=90),
    )

    login(page, live_server.url, "ministerstvo", PASSWORD)
    page.get_by_role("button", name="Мониторинг").click()
    page.locator(".dropdown-menu.show").get_by_role(
        "link", name="Дорожная карта", exact=True
    ).click()

    expect(page.get_by_role("heading", name="График выполнения")).to_be_visible()
    late = page.locator(".timeline-row[data-number='2.2']")
    expect(late.get_by_text("просрочено")).to_be_visible()
    expect(late.locator("rect.bar-overdue")).to_have_count(1)
    on_time = page.locator(".timeline-row[data-number='4.1']")
    expect(on_time.locator("rect.bar-planned")).to_have_count(1)
    expect(page.get_by_text("из них просрочено: 1")).to_be_visible()

    page.get_by_label("Статус").select_option("overdue")
    page.get_by_role("button", name="Показать").click()
    expect(page.locator(".timeline-row")).to_have_count(2)  # the scale row and the overdue item
    late.get_by_role("link").click()
    expect(page.get_by_text("Мероприятие просрочено")).to_be_visible()
