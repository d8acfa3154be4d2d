"""Browser tests: one headless Debian Chromium per session, a fresh context and page per test."""

import os
import re
import threading
import time
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from playwright.sync_api import Browser, Page, sync_playwright

# Playwright's sync API runs an event loop in the test thread; Django's async guard would then
# refuse the ORM calls that fixtures and tests make. The loop never shares Django state.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# The suite drives the system Chromium; Playwright must never fetch a browser of its own.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def _keep_database_connections_per_thread() -> None:
    """Store Django's connections in a plain thread-local, whatever Playwright does to the loop.

    Between sync calls Playwright leaves its event loop marked as running in the test thread.
    asgiref's thread-critical storage then switches to per-context storage, so the ORM would open
    a second set of connections that miss the state pytest-django set up on the first (the
    serialized reference data, the open connections it closes before dropping the database).
    """
    storage = threading.local()
    for alias in connections:
        if hasattr(connections._connections, alias):
            setattr(storage, alias, getattr(connections._connections, alias))
    connections._connections = storage


_keep_database_connections_per_thread()

CHROMIUM_PATH = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS_DIR = Path(__file__).resolve().parent.parent.parent / "test-results"
HOME_URL_PATTERN = re.compile(r"/accounts/home/[a-z]+/$")
TIMEOUT_MS = 15_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
    """Keep each phase's report on the test item so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Generator[Browser]:
    """Launch the headless system Chromium once for the whole session."""
    if not CHROMIUM_PATH.exists():
        pytest.fail(
            f"{CHROMIUM_PATH} not found: install Debian's chromium (make test does it when root)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _restore_migrated_state() -> None:
    """Empty every table and load back the rows the migrations created, with their own ids."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture(scope="module", autouse=True)
def _migrated_state_around_module(django_db_setup: None, django_db_blocker) -> Iterator[None]:
    """Start each browser module from the migrated state and leave that state behind.

    A transactional test without serialized rollback flushes the database and lets post_migrate
    recreate content types under new ids, which would clash with the serialized rows restored
    below; and a test after this module may expect the municipalities the migrations loaded.
    """
    with django_db_blocker.unblock():
        _restore_migrated_state()
    yield
    with django_db_blocker.unblock():
        _restore_migrated_state()


@pytest.fixture(autouse=True)
def _e2e_database(django_db_serialized_rollback: None, live_server) -> None:
    """Give every browser test the live server and the data migrations' reference rows.

    The live server needs a transactional database, which is flushed after each test; serialized
    rollback restores what the migrations loaded (municipalities, position kinds) before the next.
    """


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Generator[Page]:
    """Open a Russian-locale page in a fresh context; save a screenshot when the test fails."""
    context = browser.new_context(
        locale="ru-RU",
        timezone_id="Asia/Yekaterinburg",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(RESULTS_DIR / f"{name}.png"), full_page=True)
    context.close()


def login(page: Page, live_server_url: str, username: str, password: str) -> None:
    """Sign in through the login form and wait until the role's home page has loaded.

    Staff confirm the sign-in as a person would: a code from an authenticator app holding the
    demo key (the app is enrolled for them here, as seed_demo does for the demo accounts).
    """
    device = _demo_app_of(username)
    page.goto(f"{live_server_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    if device is not None:
        page.wait_for_url(re.compile(r"/accounts/two-factor/"))
        page.fill("#id_code", _fresh_code(device))
        page.press("#id_code", "Enter")
    page.wait_for_url(HOME_URL_PATTERN)


def _demo_app_of(username: str):
    """Return the staff user's authenticator app with the demo key, or None for other roles."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.access import requires_two_factor
    from accounts.models import User
    from demo.accounts import demo_totp_key

    user = User.objects.filter(username=username).first()
    if user is None or not requires_two_factor(user):
        return None
    device, _ = TOTPDevice.objects.get_or_create(
        user=user,
        confirmed=True,
        defaults={"name": "Демонстрационный ключ", "key": demo_totp_key()},
    )
    return device


def _fresh_code(device) -> str:
    """Return the app's current code, or a backup code if this period's code is already used."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from tests.two_factor import current_code

    device.refresh_from_db()
    code = current_code(device)
    if device.last_t < int((time.time() - device.t0) // device.step):
        return code
    backup, _ = StaticDevice.objects.get_or_create(user=device.user, name="Резервные коды")
    return StaticToken.objects.create(device=backup, token=StaticToken.random_token()).token
