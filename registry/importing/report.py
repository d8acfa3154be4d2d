"""The outcome of planning or applying a registry import, as the preview and the command show it."""

from dataclasses import dataclass, field

from core.russian import quantity
from core.spreadsheets import RowError


@dataclass
class FieldChange:
    """One field of one organization, before and after, as a person reads them."""

    field: str
    label: str
    old: str
    new: str


@dataclass
class PlannedRow:
    """What the import does with one row of the file."""

    row: int
    inn: str
    name: str
    municipality: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class ImportReport:
    """The outcome of planning or applying an import, for the admin preview and the command."""

    file_name: str = ""
    sheet_name: str = ""
    header_row: int = 0
    missing_columns: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    created_rows: list[PlannedRow] = field(default_factory=list)
    updated_rows: list[PlannedRow] = field(default_factory=list)
    unchanged_rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    problem: str = ""
    fingerprint: str = ""
    applied: bool = False
    stale: bool = False

    @property
    def is_valid(self) -> bool:
        """Return whether the file can be imported as it is."""
        return not self.problem and not self.error_count

    @property
    def unlisted_errors(self) -> int:
        """Return how many errors were counted but not listed."""
        return self.error_count - len(self.errors)

    @property
    def errors_phrase(self) -> str:
        """Return the error count with the noun in the right form: 1 ошибка, 3 ошибки, 5 ошибок."""
        return quantity(self.error_count, "ошибка", "ошибки", "ошибок")

    def summary(self) -> str:
        """Return the counts in the form the command prints and the admin shows."""
        return f"создано {self.created}, обновлено {self.updated}, без изменений {self.unchanged}"
