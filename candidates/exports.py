"""The pipeline's .xlsx export: Russian columns, formula-like cells escaped, every access logged.

Each exported row shows a person's name, contacts and birth date, so the personal-data access
log gets one record per exported candidate (written in bulk), its purpose naming the filter the
list was cut by. One record per export would not answer the question the log exists for: who
has seen this person's data.
"""

import datetime
import tempfile
from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from audit.models import PersonalDataAccess
from candidates.models import Candidate, Nomination, ReserveMembership
from core.http import client_ip
from core.spreadsheets import XLSX_CONTENT_TYPE, safe_cell
from governance.regulation import Regulation
from governance.selectors import regulation_in_force

DATE_FORMAT = "DD.MM.YYYY"
COLUMNS = (
    ("ФИО", 36),
    ("Дата рождения", 14),
    ("Email", 28),
    ("Телефон", 18),
    ("Муниципальное образование", 30),
    ("Место работы", 40),
    ("Должность", 28),
    ("Целевая должность", 32),
    ("Кто выдвинул", 28),
    ("Статус", 24),
    ("Дата заявки", 14),
    ("Дата подачи", 14),
    ("Статус изменён", 14),
    ("Категория резерва", 18),
    ("Готовность", 24),
    ("В резерве до", 14),
)
_LOG_BATCH = 1000


def _local_date(value: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(value) if value else None


def _membership(nomination: Nomination) -> ReserveMembership | None:
    try:
        return nomination.membership
    except ReserveMembership.DoesNotExist:
        return None


def nomination_row(nomination: Nomination, regulation: Regulation) -> list[object]:
    """Return the export's cells for one nomination, in the order of COLUMNS."""
    candidate = nomination.candidate
    membership = _membership(nomination)
    return [
        candidate.full_name,
        candidate.birth_date,
        candidate.email,
        candidate.phone,
        nomination.municipality.name,
        str(candidate.organization or ""),
        candidate.position,
        nomination.position_kind.name,
        nomination.get_source_display(),
        nomination.get_status_display(),
        _local_date(nomination.created_at),
        _local_date(nomination.submitted_at),
        _local_date(nomination.status_changed_at),
        regulation.category_name(membership.category) if membership else "",
        regulation.readiness_name(membership.readiness) if membership else "",
        membership.term_ends_on if membership else None,
    ]


def _cells(sheet, values: Iterable[object]) -> list[WriteOnlyCell]:
    cells = []
    for value in values:
        cell = safe_cell(sheet, value)
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        cells.append(cell)
    return cells


def write_pipeline_workbook(nominations: QuerySet[Nomination], target) -> list[int]:
    """Write the nominations to an .xlsx file object; return the exported candidates' ids."""
    regulation = regulation_in_force()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Заявки")
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title, _ in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    candidate_ids: dict[int, None] = {}
    for nomination in nominations.iterator(chunk_size=2000):
        sheet.append(_cells(sheet, nomination_row(nomination, regulation)))
        candidate_ids[nomination.candidate_id] = None
    workbook.save(target)
    return list(candidate_ids)


def log_export_access(
    *, actor, candidate_ids: list[int], purpose: str, request: HttpRequest | None
) -> int:
    """Record, one row per person, that the actor exported their personal data."""
    ip_address = client_ip(request)
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    written = 0
    for start in range(0, len(candidate_ids), _LOG_BATCH):
        batch = Candidate.objects.filter(pk__in=candidate_ids[start : start + _LOG_BATCH]).only(
            "pk", "last_name", "first_name", "middle_name"
        )
        records = [
            PersonalDataAccess(
                actor=actor,
                subject_type=Candidate._meta.label_lower,
                subject_id=str(candidate.pk),
                subject_repr=str(candidate)[:500],
                purpose=purpose[:200],
                ip_address=ip_address,
                user_agent=user_agent,
            )
            for candidate in batch
        ]
        PersonalDataAccess.objects.bulk_create(records)
        written += len(records)
    return written


def pipeline_export_response(
    nominations: QuerySet[Nomination], *, actor, filters: str, request: HttpRequest
) -> FileResponse:
    """Return the download of the nominations' workbook and log whose data it holds."""
    target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    candidate_ids = write_pipeline_workbook(nominations, target)
    purpose = "выгрузка списка заявок в Excel"
    if filters:
        purpose += f" (отбор: {filters})"
    log_export_access(actor=actor, candidate_ids=candidate_ids, purpose=purpose, request=request)
    target.seek(0)
    filename = f"kadrovy-rezerv-zayavki-{timezone.localdate():%Y-%m-%d}.xlsx"
    return FileResponse(
        target,
        as_attachment=True,
        filename=filename,
        content_type=XLSX_CONTENT_TYPE,
    )
