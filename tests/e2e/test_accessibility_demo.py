"""The ministry specialist's pages on the seeded demo pass axe-core (no serious or critical WCAG
2.1 AA findings): with real rows, wide tables and charts, which the empty pages of
test_accessibility.py do not have. Candidates', mentors' and experts' pages are checked on the
phone walk (test_phone_width.py)."""

import pytest
from playwright.sync_api import Browser

from tests.e2e.test_accessibility import serious_findings
from tests.e2e.walk import seed_demo, walk

pytestmark = pytest.mark.e2e


def test_every_page_the_ministry_reaches_on_the_demo_passes_axe(
    browser: Browser, live_server
) -> None:
    seed_demo()
    findings: dict[str, list[str]] = {}

    def check(page, path: str) -> None:
        if found := serious_findings(page):
            findings[path] = found

    # The portal's CSP forbids injected scripts, axe's included: this context alone bypasses it.
    visited = walk(
        browser,
        live_server.url,
        "ministry",
        check,
        viewport={"width": 1280, "height": 900},
        bypass_csp=True,
    )

    assert findings == {}
    assert len(visited) >= 80, sorted(visited)  # the dashboard, every stage, the roadmap
