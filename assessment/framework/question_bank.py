"""Import of the knowledge-test bank from Excel: the template, row checks, all-or-nothing write.

Files are opened by the registry import's guarded reader (format sniffing, zip and XML bomb
checks, row and size caps); this module only knows the bank's columns.
"""

import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from assessment.models import (
    Choice,
    Instrument,
    InstrumentKind,
    Question,
    QuestionKind,
    QuestionSection,
)
from audit.services import audit_record
from core.spreadsheets import (
    FileRefused,
    ReadLimits,
    RowError,
    TableNotFound,
    cell_text,
    detect_format,
    header_key,
    read_spreadsheet,
    template_rows,
)

MAX_OPTIONS = 6
MAX_QUESTION_LENGTH = 2000
MAX_OPTION_LENGTH = 500  # Choice.text
LIMITS = ReadLimits(
    max_bytes=5 * 1024 * 1024, max_rows=5000, max_uncompressed_bytes=100 * 1024 * 1024
)

COMPETENCY = "Компетенция"
TEXT = "Вопрос"
KIND = "Тип"
CORRECT = "Верные"
SECTION = "Раздел"
SOURCE = "Источник"
OPTIONS = tuple(f"Вариант {n}" for n in range(1, MAX_OPTIONS + 1))
TEMPLATE_HEADERS = (COMPETENCY, TEXT, KIND, *OPTIONS, CORRECT, SECTION, SOURCE)
# Every question names where its right answer comes from; the section may be left empty (common).
REQUIRED_HEADERS = (COMPETENCY, TEXT, KIND, OPTIONS[0], OPTIONS[1], CORRECT, SOURCE)
MAX_SOURCE_LENGTH = 1000
# «Раздел» as people write it: the section's name, its first word, or the usual short names.
SECTION_WORDS = {
    **{str(label).lower(): value for value, label in QuestionSection.choices},
    "общий": QuestionSection.COMMON,
    "общий раздел": QuestionSection.COMMON,
    "школа": QuestionSection.GENERAL,
    "общеобразовательная": QuestionSection.GENERAL,
    "детский сад": QuestionSection.PRESCHOOL,
    "дошкольная": QuestionSection.PRESCHOOL,
    "колледж": QuestionSection.VOCATIONAL,
    "спо": QuestionSection.VOCATIONAL,
    "профессиональная": QuestionSection.VOCATIONAL,
    "до": QuestionSection.ADDITIONAL,
    "дополнительное образование": QuestionSection.ADDITIONAL,
    "орган управления": QuestionSection.MUNICIPAL,
    "муниципальный": QuestionSection.MUNICIPAL,
}

KIND_WORDS = {
    "один": QuestionKind.SINGLE,
    "один вариант": QuestionKind.SINGLE,
    "одиночный": QuestionKind.SINGLE,
    "несколько": QuestionKind.MULTIPLE,
    "несколько вариантов": QuestionKind.MULTIPLE,
    "множественный": QuestionKind.MULTIPLE,
}
_NUMBER_SEPARATORS = re.compile(r"[\s,;.]+")


@dataclass(frozen=True)
class BankRow:
    """One question of the file, checked: ready to be written."""

    row: int
    competency: str
    text: str
    kind: str
    options: tuple[str, ...]
    correct: tuple[int, ...]  # 1-based positions in options
    section: str = QuestionSection.COMMON
    source: str = ""

    @property
    def section_label(self) -> str:
        return QuestionSection(self.section).label

    def as_dict(self) -> dict:
        return {
            "row": self.row,
            "competency": self.competency,
            "text": self.text,
            "kind": self.kind,
            "options": list(self.options),
            "correct": list(self.correct),
            "section": self.section,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "BankRow":
        return cls(
            row=int(data["row"]),
            competency=str(data["competency"]),
            text=str(data["text"]),
            kind=str(data["kind"]),
            options=tuple(str(option) for option in data["options"]),
            correct=tuple(int(number) for number in data["correct"]),
            section=str(data.get("section", QuestionSection.COMMON)),
            source=str(data.get("source", "")),
        )


def _correct_numbers(value: object) -> list[int] | None:
    """Return the option numbers of «Верные» («1,3», «1; 3», 2, or 1.3 typed as a number)."""
    text = cell_text(value)
    if not text:
        return None
    parts = [part for part in _NUMBER_SEPARATORS.split(text) if part]
    if not parts or not all(part.isdigit() for part in parts):
        return None
    return [int(part) for part in parts]


def _parse_row(row_number: int, cell, codes: set[str], errors: list[RowError]) -> BankRow | None:
    """Check one row; add its errors and return the question, or None when it is wrong."""
    found: list[RowError] = []

    def error(column: str, message: str) -> None:
        found.append(RowError(row_number, column, message))

    code = cell_text(cell(COMPETENCY)).upper()
    if not code:
        error(COMPETENCY, "не указан код компетенции")
    elif code not in codes:
        error(COMPETENCY, f"компетенции с кодом «{code}» нет среди компетенций этого теста")
    text = cell_text(cell(TEXT))
    if not text:
        error(TEXT, "нет текста вопроса")
    elif len(text) > MAX_QUESTION_LENGTH:
        error(TEXT, f"вопрос длиннее {MAX_QUESTION_LENGTH} знаков")
    kind_text = cell_text(cell(KIND)).lower().rstrip(".")
    kind = KIND_WORDS.get(kind_text)
    if kind is None:
        error(
            KIND,
            f"укажите «один» или «несколько», а не «{kind_text}»"
            if kind_text
            else "укажите тип: «один» или «несколько»",
        )
    options: dict[int, str] = {}
    for number, header in enumerate(OPTIONS, start=1):
        option = cell_text(cell(header))
        if len(option) > MAX_OPTION_LENGTH:
            error(header, f"вариант длиннее {MAX_OPTION_LENGTH} знаков")
        if option:
            options[number] = option
    if len(options) < 2:
        error(OPTIONS[0], "нужно не меньше двух вариантов ответа")
    elif len(set(options.values())) < len(options):
        error(OPTIONS[0], "варианты ответа повторяются")
    numbers = _correct_numbers(cell(CORRECT))
    if numbers is None:
        error(CORRECT, "укажите номера верных вариантов, например «2» или «1,3»")
    else:
        missing = [n for n in numbers if n not in options]
        if missing:
            error(CORRECT, f"нет варианта с номером {missing[0]}")
        elif kind == QuestionKind.SINGLE and len(set(numbers)) != 1:
            error(CORRECT, "у вопроса типа «один» должен быть ровно один верный вариант")
        elif kind == QuestionKind.MULTIPLE and len(set(numbers)) == len(options):
            error(CORRECT, "все варианты не могут быть верными")
    section_text = cell_text(cell(SECTION)).lower().rstrip(".")
    section = SECTION_WORDS.get(section_text) if section_text else QuestionSection.COMMON
    if section is None:
        error(
            SECTION,
            f"раздела «{section_text}» нет: оставьте пустым для общего раздела или укажите "
            "«школа», «детский сад», «колледж», «ДО», «орган управления»",
        )
    source = cell_text(cell(SOURCE))
    if not source:
        error(SOURCE, "укажите источник: акт, статью (часть, пункт) и редакцию, или автора модели")
    elif len(source) > MAX_SOURCE_LENGTH:
        error(SOURCE, f"источник длиннее {MAX_SOURCE_LENGTH} знаков")
    if found:
        errors.extend(found)
        return None
    # Options keep their order; gaps (an empty «Вариант 3») close up, numbers follow along.
    order = sorted(options)
    return BankRow(
        row=row_number,
        competency=code,
        text=text,
        kind=kind,
        options=tuple(options[n] for n in order),
        correct=tuple(sorted({order.index(n) + 1 for n in numbers})),
        section=section,
        source=source,
    )


def read_bank_file(path: Path, *, instrument: Instrument) -> tuple[list[BankRow], list[RowError]]:
    """Read and check a bank file; return its questions and every row-level error.

    Raises FileRefused (not a spreadsheet, too big, hostile) and TableNotFound (no header).
    """
    file_format = detect_format(path, LIMITS)
    _, sheets = read_spreadsheet(path, file_format, LIMITS)
    codes = set(instrument.competencies.values_list("code", flat=True))
    existing = {
        (code, header_key(text))
        for code, text in Question.objects.filter(instrument=instrument).values_list(
            "competency__code", "text"
        )
    }
    rows: list[BankRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        table = template_rows(
            sheets, headers=TEMPLATE_HEADERS, required=REQUIRED_HEADERS, table_name="банка вопросов"
        )
        for row_number, cell in table:
            parsed = _parse_row(row_number, cell, codes, errors)
            if parsed is None:
                continue
            key = (parsed.competency, header_key(parsed.text))
            if key in existing:
                errors.append(RowError(row_number, TEXT, "такой вопрос уже есть в банке"))
            elif key in seen:
                errors.append(RowError(row_number, TEXT, f"вопрос повторяет строку {seen[key]}"))
            else:
                seen[key] = row_number
                rows.append(parsed)
    finally:
        sheets.close()
    if not rows and not errors:
        raise TableNotFound("Под строкой заголовков нет ни одного вопроса.")
    return rows, sorted(errors)


def question_bank_import(
    *,
    instrument: Instrument,
    rows: list[BankRow],
    actor,
    request: HttpRequest | None = None,
) -> int:
    """Add the checked questions to the test's bank in one transaction; return how many."""
    if instrument.kind != InstrumentKind.KNOWLEDGE_TEST:
        raise ValidationError("Вопросы загружаются только в тест знаний.")
    competencies = {c.code: c for c in instrument.competencies.all()}
    unknown = sorted({row.competency for row in rows} - set(competencies))
    if unknown:
        raise ValidationError(f"Тест не измеряет компетенции: {', '.join(unknown)}.")
    with transaction.atomic():
        Instrument.objects.select_for_update().filter(pk=instrument.pk).first()
        existing = {
            (code, header_key(text))
            for code, text in Question.objects.filter(instrument=instrument).values_list(
                "competency__code", "text"
            )
        }
        repeated = [row.row for row in rows if (row.competency, header_key(row.text)) in existing]
        if repeated:
            raise ValidationError(
                f"Вопрос из строки {repeated[0]} уже есть в банке: файл загружен повторно?"
            )
        questions = Question.objects.bulk_create(
            Question(
                instrument=instrument,
                competency=competencies[row.competency],
                text=row.text,
                kind=row.kind,
                section=row.section,
                source=row.source,
            )
            for row in rows
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=option, is_correct=number in row.correct)
            for question, row in zip(questions, rows, strict=True)
            for number, option in enumerate(row.options, start=1)
        )
        audit_record(
            actor=actor,
            action="assessment.question_bank.import",
            obj=instrument,
            changes={"добавлено вопросов": (None, len(questions))},
            request=request,
        )
    return len(questions)


_SECTION_SHORT = {
    QuestionSection.GENERAL: "школа",
    QuestionSection.PRESCHOOL: "детский сад",
    QuestionSection.VOCATIONAL: "колледж",
    QuestionSection.ADDITIONAL: "ДО",
    QuestionSection.MUNICIPAL: "орган управления",
}


def template_workbook(instrument: Instrument) -> bytes:
    """Return the bank template: the columns, two sample rows and the competency codes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Вопросы"
    sheet.append(TEMPLATE_HEADERS)
    sheet.append(
        (
            "K03",
            "Какой наибольший срок испытания при приёме на работу заместителя руководителя "
            "организации допускает Трудовой кодекс РФ?",
            "один",
            "Три месяца",
            "Шесть месяцев",
            "Один год",
            None,
            None,
            None,
            "2",
            "",
            "Трудовой кодекс Российской Федерации, ч. 5 ст. 70 (ред. на 01.01.2025)",
        )
    )
    sheet.append(
        (
            "K07",
            "Какие из перечисленных сведений являются персональными данными обучающегося?",
            "несколько",
            "Фамилия, имя, отчество",
            "Адрес места жительства",
            "Расписание уроков класса",
            None,
            None,
            None,
            "1,2",
            "школа",
            "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», п. 1 ст. 3 "
            "(ред. на 01.01.2025)",
        )
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"A": 14, "B": 60, "C": 12, "J": 10, "K": 18, "L": 60}
    for column in "DEFGHI":
        widths[column] = 28
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    # Numbers typed as «1,3» must stay text, or Excel turns them into 1.3.
    for row in range(2, 1001):
        sheet.cell(row=row, column=TEMPLATE_HEADERS.index(CORRECT) + 1).number_format = "@"
    codes = workbook.create_sheet("Компетенции")
    codes.append(("Код", "Компетенция"))
    for competency in instrument.competencies.order_by("sort_order", "code"):
        codes.append((competency.code, competency.name))
    codes.column_dimensions["B"].width = 60
    for cell in codes[1]:
        cell.font = Font(bold=True)
    sections = workbook.create_sheet("Разделы")
    sections.append(("Раздел", "Что писать в столбце «Раздел»"))
    sections.append(("общий раздел", "оставить пустым — вопрос для всех участников"))
    for value, label in QuestionSection.choices:
        if value != QuestionSection.COMMON:
            sections.append((str(label), _SECTION_SHORT[value]))
    sections.column_dimensions["A"].width = sections.column_dimensions["B"].width = 50
    for cell in sections[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


__all__ = [
    "TEMPLATE_HEADERS",
    "BankRow",
    "FileRefused",
    "TableNotFound",
    "question_bank_import",
    "read_bank_file",
    "template_workbook",
]
