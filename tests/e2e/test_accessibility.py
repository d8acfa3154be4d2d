"""Every key page passes axe-core with no serious or critical WCAG 2.1 AA findings (DESIGN §8)."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"  # axe-core 4, MPL-2.0

PAGES = {
    None: ["/accounts/login/", "/selection/apply/", "/accounts/password/reset/"],
    "ministry_user": [
        "/accounts/home/ministry/",
        "/selection/pipeline/",
        "/selection/staff/nominate/",
        "/selection/meetings/",
        "/selection/reserve/",
        "/regulation/",
        "/regulation/versions/new/",
        "/assessment/staff/campaigns/",
        "/assessment/talent/",
        "/development/plans/",
        "/development/mentors/",
        "/development/mentoring/effectiveness/",
        "/development/programme/",
        "/development/catalogue/",
        "/development/wellbeing/aggregates/",
        "/development/wellbeing/support-requests/",
        "/development/practice-bank/",
        "/assessment/model/",
        "/assessment/staff/bank/",
        "/registry/organizations/",
        "/onboarding/vacancies/",
        "/onboarding/vacancies/new/",
        "/onboarding/forecast/",
        "/onboarding/coverage/",
        "/onboarding/appointments/",
        "/onboarding/induction/",
        "/onboarding/induction/templates/",
        "/onboarding/induction/templates/general/",
        "/monitoring/indicators/",
        "/monitoring/indicators/reserve_size/",
        "/monitoring/summary/",
        "/monitoring/documents/",
        "/monitoring/reports/",
        "/roadmap/",
        "/accounts/notifications/",
    ],
    "municipal_user": [
        "/accounts/home/municipal/",
        "/selection/pipeline/",
        "/onboarding/vacancies/new/",
        "/monitoring/reports/",
    ],
    "expert_user": ["/accounts/home/expert/", "/assessment/expert/"],
    "mentor_user": [
        "/accounts/home/mentor/",
        "/development/practice/",
        "/monitoring/reports/mentees/",
    ],
    "candidate_user": [
        "/accounts/home/candidate/",
        "/selection/my/",
        "/assessment/my/",
        "/development/wellbeing/",
        "/onboarding/my/",
        "/onboarding/induction/my/",
        "/monitoring/reports/my/",
        "/accounts/notifications/",
    ],
}


def serious_findings(page: Page) -> list[str]:
    """Run axe-core on the page; return the serious and critical findings, readable."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "async () => await axe.run(document, "
        "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("persona", list(PAGES), ids=lambda persona: persona or "anonymous")
def test_key_pages_have_no_serious_accessibility_findings(
    browser: Browser, live_server, request: pytest.FixtureRequest, persona: str | None
) -> None:
    # The portal's CSP forbids injected scripts, axe's included: this context alone bypasses it.
    context = browser.new_context(
        bypass_csp=True, locale="ru-RU", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    if persona is not None:
        user = request.getfixturevalue(persona)
        login(page, live_server.url, user.username, PASSWORD)
    findings = {}
    for path in PAGES[persona]:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        found = serious_findings(page)
        if found:
            findings[path] = found
    context.close()

    assert findings == {}
