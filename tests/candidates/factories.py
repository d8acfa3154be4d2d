"""Builders of candidates and nominations in each state, for the selection tests."""

import datetime

from django.utils import timezone

from accounts.models import Role
from candidates.models import (
    Candidate,
    Document,
    DocumentKind,
    Education,
    EducationLevel,
    Nomination,
    NominationSource,
    NominationStatus,
    StatusChange,
    WorkKind,
    WorkRecord,
)
from governance.consent import consent_give
from governance.models import ConsentPurpose
from registry.models import Municipality, PositionKind
from tests import upload_samples
from tests.factories import UserFactory

PDF_BYTES = upload_samples.PDF


def make_candidate(
    *,
    municipality: Municipality | None = None,
    username: str | None = None,
    consent: bool = True,
    complete: bool = True,
    **profile,
) -> Candidate:
    """Create a candidate with an account; complete ones have education, work and consent."""
    municipality = municipality or Municipality.objects.get(name="город Оренбург")
    user = UserFactory(role=Role.CANDIDATE, **({"username": username} if username else {}))
    candidate = Candidate.objects.create(
        user=user,
        last_name=profile.pop("last_name", user.last_name),
        first_name=profile.pop("first_name", user.first_name),
        middle_name=profile.pop("middle_name", user.middle_name),
        email=user.email,
        municipality=municipality,
        birth_date=profile.pop("birth_date", datetime.date(1985, 4, 12) if complete else None),
        phone=profile.pop("phone", "+7 (3532) 11-22-33" if complete else ""),
        **profile,
    )
    if complete:
        Education.objects.create(
            candidate=candidate,
            level=EducationLevel.HIGHER,
            field="pedagogy",
            speciality="Учитель математики",
            institution="Оренбургский государственный педагогический университет",
            graduation_year=2007,
        )
        WorkRecord.objects.create(
            candidate=candidate,
            organization_name="МОБУ «СОШ № 1»",
            post="Учитель математики",
            kind=WorkKind.PEDAGOGICAL,
            started_on=datetime.date(2007, 9, 1),
        )
    if consent:
        consent_give(user=user, purpose=ConsentPurpose.PERSONAL_DATA)
    return candidate


def attach_required_documents(nomination: Nomination, *, checked: bool = False) -> None:
    """Attach one PDF of every required kind."""
    from django.core.files.base import ContentFile

    from governance.selectors import regulation_in_force

    for kind in regulation_in_force().required_documents:
        document = Document(
            nomination=nomination,
            kind=kind,
            original_name=f"{kind}.pdf",
            content_type="application/pdf",
            size=len(PDF_BYTES),
            sha256="0" * 64,
            is_checked=checked,
        )
        document.file.save(f"test/{kind}.pdf", ContentFile(PDF_BYTES), save=False)
        document.save()
    assert set(DocumentKind.values) >= {"application", "consent"}


def make_nomination(
    *,
    candidate: Candidate | None = None,
    status: NominationStatus = NominationStatus.DRAFT,
    position_code: str = "director-general",
    documents: bool = True,
    agreed: bool = True,
    **candidate_kwargs,
) -> Nomination:
    """Create a nomination already in the given status (history recorded as one step).

    A self-nomination past the draft is agreed by the municipality unless `agreed` is False.
    """
    candidate = candidate or make_candidate(**candidate_kwargs)
    nomination = Nomination.objects.create(
        candidate=candidate,
        position_kind=PositionKind.objects.get(code=position_code),
        municipality=candidate.municipality,
        source=NominationSource.SELF,
        status=status,
        municipal_decision="approved" if agreed and status != NominationStatus.DRAFT else "",
    )
    StatusChange.objects.create(nomination=nomination, from_status="", to_status=status)
    if status not in (NominationStatus.DRAFT, NominationStatus.SUBMITTED):
        # Staff compared the service periods with the трудовая книжка at the document check.
        candidate.work_records.filter(verified_at__isnull=True).update(verified_at=timezone.now())
    if documents:
        attach_required_documents(nomination, checked=status != NominationStatus.DRAFT)
    return nomination
