"""Uploading documents on the applicant's page: checked by content, size-limited, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from candidates.models import Document, NominationStatus
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.applicant_fixtures import png_bytes, stored_files, url
from tests.candidates.factories import PDF_BYTES, make_candidate, make_nomination
from tests.upload_samples import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare_draft(db):
    """A draft with no documents yet."""
    return make_nomination(candidate=make_candidate(), documents=False)


@pytest.fixture
def uploader(client, bare_draft):
    client.force_login(bare_draft.candidate.user)
    return client


def _upload(client, nomination, name: str, content: bytes, kind: str = "application"):
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(url("applicant_documents", nomination), {"kind": kind, "file": file})


def test_a_renamed_executable_is_refused_and_nothing_is_kept(uploader, bare_draft, private_media):
    response = _upload(uploader, bare_draft, "заявление.pdf", b"MZ\x90\x00" + b"\x00" * 512)

    assert response.status_code == 200
    assert "Принимаются только файлы PDF, JPEG и PNG" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(private_media) == []
    assert not AuditEvent.objects.filter(action="document.upload").exists()


def test_an_oversize_file_is_refused_and_nothing_is_kept(
    uploader, bare_draft, private_media, settings
):
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024

    response = _upload(uploader, bare_draft, "diploma.pdf", PDF_BYTES + b"0" * 1024 * 1024)

    assert response.status_code == 200
    assert "Файл больше 1 МБ" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(private_media) == []


def test_the_page_states_the_size_limit(uploader, bare_draft, settings):
    settings.DOCUMENT_MAX_BYTES = 5 * 1024 * 1024

    page = uploader.get(url("applicant_documents", bare_draft)).content.decode()

    assert "не больше 5 МБ" in page


def test_a_small_pdf_is_accepted(uploader, bare_draft, private_media):
    response = _upload(uploader, bare_draft, "Заявление Иванова.pdf", PDF_BYTES)

    document = Document.objects.get()
    assert response.status_code == 302
    assert (document.nomination, document.kind, document.content_type) == (
        bare_draft,
        "application",
        "application/pdf",
    )
    assert (document.original_name, document.size) == ("Заявление Иванова.pdf", len(PDF_BYTES))
    assert document.uploaded_by == bare_draft.candidate.user
    [stored] = stored_files(private_media)
    assert stored.read_bytes() == PDF_BYTES
    assert stored.suffix == ".pdf"


def test_a_png_photo_is_accepted_whatever_its_name(uploader, bare_draft):
    response = _upload(uploader, bare_draft, "diploma.jpeg", png_bytes(), kind="diploma")

    document = Document.objects.get()
    assert response.status_code == 302
    assert (document.kind, document.content_type) == ("diploma", "image/png")


def test_the_required_kinds_are_marked(uploader, bare_draft):
    _upload(uploader, bare_draft, "application.pdf", PDF_BYTES)

    page = uploader.get(url("applicant_documents", bare_draft)).content.decode()

    assert "Заявление — обязательный" in page
    assert "Иной документ — обязательный" not in page
    assert '<span class="visually-hidden">Загружен: </span>Заявление' in page
    assert '<span class="visually-hidden">Не загружен: </span>Анкета' in page


def test_a_kind_must_be_chosen(uploader, bare_draft, private_media):
    response = _upload(uploader, bare_draft, "application.pdf", PDF_BYTES, kind="")

    assert response.status_code == 200
    assert not Document.objects.exists()
    assert stored_files(private_media) == []


def test_a_document_is_deleted_with_its_file(
    uploader, bare_draft, private_media, django_capture_on_commit_callbacks
):
    _upload(uploader, bare_draft, "application.pdf", PDF_BYTES)
    document = Document.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = uploader.post(url("applicant_document_delete", bare_draft, document.pk))

    assert response.status_code == 302
    assert not Document.objects.exists()
    assert stored_files(private_media) == []
    assert AuditEvent.objects.filter(action="document.delete").exists()


def test_deleting_a_document_twice_says_it_is_gone(uploader, bare_draft):
    _upload(uploader, bare_draft, "application.pdf", PDF_BYTES)
    delete = url("applicant_document_delete", bare_draft, Document.objects.get().pk)

    uploader.post(delete)
    response = uploader.post(delete, follow=True)

    assert "Этот документ уже удалён." in response.content.decode()
    assert AuditEvent.objects.filter(action="document.delete").count() == 1


def test_no_upload_once_submitted(uploader, bare_draft, private_media):
    bare_draft.status = NominationStatus.SUBMITTED
    bare_draft.save(update_fields=["status"])

    response = _upload(uploader, bare_draft, "application.pdf", PDF_BYTES)

    assert response.status_code == 302
    assert not Document.objects.exists()
    assert stored_files(private_media) == []


def test_it_stores_the_file_under_one_dated_folder(candidate_user, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from candidates.services.documents import document_upload
    from tests.candidates.factories import PDF_BYTES, make_nomination

    settings.MEDIA_ROOT = tmp_path
    nomination = make_nomination(documents=False)

    document = document_upload(
        nomination=nomination,
        kind="diploma",
        uploaded_file=SimpleUploadedFile("диплом.pdf", PDF_BYTES),
        actor=nomination.candidate.user,
    )

    folder = f"documents/{timezone.localdate():%Y/%m}/"
    assert document.file.name.startswith(folder)
    assert document.file.name.count("/") == 3  # documents/<year>/<month>/<random>.pdf


def test_a_pdf_named_exe_is_stored_and_shown_as_pdf(uploader, bare_draft, private_media):
    _upload(uploader, bare_draft, "заявление.exe", PDF_BYTES)

    document = Document.objects.get()
    page = uploader.get(url("applicant_documents", bare_draft)).content.decode()
    assert document.original_name == "заявление.pdf"
    assert document.file.name.endswith(".pdf")
    assert "заявление.pdf" in page and "заявление.exe" not in page


def test_stored_files_are_readable_by_the_owner_only(uploader, bare_draft, private_media):
    _upload(uploader, bare_draft, "заявление.pdf", PDF_BYTES)

    stored = stored_files(private_media)
    assert len(stored) == 1
    assert stored[0].stat().st_mode & 0o777 == 0o600
    folder = stored[0].parent
    while folder != private_media:
        assert folder.stat().st_mode & 0o777 == 0o700, folder
        folder = folder.parent


def test_a_pdf_with_javascript_is_refused_with_the_reason(uploader, bare_draft, private_media):
    response = _upload(uploader, bare_draft, "анкета.pdf", pdf_bytes(javascript=True))

    assert "PDF содержит JavaScript" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(private_media) == []
