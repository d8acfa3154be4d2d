"""Who may join a campaign's cohort: nominations in «оценка», reservists due for re-assessment."""

import datetime

from django.db.models import Max, Q, QuerySet

from assessment.models import CampaignStatus
from candidates.models import MembershipStatus, Nomination, NominationStatus, ReserveMembership

OPEN_CAMPAIGN_STATUSES = (CampaignStatus.DRAFT, CampaignStatus.ACTIVE)


def year_before(day: datetime.date) -> datetime.date:
    """Return the same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def nominations_for_cohort(visible: QuerySet[Nomination]) -> QuerySet[Nomination]:
    """Return the nominations in «оценка» that no open campaign has taken yet."""
    return (
        visible.filter(status=NominationStatus.ASSESSMENT)
        .exclude(assessments__campaign__status__in=OPEN_CAMPAIGN_STATUSES)
        .select_related("candidate", "candidate__organization", "position_kind", "municipality")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def memberships_due_for_reassessment(
    *, today: datetime.date, visible: QuerySet[ReserveMembership] | None = None
) -> QuerySet[ReserveMembership]:
    """Return the active reservists due for re-assessment.

    Due: more than a year has passed since the end of the last campaign the person took part
    in, or, with no campaign on record, since the start of their membership; and no open
    campaign has taken them yet.
    """
    year_ago = year_before(today)
    memberships = visible if visible is not None else ReserveMembership.objects.all()
    return (
        memberships.filter(status=MembershipStatus.ACTIVE)
        .annotate(last_assessed_on=Max("candidate__assessments__campaign__ends_on"))
        .filter(
            Q(last_assessed_on__lt=year_ago)
            | Q(last_assessed_on__isnull=True, started_on__lt=year_ago)
        )
        .exclude(candidate__assessments__campaign__status__in=OPEN_CAMPAIGN_STATUSES)
        .select_related("candidate", "candidate__organization", "position_kind", "municipality")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


# The rule of memberships_due_for_reassessment in words, for the cohort page.
DUE_RULE = (
    "Повторная оценка нужна резервисту, если с окончания последней кампании оценки, в "
    "которой он участвовал, прошло больше года; если оценок в портале нет — если он в резерве "
    "больше года. Резервисты, уже включённые в другую идущую или готовящуюся кампанию, не "
    "показываются."
)
