"""The ministry returns an application for correction; the candidate fixes it and resubmits."""

import re

import pytest
from playwright.sync_api import Page, expect

from candidates.models import NominationStatus, StatusChange
from tests.candidates.factories import make_nomination
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.e2e.selection_steps import submit_application, upload_documents

pytestmark = pytest.mark.e2e

WHAT_TO_FIX = "Загрузите рекомендацию, подписанную руководителем организации."


def _open_from_pipeline(page: Page, live_server_url: str, full_name: str) -> None:
    page.goto(f"{live_server_url}/selection/pipeline/")
    expect(page.get_by_role("heading", name="Заявки в кадровый резерв")).to_be_visible()
    page.get_by_role("link", name=full_name).click()
    expect(page.get_by_role("heading", level=1, name=full_name)).to_be_visible()


def _press(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def test_the_ministry_returns_an_application_and_the_candidate_resubmits(
    page: Page, live_server, ministry_user
) -> None:
    nomination = make_nomination(
        status=NominationStatus.SUBMITTED, last_name="Орлова", first_name="Вера"
    )
    candidate = nomination.candidate
    full_name = candidate.full_name

    # The specialist takes the application for document check and returns it with a reason.
    login(page, live_server.url, ministry_user.username, PASSWORD)
    _open_from_pipeline(page, live_server.url, full_name)
    _press(page, "Принять на проверку документов")
    expect(page.get_by_text("Заявка переведена в статус «проверка документов».")).to_be_visible()
    page.get_by_label("Что исправить").fill(WHAT_TO_FIX)
    _press(page, "Вернуть на доработку")
    expect(
        page.get_by_text("Заявка переведена в статус «возвращена на доработку».")
    ).to_be_visible()
    expect(page.locator(".status-timeline")).to_contain_text(WHAT_TO_FIX)

    # The candidate signs in, reads what to fix, uploads the document and resubmits.
    page.context.clear_cookies()
    login(page, live_server.url, candidate.user.username, PASSWORD)
    page.goto(f"{live_server.url}/selection/my/{nomination.pk}/")
    expect(page.get_by_text(WHAT_TO_FIX).first).to_be_visible()
    upload_documents(page, ["recommendation"])
    submit_application(page, "Подать заявку повторно")

    # The specialist sees it «подана» again, with the whole history.
    page.context.clear_cookies()
    login(page, live_server.url, ministry_user.username, PASSWORD)
    page.goto(f"{live_server.url}/selection/pipeline/?status=submitted")
    row = page.get_by_role("row", name=re.compile(full_name))
    expect(row).to_contain_text("подана")
    row.get_by_role("link", name=full_name).click()
    expect(page.get_by_role("button", name="Принять на проверку документов")).to_be_visible()
    assert list(
        StatusChange.objects.filter(nomination=nomination).values_list("to_status", flat=True)
    ) == ["submitted", "document_check", "returned", "submitted"]
