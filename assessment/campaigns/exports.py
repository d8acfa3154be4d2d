"""The campaign ranking as .xlsx: formula-like cells escaped, each exported person logged."""

import tempfile

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from assessment.models import Campaign, Participant
from assessment.results.wording import NOT_FINISHED
from candidates.exports import log_export_access
from core.spreadsheets import XLSX_CONTENT_TYPE, safe_cell

COLUMNS = (
    ("Место", 8),
    ("ФИО", 36),
    ("Муниципальное образование", 30),
    ("Должность", 40),
    ("Итоговый балл", 14),
    ("Порог пройден", 14),
    ("Дефицитов", 11),
    ("Дефициты компетенций", 50),
    ("Все инструменты пройдены", 14),
    ("Расхождение экспертов", 14),
    ("Оценка завершена", 14),
)


def ranking_row(participant: Participant) -> list[object]:
    """Return the export's cells for one participant, in the order of COLUMNS."""
    result = participant.result
    final = result.is_final
    return [
        result.rank,
        participant.candidate.full_name,
        participant.municipality.name,
        str(participant.position_kind),
        float(result.total) if final else None,
        ("да" if result.passed else "нет") if final else NOT_FINISHED,
        len(result.gaps),
        "; ".join(gap["name"] for gap in result.gaps),
        "да" if result.is_complete else "нет",
        "да" if result.has_disagreement else "нет",
        timezone.localdate(participant.completed_at) if participant.completed_at else None,
    ]


def write_ranking_workbook(
    campaign: Campaign, participants: QuerySet[Participant], target
) -> list[int]:
    """Write the ranking to an .xlsx file object; return the exported candidates' ids."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Рейтинг")
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A3"
    title = safe_cell(sheet, f"Рейтинг участников: {campaign.name}")
    title.font = Font(bold=True)
    sheet.append([title])
    header = []
    for name, _ in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    candidate_ids = []
    for participant in participants.iterator(chunk_size=2000):
        cells = []
        for value in ranking_row(participant):
            cell = safe_cell(sheet, value)
            if hasattr(value, "year"):
                cell.number_format = "DD.MM.YYYY"
            cells.append(cell)
        sheet.append(cells)
        candidate_ids.append(participant.candidate_id)
    workbook.save(target)
    return candidate_ids


def ranking_export_response(
    campaign: Campaign,
    participants: QuerySet[Participant],
    *,
    actor,
    filters: str,
    request: HttpRequest,
) -> FileResponse:
    """Return the download of the ranking and log whose results it holds."""
    target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    candidate_ids = write_ranking_workbook(campaign, participants, target)
    purpose = f"выгрузка рейтинга кампании оценки «{campaign.name}» в Excel"
    if filters:
        purpose += f" (отбор: {filters})"
    log_export_access(actor=actor, candidate_ids=candidate_ids, purpose=purpose, request=request)
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=f"reyting-kampanii-{campaign.pk}-{timezone.localdate():%Y-%m-%d}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )
