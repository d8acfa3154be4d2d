"""Each role signs in through the browser and lands on its own home page."""

import re

import pytest
from playwright.sync_api import Page, expect

from registry.models import Municipality
from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

PERSONAS = [
    ("admin_user", "admin"),
    ("ministry_user", "ministry"),
    ("municipal_user", "municipal"),
    ("expert_user", "expert"),
    ("mentor_user", "mentor"),
    ("candidate_user", "candidate"),
]


@pytest.mark.parametrize(("persona", "role"), PERSONAS)
def test_it_lands_each_role_on_its_home_page(
    page: Page, live_server, request: pytest.FixtureRequest, persona: str, role: str
) -> None:
    user = request.getfixturevalue(persona)

    login(page, live_server.url, user.username, PASSWORD)

    assert page.url == f"{live_server.url}/accounts/home/{role}/"
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1").first).to_be_visible()


def test_it_keeps_a_wrong_password_on_the_login_page(page: Page, live_server, admin_user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "not-the-password")
    page.press("#id_password", "Enter")

    expect(page.get_by_text(re.compile("правильн", re.IGNORECASE))).to_be_visible()
    assert page.url.startswith(f"{live_server.url}/accounts/login/")
    expect(page.locator("#id_password")).to_be_visible()


def test_it_sees_the_migrated_municipalities(live_server) -> None:
    """The live server's flushed database still holds the data migrations' reference rows."""
    assert Municipality.objects.count() == 42
