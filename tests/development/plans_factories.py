"""Builders of reservists with assessment results, catalogue activities, plans and mentors."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Role
from assessment.models import Campaign, CampaignStatus, Competency, Participant, Result
from candidates.models import ReserveMembership
from development.models import (
    Activity,
    DevelopmentPlan,
    Mentor,
    Mentorship,
    MentorshipStatus,
    PlanItem,
    PlanStatus,
    PlanStatusChange,
)
from tests import upload_samples
from tests.assessment.factories import current_framework
from tests.candidates.commission_factories import make_membership
from tests.factories import OrganizationFactory, UserFactory

PDF = upload_samples.PDF
PNG = upload_samples.PNG
TODAY = datetime.date(2026, 11, 27)


def pdf_upload(name: str = "certificate.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def competency(code: str) -> Competency:
    return Competency.objects.get(framework=current_framework(), code=code)


def make_reservist(*, started_on: datetime.date = TODAY, **kwargs) -> ReserveMembership:
    """Create an active member of the reserve (with a candidate account)."""
    return make_membership(started_on=started_on, **kwargs)


def gap(code: str, level: int, target: int) -> dict:
    return {"code": code, "name": competency(code).name, "level": level, "target": target}


def make_result(
    membership: ReserveMembership,
    *,
    scores: dict[str, float],
    gaps: list[dict],
    completed_at: datetime.datetime | None = None,
    name: str = "Оценка резерва 2026",
) -> Result:
    """Record a finished assessment of the reservist with the given scores and gaps."""
    completed_at = completed_at or timezone.now() - datetime.timedelta(days=1)
    day = timezone.localdate(completed_at)
    campaign = Campaign.objects.create(
        name=name,
        framework=current_framework(),
        status=CampaignStatus.CLOSED,
        starts_on=day - datetime.timedelta(days=30),
        ends_on=day,
        pass_threshold=60,
    )
    participant = Participant.objects.create(
        campaign=campaign,
        candidate=membership.candidate,
        membership=membership,
        position_group="head" if membership.position_kind.is_head else "deputy",
        position_kind=membership.position_kind,
        municipality=membership.municipality,
        completed_at=completed_at,
    )
    return Result.objects.create(
        participant=participant,
        competency_scores=scores,
        total=Decimal("55.0"),
        passed=False,
        gaps=gaps,
        is_complete=True,
    )


def make_activity(
    codes: list[str],
    *,
    title: str = "Курс",
    kind: str = "dpo_course",
    min_level: int = 1,
    max_level: int = 3,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    places: int | None = None,
    **fields,
) -> Activity:
    """Create an active catalogue activity developing the competencies."""
    if kind == "internship" and "host_organization" not in fields:
        fields["host_organization"] = OrganizationFactory()
    activity = Activity.objects.create(
        kind=kind,
        title=title,
        provider=fields.pop("provider", "Региональный институт развития образования"),
        hours=fields.pop("hours", 36),
        format=fields.pop("format", "online"),
        starts_on=starts_on,
        ends_on=ends_on or starts_on,
        places=places,
        min_level=min_level,
        max_level=max_level,
        **fields,
    )
    activity.competencies.set([competency(code) for code in codes])
    return activity


def retire_seeded_catalogue() -> None:
    """Take the migration's catalogue out of play, so a test picks only its own activities."""
    Activity.objects.update(is_active=False)


def make_plan(
    membership: ReserveMembership | None = None,
    *,
    status: str = PlanStatus.DRAFT,
    items: int = 2,
    due: list[datetime.date] | None = None,
    starts_on: datetime.date = TODAY,
    ends_on: datetime.date | None = None,
) -> DevelopmentPlan:
    """Create a plan in a status directly, with simple own-task items."""
    membership = membership or make_reservist()
    plan = DevelopmentPlan.objects.create(
        candidate=membership.candidate,
        membership=membership,
        status=status,
        starts_on=starts_on,
        ends_on=ends_on or starts_on + datetime.timedelta(days=364),
    )
    PlanStatusChange.objects.create(plan=plan, from_status="", to_status=status)
    dates = due or [starts_on + datetime.timedelta(days=60 * (n + 1)) for n in range(items)]
    for number, due_date in enumerate(dates):
        PlanItem.objects.create(
            plan=plan,
            title=f"Пункт {number + 1}",
            competency=competency("K05"),
            reason="компетенция “Финансы, право и закупки”: уровень 1 при целевом 3",
            due_date=due_date,
            sort_order=number,
        )
    return plan


def make_mentor(*, username: str | None = None, organization=None) -> Mentor:
    user = UserFactory(role=Role.MENTOR, **({"username": username} if username else {}))
    return Mentor.objects.create(
        user=user,
        organization=organization or OrganizationFactory(),
        position="Директор",
        years_as_head=12,
    )


def pair(mentor: Mentor, membership: ReserveMembership, *, status=MentorshipStatus.ACTIVE):
    """Make the mentor the reservist's mentor (an active pair by default)."""
    return Mentorship.objects.create(
        mentor=mentor,
        mentee=membership.candidate,
        membership=membership,
        status=status,
        started_on=TODAY,
    )


def give_both_evidence(item: PlanItem) -> None:
    """Store both kinds of evidence, the practice confirmed, on the item directly (for reads)."""
    from django.core.files.base import ContentFile

    item.completion_file.save("test/c.pdf", ContentFile(PDF), save=False)
    item.practice_description = "Провёл педсовет по итогам курса."
    item.practice_link = "https://school.example/news/1"
    item.practice_status = "confirmed"
    item.practice_confirmed_at = timezone.now()
    item.status = "done"
    item.completed_at = timezone.now()
    item.save()
