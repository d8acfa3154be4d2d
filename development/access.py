"""Who may see and do what in the development stage: one function per question.

Each topic keeps its own section; append new questions to your topic's section.
"""

from django.db.models import Q, QuerySet

from accounts.access import (
    bound_municipality_id,
    covers_municipality,
    has_role,
    is_region_wide,
    role_of,
    scope_by_role,
    scope_to_municipality,
)
from accounts.models import Role
from candidates.models import MembershipStatus, ReserveMembership
from development.models import (
    Activity,
    DevelopmentPlan,
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    PlanItem,
    PlanStatus,
    PulseResponse,
)

# --- The programme and the catalogue ---------------------------------------------------------


def can_view_programme(user) -> bool:
    """Return whether the user may read the comprehensive programme (everyone signed in)."""
    return role_of(user) is not None


def can_view_catalogue(user) -> bool:
    """Return whether the user may browse the catalogue (everyone who works with plans)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL, Role.MENTOR, Role.CANDIDATE)


def activities_visible_to(user) -> QuerySet[Activity]:
    """Return the catalogue's activities the user may see (staff also see retired ones)."""
    if not can_view_catalogue(user):
        return Activity.objects.none()
    if can_manage_catalogue(user):
        return Activity.objects.all()
    return Activity.objects.filter(is_active=True)


def can_manage_catalogue(user) -> bool:
    """Return whether the user may edit the catalogue and the programme and import activities."""
    return is_region_wide(user)


# --- Individual development plans (ИОМ) ------------------------------------------------------


def _mentee_filter(user, prefix: str = "") -> Q:
    """Plans (or items, with a prefix) of the mentor's mentees in an active pair."""
    return Q(
        **{
            f"{prefix}candidate__mentorships__mentor__user": user,
            f"{prefix}candidate__mentorships__status": MentorshipStatus.ACTIVE,
        }
    )


def plans_visible_to(user) -> QuerySet[DevelopmentPlan]:
    """Return the plans the user may open."""
    plans = DevelopmentPlan.objects.all()
    role = role_of(user)
    if is_region_wide(user):
        return plans
    if role == Role.MUNICIPAL:
        return plans.filter(membership__municipality_id=bound_municipality_id(user))
    if role == Role.CANDIDATE:
        return plans.filter(candidate__user=user)
    if role == Role.MENTOR:
        return plans.filter(
            pk__in=DevelopmentPlan.objects.filter(_mentee_filter(user)).values("pk")
        )
    return plans.none()


def plan_items_visible_to(user) -> QuerySet[PlanItem]:
    """Return the plan items the user may see (lists of overdue items)."""
    return PlanItem.objects.filter(plan__in=plans_visible_to(user).values("pk"))


def can_view_plan_lists(user) -> bool:
    """Return whether the user has the lists of plans (awaiting approval, overdue items)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL, Role.MENTOR)


def can_view_overdue_report(user) -> bool:
    """Return whether the user may see overdue items by municipality."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def is_own_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the plan is the signed-in reservist's own."""
    return has_role(user, Role.CANDIDATE) and plan.candidate.user_id == user.pk


def is_active_mentor_of(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user mentors the plan's reservist in an active pair."""
    if not has_role(user, Role.MENTOR):
        return False
    return plan.candidate.mentorships.filter(
        mentor__user=user, status=MentorshipStatus.ACTIVE
    ).exists()


def can_generate_plan(user, membership) -> bool:
    """Return whether the user may draw up a plan for the membership."""
    role = role_of(user)
    if role == Role.CANDIDATE:
        return membership.candidate.user_id == user.pk
    if role == Role.MUNICIPAL or is_region_wide(user):
        return covers_municipality(user, membership.municipality_id)
    if role == Role.MENTOR:
        return membership.candidate.mentorships.filter(
            mentor__user=user, status=MentorshipStatus.ACTIVE
        ).exists()
    return False


def can_edit_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may change a draft: the reservist, the mentor, the coordinator."""
    if plan.status != PlanStatus.DRAFT:
        return False
    if is_own_plan(user, plan) or is_active_mentor_of(user, plan):
        return True
    return has_role(user, Role.MUNICIPAL) and covers_municipality(
        user, plan.membership.municipality_id
    )


def can_submit_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may send the draft for approval."""
    return can_edit_plan(user, plan)


def can_approve_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may approve the plan or return it with a comment (ministry)."""
    return plan.status == PlanStatus.ON_APPROVAL and is_region_wide(user)


def can_start_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may press «Начать выполнение» (the reservist)."""
    return plan.status == PlanStatus.APPROVED and is_own_plan(user, plan)


def can_close_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may close an approved plan with a reason (ministry)."""
    return plan.status in (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS) and is_region_wide(user)


def can_work_on_items(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may start items and add evidence (the reservist, once approved)."""
    return plan.status in (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS) and is_own_plan(user, plan)


def can_view_evidence(user, item: PlanItem) -> bool:
    """Return whether the user may download the item's evidence files."""
    return plans_visible_to(user).filter(pk=item.plan_id).exists()


# --- The well-being pulse ----------------------------------------------------------------------
# Answers are seen one by one only by the person who gave them; staff get aggregates of groups
# of five or more people (development.wellbeing.selectors), never a row.


def can_open_own_pulse(user) -> bool:
    """Return whether the user has a pulse page of their own (reservists and mentors)."""
    return has_role(user, Role.CANDIDATE, Role.MENTOR)


def can_answer_pulse(user) -> bool:
    """Return whether the user may answer: a mentor, or a reservist with an active membership."""
    if has_role(user, Role.MENTOR):
        return True
    return (
        has_role(user, Role.CANDIDATE)
        and ReserveMembership.objects.filter(
            candidate__user=user, status=MembershipStatus.ACTIVE
        ).exists()
    )


def can_view_pulse_summary(user) -> bool:
    """Return whether the user may see the pulse's aggregates (ministry; coordinators: own МО)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def pulse_responses_visible_to(user) -> QuerySet[PulseResponse]:
    """Return the answers the user may see one by one: their own, whatever their role."""
    if role_of(user) is None:
        return PulseResponse.objects.none()
    return PulseResponse.objects.filter(user=user)


# --- Mentoring: the registry, matching, pairs, sessions, the effectiveness report -------------


def can_manage_mentors(user) -> bool:
    """Return whether the user keeps the mentor registry (ministry; coordinators for their MO)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def mentors_visible_to(user) -> QuerySet[Mentor]:
    """Return the mentors the user may see: all, own municipality's, or one's own profile."""
    return scope_by_role(
        Mentor.objects.all(),
        user,
        municipality="organization__municipality",
        own={Role.MENTOR: "user"},
    )


def can_edit_mentor(user, mentor: Mentor) -> bool:
    """Return whether the user may change the mentor's record (capacity, workplace, strengths)."""
    return can_manage_mentors(user) and covers_municipality(
        user, mentor.organization.municipality_id
    )


def can_edit_own_mentor_profile(user) -> bool:
    """Return whether the user is a mentor with a profile to keep (availability, strengths)."""
    return has_role(user, Role.MENTOR) and Mentor.objects.filter(user=user).exists()


def can_match(user) -> bool:
    """Return whether the user may match reservists with mentors and propose pairs."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def memberships_to_match(user) -> QuerySet[ReserveMembership]:
    """Return the reserve memberships the user may find mentors for (own territory)."""
    if not can_match(user):
        return ReserveMembership.objects.none()
    return scope_to_municipality(ReserveMembership.objects.all(), user)


def mentorships_visible_to(user) -> QuerySet[Mentorship]:
    """Return the pairs the user may see: staff by territory, the mentor's and the mentee's own."""
    return scope_by_role(
        Mentorship.objects.all(),
        user,
        municipality="membership__municipality",
        own={Role.MENTOR: "mentor__user", Role.CANDIDATE: "mentee__user"},
    )


def can_manage_pair(user, pair: Mentorship) -> bool:
    """Return whether the user answers for the pair: ministry, or the reservist's coordinator."""
    return can_match(user) and covers_municipality(user, pair.membership.municipality_id)


def can_confirm_pair(user, pair: Mentorship) -> bool:
    """Return whether the user may confirm the proposed pair."""
    return pair.status == MentorshipStatus.PROPOSED and can_manage_pair(user, pair)


def can_end_pair(user, pair: Mentorship) -> bool:
    """Return whether the user may complete or cancel the pair."""
    open_statuses = (MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE)
    return pair.status in open_statuses and can_manage_pair(user, pair)


def is_mentor_of_pair(user, pair: Mentorship) -> bool:
    """Return whether the user is the pair's mentor."""
    return has_role(user, Role.MENTOR) and pair.mentor.user_id == user.pk


def is_mentee_of_pair(user, pair: Mentorship) -> bool:
    """Return whether the user is the pair's mentee."""
    return has_role(user, Role.CANDIDATE) and pair.mentee.user_id == user.pk


def can_log_session(user, pair: Mentorship) -> bool:
    """Return whether the user may log a meeting: the mentor of an active pair."""
    return pair.status == MentorshipStatus.ACTIVE and is_mentor_of_pair(user, pair)


def sessions_visible_to(user) -> QuerySet[MentoringSession]:
    """Return the meetings of the pairs the user may see."""
    return MentoringSession.objects.filter(mentorship__in=mentorships_visible_to(user))


def can_edit_session(user, session: MentoringSession) -> bool:
    """Return whether the user may correct the meeting: its mentor, until the mentee answers."""
    return session.confirmation == "pending" and is_mentor_of_pair(user, session.mentorship)


def can_answer_session(user, session: MentoringSession) -> bool:
    """Return whether the user may confirm or dispute the meeting: its mentee, once."""
    return session.confirmation == "pending" and is_mentee_of_pair(user, session.mentorship)


def can_view_my_mentees(user) -> bool:
    """Return whether the user has the «Мои наставляемые» page (mentors)."""
    return has_role(user, Role.MENTOR)


def can_view_my_mentor(user) -> bool:
    """Return whether the user has the «Мой наставник» page (reservists)."""
    return has_role(user, Role.CANDIDATE)


def can_view_effectiveness(user) -> bool:
    """Return whether the user may open the mentor effectiveness report."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)
