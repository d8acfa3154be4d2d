"""What needs attention this week: counts that link to the lists where the work is done."""

import datetime
from dataclasses import dataclass

from django.urls import reverse

from candidates import access as candidates_access
from candidates.models import MembershipStatus
from development import access as development_access
from development.models import WORKING_STATUSES, PlanItem, PlanStatus
from governance import access as governance_access
from governance.models import RoadmapItem
from governance.selectors import regulation_in_force
from monitoring import access
from monitoring.halfyear.periods import last_passed_due, owes_condition
from monitoring.models import HalfYearReport, ReportStatus
from onboarding import access as onboarding_access
from onboarding.models import OPEN_STATUSES

TERM_MONTHS = 3


@dataclass(frozen=True)
class Attention:
    text: str
    count: int
    url: str


def attention_for(user, *, today: datetime.date) -> list[Attention]:
    """Return the things waiting for the user's territory, each with its count and its list."""
    items = []
    overdue = (
        PlanItem.objects.filter(plan__in=development_access.plans_visible_to(user))
        .filter(plan__status__in=WORKING_STATUSES)
        .filter(PlanItem.overdue_condition(today))
        .count()
    )
    items.append(
        Attention(
            "Просроченные пункты планов развития", overdue, reverse("development:overdue_list")
        )
    )
    on_approval = (
        development_access.plans_visible_to(user).filter(status=PlanStatus.ON_APPROVAL).count()
    )
    items.append(
        Attention(
            "Планы развития ждут согласования",
            on_approval,
            reverse("development:plan_list") + f"?status={PlanStatus.ON_APPROVAL}",
        )
    )
    to_review = access.reports_visible_to(user).filter(status=ReportStatus.SUBMITTED).count()
    items.append(
        Attention(
            "Полугодовые отчёты ждут рассмотрения",
            to_review,
            reverse("monitoring:report_list") + "?state=to_review",
        )
    )
    due_on = last_passed_due(regulation_in_force(), today)
    owing = candidates_access.memberships_visible_to(user).filter(owes_condition(due_on))
    handed_in = HalfYearReport.objects.filter(due_on=due_on, first_submitted_at__isnull=False)
    missing = owing.exclude(pk__in=handed_in.values("membership_id")).count()
    items.append(
        Attention(
            f"Не сданы отчёты к {due_on:%d.%m.%Y}",
            missing,
            reverse("monitoring:report_list") + f"?due_on={due_on.isoformat()}&state=missing",
        )
    )
    horizon = today + datetime.timedelta(days=TERM_MONTHS * 31)
    expiring = (
        candidates_access.memberships_visible_to(user)
        .filter(status=MembershipStatus.ACTIVE, term_ends_on__gte=today, term_ends_on__lte=horizon)
        .count()
    )
    items.append(
        Attention(
            f"Истекает срок в резерве в ближайшие {TERM_MONTHS} месяца",
            expiring,
            reverse("candidates:membership_list") + f"?status=active&term_months={TERM_MONTHS}",
        )
    )
    if governance_access.can_view_roadmap(user):
        late = RoadmapItem.objects.filter(RoadmapItem.overdue_condition(today)).count()
        items.append(
            Attention(
                "Просроченные мероприятия дорожной карты",
                late,
                reverse("roadmap:roadmap") + "?status=overdue",
            )
        )
    without_shortlist = (
        onboarding_access.vacancies_visible_to(user)
        .filter(status__in=OPEN_STATUSES, shortlist__isnull=True)
        .count()
    )
    items.append(
        Attention(
            "Вакансии без списка кандидатов",
            without_shortlist,
            reverse("onboarding:vacancy_list"),
        )
    )
    return items
