"""Reads of the selection stage that span models."""

import datetime

from django.db.models import Count, QuerySet

from candidates.eligibility import Profile
from candidates.models import (
    Candidate,
    DocumentKind,
    EducationLevel,
    Nomination,
    NominationStatus,
)
from core.search import search
from governance.consent import consent_active
from governance.models import ConsentPurpose
from governance.selectors import regulation_in_force

# A person's name as the lists search it, from any row with a `candidate` (nomination,
# membership, participant, plan): every word typed must be found in one of these.
CANDIDATE_NAME_FIELDS = ("candidate__last_name", "candidate__first_name", "candidate__middle_name")


def search_by_candidate_name(queryset: QuerySet, query: str) -> QuerySet:
    """Keep the rows whose candidate's full name contains every word of the query."""
    return search(queryset, query, CANDIDATE_NAME_FIELDS)


def candidate_profile(candidate: Candidate) -> Profile:
    """Return what the eligibility rules read from the candidate's records."""
    return Profile(
        higher_education=[
            (record.field, record.speciality, record.graduation_year, record.degree)
            for record in candidate.education_records.all()
            if record.level == EducationLevel.HIGHER
        ],
        dpo=[
            (record.field, record.programme, record.hours, record.year)
            for record in candidate.dpo_records.all()
        ],
        work=[
            (record.kind, record.started_on, record.ended_on)
            for record in candidate.work_records.all()
        ],
    )


def nomination_missing_items(nomination: Nomination) -> list[str]:
    """Return, in words, what the application still lacks before it can be submitted."""
    candidate = nomination.candidate
    missing = []
    if consent_active(candidate.user, ConsentPurpose.PERSONAL_DATA) is None:
        missing.append("согласие на обработку персональных данных")
    if candidate.birth_date is None:
        missing.append("дата рождения")
    if not candidate.phone:
        missing.append("контактный телефон")
    if not candidate.education_records.exists():
        missing.append("сведения об образовании")
    if not candidate.work_records.exists():
        missing.append("сведения о трудовой деятельности")
    present = set(nomination.documents.values_list("kind", flat=True))
    for kind in regulation_in_force().required_documents:
        if kind not in present:
            missing.append(f"документ «{DocumentKind(kind).label}»")
    return missing


def status_counts(nominations: QuerySet[Nomination]) -> list[dict]:
    """Return the number of nominations in each status, in workflow order, zeros included."""
    counts = dict(
        nominations.order_by()
        .values_list("status")
        .annotate(total=Count("id"))
        .values_list("status", "total")
    )
    return [
        {"status": status, "label": status.label, "count": counts.get(status.value, 0)}
        for status in NominationStatus
    ]


def months_ahead(today: datetime.date, months: int) -> datetime.date:
    """Return the date the given number of months after today (end of month clamped)."""
    year, month = divmod(today.month - 1 + months, 12)
    year += today.year
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")
