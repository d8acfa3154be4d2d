"""Render a Word template with a context, and check an uploaded template before it is accepted."""

import io
import zipfile

from django.core.exceptions import ValidationError
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def _environment() -> SandboxedEnvironment:
    # Sandboxed: a template uploaded through the portal reaches only the data it is given.
    # Strict: a misspelt field fails the upload instead of printing nothing in a signed paper.
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def render_template(content: bytes, context: dict) -> bytes:
    """Return the .docx rendered from the template's bytes with the context."""
    template = DocxTemplate(io.BytesIO(content))
    template.render(context, jinja_env=_environment(), autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def template_fields(value, prefix: str = "") -> list[str]:
    """Return the names a template may use: the top-level keys, and keys of dicts inside."""
    names = []
    if isinstance(value, dict):
        for key, inner in value.items():
            names.append(f"{prefix}{key}")
            names += template_fields(inner, f"{prefix}{key}.")
    elif isinstance(value, list) and value:
        names += template_fields(value[0], prefix)
    return names


def template_problems(content: bytes, sample: dict) -> list[str]:
    """Return, in Russian, why the template cannot be used; [] when it renders the sample."""
    if len(content) > MAX_TEMPLATE_BYTES:
        return [f"Файл больше {MAX_TEMPLATE_BYTES // 1024 // 1024} МБ — это не шаблон документа."]
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return ["Это не файл Word (.docx). Сохраните шаблон в Word как «Документ Word (.docx)»."]
    try:
        template = DocxTemplate(io.BytesIO(content))
        template.init_docx()
        unknown = sorted(
            template.get_undeclared_template_variables(jinja_env=_environment()) - set(sample)
        )
    except TemplateError as error:
        return [_syntax_message(error)]
    except (KeyError, ValueError, zipfile.BadZipFile):
        return ["Файл Word повреждён или не содержит документа. Сохраните шаблон в Word заново."]
    if unknown:
        return [
            "В шаблоне есть поля, которых портал не знает: "
            + ", ".join(f"{{{{ {name} }}}}" for name in unknown)
            + ". Доступные поля: "
            + ", ".join(sorted(template_fields(sample)))
            + "."
        ]
    try:
        rendered = render_template(content, sample)
        Document(io.BytesIO(rendered))
    except UndefinedError as error:
        return [f"В шаблоне поле, которого нет в данных документа: {error.message}."]
    except TemplateError as error:
        return [_syntax_message(error)]
    except Exception as error:
        return [f"Документ по шаблону не формируется: {error}."]
    return []


def _syntax_message(error: TemplateError) -> str:
    line = getattr(error, "lineno", None)
    where = f" (строка {line} разметки)" if line else ""
    return (
        f"Ошибка в полях шаблона{where}: {error.message or error}. Проверьте парные скобки "
        "{{ }} и {% %} и команды {%p for %}/{%p endfor %}, {%p if %}/{%p endif %}."
    )


def template_check(content: bytes, sample: dict) -> None:
    """Raise ValidationError with every problem of the template; return when it is usable."""
    problems = template_problems(content, sample)
    if problems:
        raise ValidationError(problems)
