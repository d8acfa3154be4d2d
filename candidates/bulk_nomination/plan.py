"""Read a nomination list and check every row; a plan with any error is never written."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.models import User
from candidates.access import can_nominate_in
from candidates.bulk_nomination.columns import (
    COLUMN_BY_KEY,
    COLUMNS,
    MAX_ROWS,
    SOURCE_BY_KEY,
    SOURCE_NAMES,
    TEXT_LIMITS,
    column_position,
)
from candidates.bulk_nomination.storage import MAX_BYTES
from candidates.models import CLOSED_NOMINATION_STATUSES, Candidate, Nomination, NominationSource
from candidates.selectors import reapplication_bars, reapplication_refusal
from candidates.services.profiles import EMAIL_NOT_AVAILABLE
from core.names import is_person_name
from core.spreadsheets import (
    HEADER_SEARCH_ROWS,
    CellContext,
    CellError,
    FileRefused,
    ReadLimits,
    RowError,
    cell_text,
    detect_format,
    header_key,
    parse_birth_date,
    read_spreadsheet,
    unescape_cell,
)
from registry.importing.values import parse_inn
from registry.models import Organization, PositionKind

_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024


@dataclass
class PlannedRow:
    """One person to nominate, as read from the file and resolved against the database."""

    row: int
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    email: str = ""
    phone: str = ""
    birth_date: datetime.date | None = None
    organization_inn: str = ""
    position: str = ""
    position_kind_name: str = ""
    source_name: str = ""
    organization: Organization | None = None
    position_kind: PositionKind | None = None
    source: NominationSource | None = None
    existing_candidate: Candidate | None = None

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in (self.last_name, self.first_name, self.middle_name) if part
        )

    def profile(self) -> dict:
        """Return the profile fields candidate_nominate expects."""
        return {
            "last_name": self.last_name,
            "first_name": self.first_name,
            "middle_name": self.middle_name,
            "birth_date": self.birth_date,
            "phone": self.phone,
            "municipality": self.organization.municipality,
            "organization": self.organization,
            "position": self.position,
        }


@dataclass
class BulkPlan:
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    problem: str = ""  # the file as a whole cannot be read

    @property
    def is_valid(self) -> bool:
        return not self.problem and not self.errors and bool(self.rows)


def read_limits() -> ReadLimits:
    """Return the bounds of a nomination list: far smaller than a registry's."""
    return ReadLimits(
        max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_uncompressed_bytes=_MAX_UNCOMPRESSED_BYTES
    )


NAME_FIELDS = ("last_name", "first_name", "middle_name")
NAME_CELL_MESSAGE = "в имени допустимы только буквы, пробелы, дефис и апостроф"


def _text(value: object) -> str:
    return unescape_cell(cell_text(value))


def _match_header(values: tuple) -> dict[str, int] | None:
    positions: dict[str, int] = {}
    for index, value in enumerate(values):
        column = COLUMN_BY_KEY.get(header_key(value).rstrip(" *:")) if value is not None else None
        if column is not None and column.field not in positions:
            positions[column.field] = index
    if all(column.field in positions for column in COLUMNS if column.required):
        return positions
    return None


def _parse_cells(row: PlannedRow, values: tuple, positions: dict, context) -> list[RowError]:
    errors = []
    for column in COLUMNS:
        index = positions.get(column.field)
        raw = values[index] if index is not None and index < len(values) else None
        text = _text(raw)
        if column.required and not text:
            errors.append(RowError(row.row, column.header, "не заполнено"))
            continue
        try:
            if column.field == "birth_date":
                row.birth_date = parse_birth_date(raw, context) if text else None
            elif column.field == "organization_inn":
                row.organization_inn = parse_inn(raw, context)
            elif column.field == "email":
                try:
                    validate_email(text)
                except ValidationError as error:
                    raise CellError(f"неверный адрес электронной почты «{text}»") from error
                row.email = text.lower()
            elif column.field == "position_kind":
                row.position_kind_name = text
            elif column.field == "source":
                row.source_name = text
            else:
                limit = TEXT_LIMITS[column.field]
                if len(text) > limit:
                    raise CellError(f"текст длиннее {limit} символов")
                if column.field in NAME_FIELDS and text and not is_person_name(text):
                    raise CellError(f"«{text}»: {NAME_CELL_MESSAGE}")
                setattr(row, column.field, text)
        except CellError as error:
            errors.append(RowError(row.row, column.header, str(error)))
    return errors


def read_plan(path: Path) -> BulkPlan:
    """Read the file's rows into a plan with cell-level errors (no database checks yet)."""
    plan = BulkPlan()
    limits = read_limits()
    try:
        file_format = detect_format(path, limits)
        epoch, sheets = read_spreadsheet(path, file_format, limits)
    except FileRefused as error:
        plan.problem = error.message
        return plan
    context = CellContext(date_epoch=epoch)
    positions = None
    try:
        for _, rows in sheets:
            for row_number, values in rows:
                if positions is None:
                    positions = _match_header(values)
                    if positions is None and row_number >= HEADER_SEARCH_ROWS:
                        break
                    continue
                if all(not _text(value) for value in values):
                    continue
                row = PlannedRow(row=row_number)
                plan.errors.extend(_parse_cells(row, values, positions, context))
                plan.rows.append(row)
            if positions is not None:
                break
    except FileRefused as error:
        plan.problem = error.message
        return plan
    finally:
        sheets.close()
    if positions is None:
        required = ", ".join(f"«{column.header}»" for column in COLUMNS if column.required)
        plan.problem = (
            "В файле не найдена строка заголовков: нужны столбцы "
            f"{required}. Скачайте шаблон и сверьте названия столбцов."
        )
    elif not plan.rows:
        plan.problem = "В файле нет ни одной строки с кандидатами."
    return plan


def _error(row: PlannedRow, field_name: str, message: str) -> RowError:
    return RowError(row.row, COLUMNS[column_position(field_name)].header, message)


def _resolve_references(plan: BulkPlan, user) -> None:
    inns = {row.organization_inn for row in plan.rows if row.organization_inn}
    organizations = {
        organization.inn: organization
        for organization in Organization.objects.filter(inn__in=inns).select_related("municipality")
    }
    kinds = {header_key(kind.name): kind for kind in PositionKind.objects.all()}
    for row in plan.rows:
        if row.organization_inn:
            row.organization = organizations.get(row.organization_inn)
            if row.organization is None:
                plan.errors.append(
                    _error(
                        row,
                        "organization_inn",
                        f"организации с ИНН {row.organization_inn} нет в реестре",
                    )
                )
            elif not can_nominate_in(user, row.organization.municipality_id):
                plan.errors.append(
                    _error(
                        row,
                        "organization_inn",
                        f"организация «{row.organization}» находится в другом муниципальном "
                        f"образовании ({row.organization.municipality}); выдвигать можно только "
                        "работников организаций своего МО",
                    )
                )
        if row.position_kind_name:
            row.position_kind = kinds.get(header_key(row.position_kind_name))
            if row.position_kind is None:
                allowed = "; ".join(f"«{kind.name}»" for kind in kinds.values())
                plan.errors.append(
                    _error(
                        row,
                        "position_kind",
                        f"неизвестная должность «{row.position_kind_name}», допустимы: {allowed}",
                    )
                )
        if row.source_name:
            row.source = SOURCE_BY_KEY.get(header_key(row.source_name).strip(" ."))
            if row.source is None:
                allowed = "; ".join(f"«{name}»" for name in SOURCE_NAMES)
                plan.errors.append(
                    _error(
                        row,
                        "source",
                        f"неизвестное значение «{row.source_name}», допустимы: {allowed}",
                    )
                )


def _check_people(plan: BulkPlan) -> None:
    first_row_by_email: dict[str, int] = {}
    for row in plan.rows:
        if not row.email:
            continue
        if row.email in first_row_by_email:
            plan.errors.append(
                _error(
                    row, "email", f"этот email уже указан в строке {first_row_by_email[row.email]}"
                )
            )
        else:
            first_row_by_email[row.email] = row.row
    emails = list(first_row_by_email)
    candidates = {
        candidate.email.lower(): candidate
        for candidate in Candidate.objects.alias(folded=Lower("email"))
        .filter(folded__in=emails)
        .select_related("municipality")
    }
    taken = set(
        User.objects.annotate(folded=Lower("email"))
        .filter(folded__in=emails)
        .values_list("folded", flat=True)
    )
    open_pairs = set(
        Nomination.objects.filter(candidate__in=candidates.values())
        .exclude(status__in=CLOSED_NOMINATION_STATUSES)
        .values_list("candidate_id", "position_kind_id")
    )
    bars = reapplication_bars([c.pk for c in candidates.values()], timezone.localdate())
    for row in plan.rows:
        candidate = candidates.get(row.email)
        row.existing_candidate = candidate
        if candidate is None:
            if row.email in taken:
                plan.errors.append(_error(row, "email", _email_not_available()))
            continue
        if (
            row.organization is not None
            and candidate.municipality_id != row.organization.municipality_id
        ):
            plan.errors.append(_error(row, "email", _email_not_available()))
        if row.position_kind is not None and (candidate.pk, row.position_kind.pk) in open_pairs:
            plan.errors.append(
                _error(
                    row,
                    "position_kind",
                    f"у кандидата {candidate.full_name} уже есть незавершённая заявка "
                    "на эту должность",
                )
            )
        bar = row.position_kind and bars.get((candidate.pk, row.position_kind.pk))
        if bar:
            plan.errors.append(
                _error(
                    row, "position_kind", f"{candidate.full_name}: {reapplication_refusal(*bar)}"
                )
            )


def check_plan(path: Path, user) -> BulkPlan:
    """Read the file and check every row against the registry, the people and the user's scope."""
    plan = read_plan(path)
    if plan.problem:
        return plan
    _resolve_references(plan, user)
    _check_people(plan)
    plan.errors.sort()
    return plan


def _email_not_available() -> str:
    """Return the neutral refusal of an email outside the nominator's reach (lower-cased start)."""
    return EMAIL_NOT_AVAILABLE[0].lower() + EMAIL_NOT_AVAILABLE[1:]
