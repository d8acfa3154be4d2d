"""An administrator imports the messy sample registry through the admin, preview first."""

import pytest
from playwright.sync_api import Page, expect

from registry.models import Organization
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.registry.registry_files import MESSY_SAMPLE

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_it_imports_the_messy_sample_after_a_preview(page: Page, live_server, admin_user) -> None:
    login(page, live_server.url, admin_user.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/registry/organization/")

    page.get_by_role("link", name="Импорт из Excel").click()
    page.get_by_label("Файл реестра").set_input_files(MESSY_SAMPLE)
    page.get_by_role("button", name="Проверить файл").click()

    expect(page.get_by_role("heading", name="Импорт реестра: проверка файла")).to_be_visible()
    expect(page.get_by_text("Будет создано: 12, обновлено: 0, без изменений: 0")).to_be_visible()
    created = page.get_by_role("table", name="Будут созданы")
    expect(created.locator("tbody tr")).to_have_count(12)
    expect(created).to_contain_text("город Новотроицк")
    assert Organization.objects.count() == 0

    page.get_by_role("button", name="Подтвердить импорт").click()

    expect(page.get_by_text("создано 12, обновлено 0, без изменений 0")).to_be_visible()
    expect(page.locator("#result_list tbody tr")).to_have_count(12)
    page.goto(f"{live_server.url}/registry/organizations/")
    expect(page.get_by_text("Найдено организаций: 12")).to_be_visible()
    expect(page.get_by_role("link", name="МОБУ «СОШ № 1»")).to_be_visible()
    assert Organization.objects.count() == 12
