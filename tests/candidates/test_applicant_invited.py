"""A person nominated by a coordinator sets a password, completes the draft and submits it."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from candidates.models import Nomination, NominationSource, NominationStatus
from candidates.services.profiles import candidate_nominate
from governance.consent import consent_give
from governance.models import ConsentPurpose
from registry.models import PositionKind
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.applicant_fixtures import url
from tests.candidates.factories import attach_required_documents

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Solnechny-den-2040"


@pytest.fixture
def invited(municipal_user, municipality, django_capture_on_commit_callbacks) -> Nomination:
    with django_capture_on_commit_callbacks(execute=True):
        return candidate_nominate(
            actor=municipal_user,
            email="orlov.a@example.org",
            profile={
                "last_name": "Орлов",
                "first_name": "Андрей",
                "middle_name": "Павлович",
                "municipality": municipality,
            },
            position_kind=PositionKind.objects.get(code="director-general"),
            source=NominationSource.MUNICIPAL_AUTHORITY,
        )


def _set_password_through_the_invitation(client) -> None:
    [letter] = mail.outbox
    link = re.search(r"(/accounts/password/reset/\S+/)", letter.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302


def test_the_invited_person_completes_and_submits_the_draft(client, invited, organization):
    _set_password_through_the_invitation(client)
    assert client.login(username="orlov.a@example.org", password=NEW_PASSWORD)

    listing = client.get(reverse("candidates:applicant_nominations"))
    assert list(listing.context["nominations"]) == [invited]

    candidate = invited.candidate
    profile = {
        "last_name": "Орлов",
        "first_name": "Андрей",
        "middle_name": "Павлович",
        "birth_date": "21.11.1979",
        "phone": "8 912 345-67-89",
        "municipality": candidate.municipality_id,
        "organization": organization.inn,
        "position": "Учитель истории",
    }
    assert client.post(url("applicant_profile", invited), profile).status_code == 302
    client.post(
        url("applicant_education", invited),
        {
            "level": "higher",
            "field": "pedagogy",
            "speciality": "История",
            "institution": "ОГПУ",
            "graduation_year": "2001",
        },
    )
    client.post(
        url("applicant_work", invited),
        {
            "organization_name": organization.short_name,
            "post": "Учитель истории",
            "kind": "pedagogical",
            "started_on": "01.09.2001",
            "is_current": "on",
        },
    )
    client.post(url("applicant_consent", invited), {"agree": "on"})
    attach_required_documents(invited)

    client.post(url("applicant_submit", invited))

    invited.refresh_from_db()
    candidate.refresh_from_db()
    assert invited.status == NominationStatus.SUBMITTED
    assert candidate.birth_date == datetime.date(1979, 11, 21)
    assert invited.nominated_by.role == "municipal"


def test_the_nominating_coordinator_does_not_use_the_candidates_pages(
    client, invited, municipal_user
):
    consent_give(user=invited.candidate.user, purpose=ConsentPurpose.PERSONAL_DATA)
    client.force_login(municipal_user)

    assert client.get(url("applicant_nomination", invited)).status_code == 404
    assert client.post(url("applicant_submit", invited)).status_code == 404


def test_an_invited_person_whose_link_expired_gets_a_working_one_by_forgot_password(
    client, invited, settings
):
    mail.outbox.clear()

    client.post("/accounts/password/reset/", {"email": "Orlov.A@example.org"})

    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert client.login(username="orlov.a@example.org", password=NEW_PASSWORD)
