"""On a 375 px phone no page of a candidate, a mentor or an expert is wider than the screen, and
each passes axe-core (no serious or critical WCAG 2.1 AA findings) with the demo's real rows.

The demo is seeded, and each person walks every link reachable from their home page (one page
of each address pattern), as someone exploring the portal on a phone would.
"""

import pytest
from playwright.sync_api import Browser

from tests.e2e.test_accessibility import serious_findings
from tests.e2e.walk import seed_demo, walk

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 812}


def _walk(browser: Browser, base: str, username: str, findings: dict) -> dict[str, int]:
    """Return each visited page's scroll width, one page per address pattern; put its axe-core
    findings into `findings`."""
    widths: dict[str, int] = {}

    def measure(page, path: str) -> None:
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
        if found := serious_findings(page):
            findings[f"{username} {path}"] = found

    # The portal's CSP forbids injected scripts, axe's included: this context alone bypasses it.
    walk(browser, base, username, measure, viewport=PHONE, bypass_csp=True)
    return widths


def test_every_page_of_a_candidate_mentor_or_expert_fits_a_phone_and_passes_axe(
    browser: Browser, live_server
) -> None:
    seed_demo()

    findings: dict[str, list[str]] = {}
    walked = {
        name: _walk(browser, live_server.url, name, findings)
        for name in ("candidate", "mentor", "expert")
    }

    too_wide = {
        f"{name} {path}": width
        for name, widths in walked.items()
        for path, width in widths.items()
        if width > PHONE["width"]
    }
    assert too_wide == {}
    assert findings == {}
    # The walk reached each role's work, not just the home page.
    assert len(walked["candidate"]) >= 25, sorted(walked["candidate"])
    assert len(walked["mentor"]) >= 12, sorted(walked["mentor"])
    assert len(walked["expert"]) >= 8, sorted(walked["expert"])
