"""Downloading a person's document: asked of the access policy, served as an attachment, logged."""

import pytest
from django.urls import reverse

from audit.models import PersonalDataAccess
from candidates.models import Document
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.factories import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(draft) -> Document:
    return draft.documents.get(kind="recommendation")


def _download(client, document):
    return client.get(reverse("candidates:document_download", args=[document.pk]))


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_candidate_downloads_own_document_as_an_attachment(applicant, draft, document):
    response = _download(applicant, document)

    assert response.status_code == 200
    assert _body(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="recommendation.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_every_download_is_logged(applicant, draft, document):
    _download(applicant, document)
    _download(applicant, document)

    entries = PersonalDataAccess.objects.filter(actor=draft.candidate.user)
    assert entries.count() == 2
    entry = entries.first()
    assert entry.purpose == "скачивание документа: Рекомендация (представление)"
    assert (entry.subject_type, entry.subject_id) == (
        "candidates.candidate",
        str(draft.candidate.pk),
    )


@pytest.mark.parametrize("persona", ["municipal_user", "ministry_user", "admin_user"])
def test_staff_covering_the_municipality_download_it(client, request, draft, document, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    response = _download(client, document)

    assert response.status_code == 200
    assert PersonalDataAccess.objects.filter(actor=user).count() == 1


@pytest.mark.parametrize(
    "persona", ["outsider_municipal_user", "expert_user", "mentor_user", "candidate_user"]
)
def test_everyone_else_gets_404_and_nothing_is_logged(client, request, document, persona):
    client.force_login(request.getfixturevalue(persona))

    assert _download(client, document).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, document):
    response = _download(client, document)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not PersonalDataAccess.objects.exists()


def test_the_saved_name_ends_as_the_content_is(applicant, document):
    document.original_name = "рекомендация.html"
    document.save(update_fields=["original_name"])

    response = _download(applicant, document)

    assert response["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''%D1%80%D0%B5" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith(".html.pdf")


def test_a_file_missing_from_storage_answers_404(applicant, document):
    document.file.delete(save=False)

    assert _download(applicant, document).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_an_unknown_document_answers_404(applicant):
    response = applicant.get(reverse("candidates:document_download", args=[999999]))

    assert response.status_code == 404
