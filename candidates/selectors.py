"""Reads of the selection stage that span models."""

import datetime

from django.db.models import Count, QuerySet
from django.utils import timezone

from candidates.eligibility import Profile
from candidates.models import (
    Candidate,
    DocumentKind,
    EducationLevel,
    Nomination,
    NominationStatus,
)
from core.dates import months_after
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


def reapplication_bars(candidate_ids, on: datetime.date) -> dict[tuple[int, int], tuple]:
    """Return, per (candidate, position kind) refused too recently, (refused on, may reapply on).

    The Regulation lets a person refused inclusion stand again for that post only
    `reapply_months` after the refusal.
    """
    months = regulation_in_force().reapply_months
    bars: dict[tuple[int, int], tuple] = {}
    refusals = Nomination.objects.filter(
        candidate_id__in=candidate_ids, status=NominationStatus.REFUSED
    ).values_list("candidate_id", "position_kind_id", "status_changed_at")
    for candidate_id, kind_id, changed_at in refusals:
        refused_on = timezone.localdate(changed_at)
        until = months_after(refused_on, months)
        key = (candidate_id, kind_id)
        if on < until and (key not in bars or bars[key][1] < until):
            bars[key] = (refused_on, until)
    return bars


def reapplication_refusal(refused_on: datetime.date, until: datetime.date) -> str:
    """Return, in words, why a refused person may not stand again yet."""
    months = regulation_in_force().reapply_months
    return (
        f"{refused_on:%d.%m.%Y} во включении в резерв на эту должность отказано: по Положению "
        f"выдвинуться повторно можно не ранее чем через {months} мес. со дня отказа, "
        f"то есть с {until:%d.%m.%Y}."
    )
