"""core.uploads: a file is what it parses as; polyglots and active PDFs are refused in Russian."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import check_document
from tests.upload_samples import JPEG, PDF, PNG, image_bytes, pdf_bytes

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def _check(name: str, content: bytes):
    return check_document(SimpleUploadedFile(name, content))


def _refusal(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as refused:
        _check(name, content)
    return " ".join(refused.value.messages)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_a_plain_pdf_is_accepted_as_it_is():
    checked = _check("Диплом.pdf", PDF)

    assert (checked.content_type, checked.extension) == ("application/pdf", ".pdf")
    assert checked.content.read() == PDF


def test_the_stored_name_takes_the_extension_of_the_real_type():
    assert _check("скан диплома.exe", PDF).display_name == "скан диплома.pdf"
    assert _check("фото.pdf", JPEG).display_name == "фото.jpg"
    assert _check("C:\\Users\\me\\справка", PNG).display_name == "справка.png"


def test_a_pdf_with_javascript_is_refused():
    assert "JavaScript" in _refusal("анкета.pdf", pdf_bytes(javascript=True))


def test_a_pdf_with_an_embedded_file_is_refused():
    assert "вложенные файлы" in _refusal("анкета.pdf", pdf_bytes(attachment=True))


@pytest.mark.parametrize(
    "content",
    [
        PDF + HTML,  # HTML after the end of the PDF
        b"%PDF-1.4\n%" + HTML + b"\n" + PDF[9:],  # HTML in a comment at the top
    ],
)
def test_a_pdf_html_polyglot_is_refused(content):
    assert "HTML" in _refusal("заявление.pdf", content)


def test_a_png_html_polyglot_is_refused():
    after_the_image = PNG + HTML
    in_a_text_chunk = PNG[:33] + _png_chunk(b"tEXt", b"Comment\x00" + HTML) + PNG[33:]

    assert "HTML" in _refusal("фото.png", after_the_image)
    assert "HTML" in _refusal("фото.png", in_a_text_chunk)


def test_a_damaged_pdf_is_refused():
    assert "повреждён" in _refusal("заявление.pdf", b"%PDF-1.7\n" + b"\x00" * 200)


def test_a_damaged_image_is_refused():
    assert "повреждено" in _refusal("фото.png", PNG[: len(PNG) // 2])


def test_an_image_is_re_encoded_without_its_metadata():
    exif = Image.Exif()
    exif[0x010F] = "Телефон с геометкой"  # Make
    original = image_bytes("JPEG", exif=exif.tobytes())

    stored = _check("фото.jpg", original).content.read()

    assert stored != original
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert image.size == (40, 30)
        assert not image.getexif()


def test_a_decompression_bomb_is_refused():
    huge = image_bytes("PNG", size=(10_000, 7_000))

    assert "слишком большое" in _refusal("скан.png", huge)


def test_an_executable_is_refused():
    assert "только файлы PDF, JPEG и PNG" in _refusal("doc.pdf", b"MZ\x90\x00" + b"\x00" * 64)
