"""Written documents are recognised by their content: PDF, DOCX and ODT, nothing else."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.text_documents import DOCX, ODT, PDF, text_document_kind
from tests import upload_samples
from tests.documents import docx_bytes, odt_bytes, pdf_bytes, zip_bytes


def _kind(name: str, content: bytes):
    return text_document_kind(SimpleUploadedFile(name, content))


def test_the_content_decides_not_the_name():
    assert _kind("работа.exe", pdf_bytes()) == PDF
    assert _kind("работа.pdf", docx_bytes()) == DOCX
    assert _kind("работа", odt_bytes()) == ODT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Файл пустой."),
        (b"MZ\x90\x00 not a document", "Принимаются только документы PDF, DOCX"),
        (b"<html><script>alert(1)</script>", "Принимаются только документы PDF, DOCX"),
        (zip_bytes({"a.txt": b"x"}), "этот архив не является ни одним из них"),
        (b"PK\x03\x04 broken", "Файл повреждён"),
    ],
)
def test_what_is_not_a_text_document_is_refused_in_russian(content, message):
    with pytest.raises(ValidationError) as refused:
        _kind("работа.docx", content)

    assert message in refused.value.messages[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (upload_samples.PDF + b"<html><script>alert(1)</script></html>", "HTML"),
        (upload_samples.pdf_bytes(javascript=True), "JavaScript"),
        (upload_samples.pdf_bytes(attachment=True), "вложенные файлы"),
        (b"%PDF-1.4 not really a pdf", "PDF повреждён"),
    ],
)
def test_a_pdf_is_parsed_and_refused_with_active_content(content, message):
    with pytest.raises(ValidationError, match=message):
        _kind("работа.pdf", content)


def test_a_document_with_macros_is_refused():
    content = zip_bytes(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<document/>",
            "word/vbaProject.bin": b"\x00" * 16,
        }
    )

    with pytest.raises(ValidationError, match="макросами"):
        _kind("работа.docm", content)


def test_a_zip_bomb_is_refused_without_unpacking_it():
    content = zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"0" * 30_000_000}
    )

    with pytest.raises(ValidationError, match="опасный"):
        _kind("работа.docx", content)


def test_a_file_over_the_limit_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 1024

    with pytest.raises(ValidationError, match="Файл больше 1 КБ"):
        _kind("работа.pdf", pdf_bytes() + b"0" * 2048)
