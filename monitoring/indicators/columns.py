"""Columns of the lists behind the indicators that several indicators share."""

from monitoring.indicators.base import Column

NOMINATION_RELATED = ("candidate", "position_kind")
PERSON = Column("Резервист", lambda row: row.candidate.full_name)
MEMBERSHIP_COLUMNS = (
    PERSON,
    Column("Должность", lambda row: row.position_kind.name),
    Column("В резерве с", lambda row: row.started_on),
    Column("Срок до", lambda row: row.term_ends_on),
)
