"""Self-nomination in the browser: from registration to an application «подана»."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from audit.models import PersonalDataAccess
from candidates.models import Candidate, NominationStatus
from tests.e2e.selection_steps import candidate_self_nominates, open_section
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.e2e


def test_a_person_registers_fills_the_application_and_submits_it(
    page: Page, live_server, municipality
) -> None:
    school = OrganizationFactory(municipality=municipality, short_name="МОАУ «СОШ № 38»")

    applicant = candidate_self_nominates(page, live_server.url, organization=school.short_name)

    candidate = Candidate.objects.get(email=applicant.email)
    nomination = candidate.nominations.get()
    assert nomination.status == NominationStatus.SUBMITTED
    assert candidate.organization == school
    assert nomination.documents.count() == 7  # the Regulation's required documents
    # The letter confirming the address, then the one about the submitted application.
    assert [message.to for message in mail.outbox] == [[applicant.email]] * 2
    assert "подтвердите адрес" in mail.outbox[0].subject
    expect(page.get_by_text("только для просмотра")).to_be_visible()
    expect(page.locator(".status-timeline li")).to_have_count(2)

    open_section(page, "Документы")
    expect(page.get_by_role("button", name="Загрузить")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="application.pdf").click()
    assert download.value.suggested_filename == "application.pdf"
    assert PersonalDataAccess.objects.filter(actor=candidate.user).count() == 1
