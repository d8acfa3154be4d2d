"""The ministry opens its home dashboard and follows a number down to the people behind it."""

import pytest
from playwright.sync_api import Page, expect

from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


def test_a_number_of_the_dashboard_opens_its_list(page: Page, live_server) -> None:
    orsk = Municipality.objects.get(name="город Орск")
    first = make_membership(municipality=orsk)
    second = make_membership(municipality=orsk)
    UserFactory(username="ministerstvo", role="ministry")

    login(page, live_server.url, "ministerstvo", PASSWORD)
    table = page.locator("section", has=page.locator("#by-municipality-heading"))
    expect(table).to_be_visible()
    row = table.locator("tr", has=page.get_by_role("rowheader", name="город Орск"))
    row.get_by_role("link").first.click()

    expect(page.get_by_role("heading", name="Численность резерва: город Орск")).to_be_visible()
    expect(page.get_by_role("heading", name="Из чего посчитано: город Орск (2)")).to_be_visible()
    rows = page.locator("table.indicator-rows")
    expect(rows).to_contain_text(first.candidate.full_name)
    expect(rows).to_contain_text(second.candidate.full_name)
