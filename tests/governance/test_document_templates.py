"""The documents' Word templates: every shipped one renders, a broken upload is refused."""

import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError

from governance.document_templates import KINDS
from governance.document_templates.files import document_xml, template_bytes
from governance.document_templates.rendering import render_template, template_check
from governance.document_templates.store import render_document, template_in_force
from governance.models import DocumentTemplate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", sorted(KINDS))
def test_every_shipped_template_renders_its_sample_with_numbered_pages(code):
    kind = KINDS[code]
    content = kind.default_path.read_bytes()

    template_check(content, kind.sample())
    rendered = docx.Document(io.BytesIO(render_template(content, kind.sample())))

    text = "\n".join(paragraph.text for paragraph in rendered.paragraphs)
    assert "{{" not in text and "{%" not in text
    assert "PAGE" in rendered.sections[0].header._element.xml


@pytest.mark.parametrize("code", sorted(KINDS))
def test_the_committed_template_is_what_the_builder_makes(code):
    """Run `manage.py build_document_templates` after changing a builder."""
    kind = KINDS[code]

    assert document_xml(kind.default_path.read_bytes()) == document_xml(template_bytes(kind))


def test_the_shipped_templates_are_the_first_versions():
    assert set(DocumentTemplate.objects.values_list("kind", "version")) == {
        (code, 1) for code in KINDS
    }
    assert (
        bytes(template_in_force("protocol").content) == KINDS["protocol"].default_path.read_bytes()
    )


def _with_text(content: bytes, old: str, new: str) -> bytes:
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode().replace(old, new, 1).encode()
            out.writestr(item, data)
    return target.getvalue()


def test_a_misspelt_field_is_refused_with_the_fields_it_may_use():
    kind = KINDS["order_inclusion"]
    broken = _with_text(kind.default_path.read_bytes(), "{{ order.number }}", "{{ nomer }}")

    with pytest.raises(ValidationError) as refusal:
        template_check(broken, kind.sample())

    message = refusal.value.messages[0]
    assert "поля, которых портал не знает: {{ nomer }}" in message
    assert "order.number" in message


def test_an_unclosed_tag_is_refused_in_russian():
    kind = KINDS["protocol"]
    broken = _with_text(
        kind.default_path.read_bytes(), "{%p for member in present %}", "{%p for member in %}"
    )

    with pytest.raises(ValidationError, match="Ошибка в полях шаблона"):
        template_check(broken, kind.sample())


def test_a_file_that_is_not_word_is_refused():
    with pytest.raises(ValidationError, match="Это не файл Word"):
        template_check(b"%PDF-1.7 not a template", KINDS["protocol"].sample())


def test_a_new_version_in_force_is_what_documents_use():
    kind = KINDS["order_plain"]
    edited = _with_text(kind.default_path.read_bytes(), "п р и к а з ы в а ю", "ПРИКАЗЫВАЮ")
    DocumentTemplate.objects.filter(kind=kind.code).update(in_force=False)
    DocumentTemplate.objects.create(
        kind=kind.code, version=2, content=edited, filename="edited.docx", in_force=True
    )

    text = "\n".join(
        p.text
        for p in docx.Document(io.BytesIO(render_document(kind.code, kind.sample()))).paragraphs
    )

    assert "ПРИКАЗЫВАЮ" in text
