"""Builders for the appointment stage's tests: organizations with founders, vacancies, the
reserve for them, offers and appointments at each step."""

import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from candidates.models import ReserveMembership
from onboarding.appointments.services import (
    appointment_make,
    appointment_order_record,
    attestation_record,
)
from onboarding.models import (
    Appointment,
    InductionPlan,
    Offer,
    OfferStatus,
    ShortlistEntry,
    Vacancy,
    VacancyReason,
    VacancySource,
    VacancyStatus,
    VacancyStatusChange,
)
from registry.models import Founder, Organization, OrganizationKind, PositionKind
from tests import upload_samples
from tests.development.mentoring_factories import ORENBURG, make_reservist, municipality
from tests.development.plans_factories import make_result as make_plans_result
from tests.factories import OrganizationFactory

ANSWERED = (OfferStatus.ACCEPTED, OfferStatus.REFUSED)
PDF = upload_samples.PDF  # a real one-page PDF: the order scan is parsed (core.uploads)


def post(code: str = "director-general") -> PositionKind:
    return PositionKind.objects.get(code=code)


def make_org(
    *,
    municipality_name: str = ORENBURG,
    founder: str = Founder.MUNICIPAL,
    kind: str = OrganizationKind.GENERAL,
    **fields,
) -> Organization:
    """Create an organization of the registry with its founder."""
    return OrganizationFactory(
        municipality=municipality(municipality_name), founder=founder, kind=kind, **fields
    )


def make_vacancy(
    organization: Organization | None = None,
    *,
    code: str = "director-general",
    status: str = VacancyStatus.OPEN,
    opens_on: datetime.date | None = None,
    created_at: datetime.datetime | None = None,
    closure_reason: str = "",
) -> Vacancy:
    """Create a vacancy directly in a status, with its first history row."""
    closed = status == VacancyStatus.CLOSED
    vacancy = Vacancy.objects.create(
        organization=organization or make_org(),
        position_kind=post(code),
        opens_on=opens_on or timezone.localdate(),
        reason=VacancyReason.RETIREMENT,
        source=VacancySource.ENTERED,
        status=status,
        closure_reason=closure_reason or ("not_needed" if closed else ""),
        closed_on=timezone.localdate() if closed else None,
    )
    if created_at is not None:
        Vacancy.objects.filter(pk=vacancy.pk).update(created_at=created_at)
        vacancy.refresh_from_db()
    VacancyStatusChange.objects.create(vacancy=vacancy, to_status=status)
    return vacancy


def make_result(membership: ReserveMembership, *, total: float, scores: dict[str, float]):
    """Record a finished assessment with this total and these competency scores."""
    result = make_plans_result(membership, scores=scores, gaps=[])
    result.total = Decimal(str(total))
    result.save(update_fields=["total"])
    return result


def reservist_for(
    vacancy: Vacancy,
    *,
    municipality_name: str = ORENBURG,
    readiness: str = "ready_now",
    **kwargs,
) -> ReserveMembership:
    """Create an active member of the reserve for the vacancy's post."""
    return make_reservist(
        municipality_name=municipality_name,
        position_code=vacancy.position_kind.code,
        readiness=readiness,
        **kwargs,
    )


def shortlist(vacancy: Vacancy, *memberships: ReserveMembership) -> list[ShortlistEntry]:
    """Put the reservists on the vacancy's list directly, in this order."""
    entries = [
        ShortlistEntry.objects.create(
            vacancy=vacancy,
            membership=membership,
            score=50,
            explanation=[{"kind": "readiness", "points": 50, "text": "для теста"}],
            computed_rank=place,
            position=place,
        )
        for place, membership in enumerate(memberships, start=1)
    ]
    Vacancy.objects.filter(pk=vacancy.pk).update(status=VacancyStatus.SHORTLISTED)
    vacancy.refresh_from_db()
    return entries


def make_offer(
    vacancy: Vacancy,
    membership: ReserveMembership,
    *,
    status: str = OfferStatus.OFFERED,
    respond_by: datetime.date | None = None,
    reason: str = "",
) -> Offer:
    """Create an offer directly (the vacancy moves to «offered» while one waits)."""
    offer = Offer.objects.create(
        vacancy=vacancy,
        membership=membership,
        status=status,
        respond_by=respond_by or timezone.localdate() + datetime.timedelta(days=7),
        refusal_reason=reason or ("не готов" if status == OfferStatus.REFUSED else ""),
        answered_at=timezone.now()
        if status in (OfferStatus.ACCEPTED, OfferStatus.REFUSED)
        else None,
    )
    if status in (OfferStatus.OFFERED, OfferStatus.ACCEPTED):
        Vacancy.objects.filter(pk=vacancy.pk).update(status=VacancyStatus.OFFERED)
        vacancy.refresh_from_db()
    return offer


def accepted(vacancy: Vacancy | None = None, **reservist) -> Appointment:
    """Return an appointment being prepared: a vacancy whose offer the reservist accepted."""
    vacancy = vacancy or make_vacancy()
    membership = reservist_for(vacancy, **reservist)
    shortlist(vacancy, membership)
    offer = make_offer(vacancy, membership, status=OfferStatus.ACCEPTED)
    return Appointment.objects.create(vacancy=vacancy, offer=offer, membership=membership)


def order_pdf(name: str = "приказ.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def not_a_document() -> io.BytesIO:
    return io.BytesIO(b"MZ\x90\x00 not a document")


def appointed(
    actor,
    *,
    kind: str = OrganizationKind.PRESCHOOL,
    place: str = ORENBURG,
    starts_on: datetime.date | None = None,
    **reservist,
):
    """Return the induction plan of a head appointed to a kindergarten through the services."""
    vacancy = make_vacancy(make_org(kind=kind, municipality_name=place), code="head-preschool")
    appointment = accepted(vacancy, **reservist)
    attestation_record(
        appointment=appointment,
        kind="reserve_assessment",
        decision="passed",
        held_on=timezone.localdate(),
        reason="Приказ управления образования № 3",
        actor=actor,
    )
    appointment_order_record(
        appointment=appointment,
        order_number="5-к",
        order_date=timezone.localdate(),
        order_issuer="",
        starts_on=starts_on or timezone.localdate(),
        order_file=order_pdf(),
        actor=actor,
    )
    appointment_make(appointment=appointment, actor=actor)
    return InductionPlan.objects.get(appointment=appointment)
