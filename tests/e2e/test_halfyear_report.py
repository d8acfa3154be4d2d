"""A reservist writes and submits the half-yearly report; the coordinator accepts it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from governance.selectors import regulation_in_force
from monitoring.halfyear.periods import next_due
from monitoring.models import HalfYearReport, ReportStatus
from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


def test_a_reservist_submits_and_the_coordinator_accepts(page: Page, live_server) -> None:
    orenburg = Municipality.objects.get(name="город Оренбург")
    membership = make_membership(
        started_on=timezone.localdate() - datetime.timedelta(days=120),
        municipality=orenburg,
        username="rezervist",
    )
    UserFactory(username="koordinator", role="municipal", municipality=orenburg)
    due_on = next_due(regulation_in_force(), timezone.localdate())

    login(page, live_server.url, "rezervist", PASSWORD)
    page.goto(f"{live_server.url}/monitoring/reports/my/")
    expect(page.get_by_text(f"Отчёт к {due_on:%d.%m.%Y}")).to_be_visible()
    page.get_by_role("button", name="Написать отчёт").click()
    page.get_by_label("Что выполнено по плану развития за полугодие").fill(
        "Прошёл курс «Финансы образовательной организации», 72 часа."
    )
    page.get_by_label("Что из пройденного применено в работе и с каким результатом").fill(
        "Подготовил проект плана ФХД школы на 2027 год."
    )
    page.get_by_role("button", name="Сдать отчёт").click()
    expect(page.get_by_text("Отчёт сдан.")).to_be_visible()
    expect(page.locator("#report-status")).to_have_text("Сдан")

    page.context.clear_cookies()
    login(page, live_server.url, "koordinator", PASSWORD)
    page.goto(f"{live_server.url}/monitoring/reports/?due_on={due_on:%Y-%m-%d}")
    page.get_by_role("link", name="Сдан").click()
    expect(page.get_by_text("Подготовил проект плана ФХД школы на 2027 год.")).to_be_visible()
    page.get_by_role("button", name="Принять отчёт").click()

    expect(page.get_by_text("Отчёт принят.")).to_be_visible()
    expect(page.locator("#report-status")).to_have_text("Принят")
    report = HalfYearReport.objects.get(membership=membership)
    assert report.status == ReportStatus.ACCEPTED
