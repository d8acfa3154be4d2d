"""On a 375 px phone no page of a candidate, a mentor or an expert is wider than the screen.

The demo is seeded, and each person walks every link reachable from their home page (one page
of each address pattern), as someone exploring the portal on a phone would.
"""

import re
from collections import deque
from io import StringIO
from urllib.parse import urljoin, urlparse

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from playwright.sync_api import Browser, Error

from demo.accounts import DEMO_USERS
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 812}
# Not pages: the admin (staff only), files, sign-out, exports.
SKIPPED = re.compile(
    r"^/(admin|static|media)/|/logout/|/export|/download|\.(docx|xlsx|pdf)$|/files?/|/template/$"
)
PASSWORDS = {user.username: user.password for user in DEMO_USERS}


def _pattern(path: str) -> str:
    return re.sub(r"/\d+(?=/)", "/N", path)


def _walk(browser: Browser, base: str, username: str) -> dict[str, int]:
    """Return each visited page's scroll width, one page per address pattern."""
    context = browser.new_context(locale="ru-RU", viewport=PHONE, timezone_id="Asia/Yekaterinburg")
    page = context.new_page()
    login(page, base, username, PASSWORDS[username])
    widths: dict[str, int] = {}
    seen_patterns: set[str] = set()
    queue = deque([urlparse(page.url).path])
    while queue:
        path = queue.popleft()
        if _pattern(path) in seen_patterns:
            continue
        seen_patterns.add(_pattern(path))
        try:
            response = page.goto(base + path)
        except Error as error:  # a link to a file starts a download instead of a page
            if "Download is starting" in str(error):
                continue
            raise
        assert response is not None and response.status == 200, (username, path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
        for href in page.eval_on_selector_all(
            "main a[href], nav a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            url = urlparse(urljoin(base + path, href))
            if url.netloc == urlparse(base).netloc and not SKIPPED.search(url.path):
                queue.append(url.path)
    context.close()
    return widths


def test_no_page_of_a_candidate_mentor_or_expert_is_wider_than_a_phone(
    browser: Browser, live_server
) -> None:
    # The migrated rows came back with their own ids: move PostgreSQL's sequences past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)
    call_command("seed_demo", "--if-empty", stdout=StringIO())

    walked = {
        name: _walk(browser, live_server.url, name) for name in ("candidate", "mentor", "expert")
    }

    too_wide = {
        f"{name} {path}": width
        for name, widths in walked.items()
        for path, width in widths.items()
        if width > PHONE["width"]
    }
    assert too_wide == {}
    # The walk reached each role's work, not just the home page.
    assert len(walked["candidate"]) >= 25, sorted(walked["candidate"])
    assert len(walked["mentor"]) >= 12, sorted(walked["mentor"])
    assert len(walked["expert"]) >= 8, sorted(walked["expert"])
