"""Walk the portal as a person exploring it: every link reachable from their home page, one page
of each address pattern, calling back on each HTML page (used on the seeded demo)."""

import re
from collections import deque
from collections.abc import Callable
from io import StringIO
from urllib.parse import urljoin, urlparse

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from playwright.sync_api import Browser, Error, Page

from demo.accounts import DEMO_USERS
from tests.e2e.conftest import login

# Not pages: the admin (staff only), files, sign-out, exports.
SKIPPED = re.compile(
    r"^/(admin|static|media)/|/logout/|/export|/download|\.(docx|xlsx|pdf)$|/files?/|/template/$"
)
PASSWORDS = {user.username: user.password for user in DEMO_USERS}


def seed_demo() -> None:
    """Load the demo into the test database, as `make run` does."""
    # The migrated rows came back with their own ids: move PostgreSQL's sequences past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)
    call_command("seed_demo", "--if-empty", stdout=StringIO())


def pattern(path: str) -> str:
    return re.sub(r"/\d+(?=/)", "/N", path)


def walk(
    browser: Browser,
    base: str,
    username: str,
    visit: Callable[[Page, str], None],
    *,
    viewport: dict[str, int],
    bypass_csp: bool = False,
) -> list[str]:
    """Call visit(page, path) on each page the demo person reaches; return the paths visited."""
    context = browser.new_context(
        locale="ru-RU", viewport=viewport, timezone_id="Asia/Yekaterinburg", bypass_csp=bypass_csp
    )
    page = context.new_page()
    login(page, base, username, PASSWORDS[username])
    visited: list[str] = []
    seen_patterns: set[str] = set()
    queue = deque([urlparse(page.url).path])
    while queue:
        path = queue.popleft()
        if pattern(path) in seen_patterns:
            continue
        seen_patterns.add(pattern(path))
        try:
            response = page.goto(base + path)
        except Error as error:  # a link to a file starts a download instead of a page
            if "Download is starting" in str(error):
                continue
            raise
        assert response is not None and response.status == 200, (username, path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        visit(page, path)
        visited.append(path)
        for href in page.eval_on_selector_all(
            "main a[href], nav a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            url = urlparse(urljoin(base + path, href))
            if url.netloc == urlparse(base).netloc and not SKIPPED.search(url.path):
                queue.append(url.path)
    context.close()
    return visited
