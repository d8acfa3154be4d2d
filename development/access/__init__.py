"""Who may see and do what in the development stage: one function per question.

Visibility. Each kind of row the pages show by territory has one `Scope`: the lookup of the row's
municipality and, per role that sees its own rows, the lookup naming the user (or a condition
built for the user). `x_visible_to(user)` is that scope applied by accounts.access.scope_by_role,
and `can_view_x(user, row)` is the same scope asked about one row (`Scope.holds`): in memory
where the scope is a chain of foreign keys, so a page that already holds the row asks no query;
through the queryset itself, `.filter(pk=row.pk).exists()`, where the condition is not a chain
(a mentor's mentees: whichever of the reservist's pairs is active). Both read one definition,
and tests/development/test_access_agreement.py holds them together for every role.

One queryset does not go through it on purpose: one's own pulse answers, which nobody else,
staff included, ever sees one by one (staff get aggregates of five or more).

Each topic keeps its own section; append new questions to your topic's section. The practice
confirmed by someone else and the well-being pulse have their own modules (practice.py,
wellbeing.py in this package), re-exported here: callers ask `development.access` whatever the
topic.
"""

from collections.abc import Callable

from django.db.models import Model, Q, QuerySet

from accounts.access import (
    has_role,
    is_region_wide,
    role_of,
)
from accounts.models import Role
from candidates.models import ReserveMembership
from development.access.practice import (
    can_confirm_completion,
    can_confirm_practice,
    can_manage_witnesses,
    can_open_practice_requests,
    can_propose_practice,
    can_review_practices,
    can_view_practice_bank,
    can_view_practice_request,
    completions_to_confirm_for,
    good_practices_visible_to,
    is_practice_author,
    practice_capacity,
    practice_confirmers_for,
    practice_requests_of,
)
from development.access.wellbeing import (
    answers_pulse_as_mentor,
    can_answer_pulse,
    can_handle_support_request,
    can_open_own_pulse,
    can_view_pulse_summary,
    can_view_support_requests,
    pulse_responses_counted_for,
    pulse_responses_visible_to,
    support_requests_visible_to,
)
from development.models import (
    Activity,
    DevelopmentPlan,
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    PlanItem,
    PlanStatus,
    SessionConfirmation,
)
from development.scope import Scope


def _mentored_by(model: type[Model]) -> Callable[[object], Q]:
    """Rows (plans, memberships) of the reservists the user mentors in an active pair.

    A subquery rather than a join, so that the reservist's other pairs never repeat a row or
    multiply the counts a list annotates.
    """

    def condition(user) -> Q:
        mentored = model.objects.filter(
            candidate__mentorships__mentor__user=user,
            candidate__mentorships__status=MentorshipStatus.ACTIVE,
        )
        return Q(pk__in=mentored.values("pk"))

    return condition


PLANS = Scope(
    municipality="membership__municipality",
    own={Role.CANDIDATE: "candidate__user", Role.MENTOR: _mentored_by(DevelopmentPlan)},
)
MEMBERSHIPS_TO_PLAN = Scope(
    municipality="municipality",
    own={Role.CANDIDATE: "candidate__user", Role.MENTOR: _mentored_by(ReserveMembership)},
)
MEMBERSHIPS_TO_MATCH = Scope(municipality="municipality")
MENTORS = Scope(municipality="organization__municipality", own={Role.MENTOR: "user"})
PAIRS = Scope(
    municipality="membership__municipality",
    own={Role.MENTOR: "mentor__user", Role.CANDIDATE: "mentee__user"},
)
SESSIONS = Scope(
    municipality="mentorship__membership__municipality",
    own={Role.MENTOR: "mentorship__mentor__user", Role.CANDIDATE: "mentorship__mentee__user"},
)
# The catalogue belongs to no territory: the region (staff) sees it all, retired activities too;
# the others who work with plans see what is offered now.
_IN_CATALOGUE = Q(is_active=True)
ACTIVITIES = Scope(
    municipality=None,
    own=dict.fromkeys((Role.MUNICIPAL, Role.MENTOR, Role.CANDIDATE), _IN_CATALOGUE),
)


def works_region_wide(user) -> bool:
    """Return whether the user's lists span the region (a municipality column and filter)."""
    return is_region_wide(user)


# --- The programme and the catalogue ---------------------------------------------------------


def can_view_programme(user) -> bool:
    """Return whether the user may read the comprehensive programme (everyone signed in)."""
    return role_of(user) is not None


def can_view_catalogue(user) -> bool:
    """Return whether the user may browse the catalogue (everyone who works with plans)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL, Role.MENTOR, Role.CANDIDATE)


def activities_visible_to(user) -> QuerySet[Activity]:
    """Return the catalogue's activities the user may see (staff also see retired ones)."""
    return ACTIVITIES.rows(Activity.objects.all(), user)


def can_manage_catalogue(user) -> bool:
    """Return whether the user may edit the catalogue and the programme and import activities."""
    return is_region_wide(user)


# --- Individual development plans (ИОМ) ------------------------------------------------------


def plans_visible_to(user) -> QuerySet[DevelopmentPlan]:
    """Return the plans the user may open."""
    return PLANS.rows(DevelopmentPlan.objects.all(), user)


def can_view_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may open the plan."""
    return PLANS.holds(user, plan)


def plan_items_visible_to(user) -> QuerySet[PlanItem]:
    """Return the plan items the user may see: the items of the plans they may open."""
    return PlanItem.objects.filter(plan__in=plans_visible_to(user).values("pk"))


def can_view_evidence(user, item: PlanItem) -> bool:
    """Return whether the user may download the item's evidence files: whoever sees the plan,
    and whoever is asked to confirm the item (the confirmer of its practice, the course's
    provider for its completion)."""
    return (
        plan_items_visible_to(user).filter(pk=item.pk).exists()
        or can_view_practice_request(user, item)
        or completions_to_confirm_for(user).filter(pk=item.pk).exists()
    )


def memberships_to_plan_for(user) -> QuerySet[ReserveMembership]:
    """Return the memberships the user may draw up a plan for (own, mentees', territory's)."""
    return MEMBERSHIPS_TO_PLAN.rows(ReserveMembership.objects.all(), user)


def can_generate_plan(user, membership: ReserveMembership) -> bool:
    """Return whether the user may draw up a plan for the membership."""
    return MEMBERSHIPS_TO_PLAN.holds(user, membership)


def can_have_own_plan(user) -> bool:
    """Return whether the user has «Мой план развития» (reservists)."""
    return has_role(user, Role.CANDIDATE)


def can_view_plan_lists(user) -> bool:
    """Return whether the user has the lists of plans (awaiting approval, overdue items)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL, Role.MENTOR)


def can_view_overdue_report(user) -> bool:
    """Return whether the user may see overdue items by municipality."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def approves_plans(user) -> bool:
    """Return whether the user approves plans (their list opens on those awaiting approval)."""
    return is_region_wide(user)


def is_own_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the plan is the signed-in reservist's own."""
    return has_role(user, Role.CANDIDATE) and plan.candidate.user_id == user.pk


def can_edit_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may change a draft: the reservist, the mentor, the coordinator."""
    editors = (Role.CANDIDATE, Role.MENTOR, Role.MUNICIPAL)
    return plan.is_editable and has_role(user, *editors) and can_view_plan(user, plan)


def can_submit_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may send the draft for approval."""
    return can_edit_plan(user, plan)


def can_approve_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may approve the plan or return it with a comment (ministry)."""
    return plan.status == PlanStatus.ON_APPROVAL and approves_plans(user)


def can_start_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may press «Начать выполнение» (the reservist)."""
    return plan.status == PlanStatus.APPROVED and is_own_plan(user, plan)


def can_close_plan(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may close an approved plan with a reason (ministry)."""
    return plan.is_in_work and approves_plans(user)


def can_work_on_items(user, plan: DevelopmentPlan) -> bool:
    """Return whether the user may start items and add evidence (the reservist, once approved)."""
    return plan.is_in_work and is_own_plan(user, plan)


# --- Mentoring: the registry, matching, pairs, sessions, the effectiveness report -------------


def can_manage_mentors(user) -> bool:
    """Return whether the user keeps the mentor registry (ministry; coordinators for their MO)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_be_mentor(user) -> bool:
    """Return whether the account may be entered in the mentor registry (its role is mentor)."""
    return user.role == Role.MENTOR


def mentors_visible_to(user) -> QuerySet[Mentor]:
    """Return the mentors the user may see: all, own municipality's, or one's own profile."""
    return MENTORS.rows(Mentor.objects.all(), user)


def can_view_mentor(user, mentor: Mentor) -> bool:
    """Return whether the user may open the mentor's record."""
    return MENTORS.holds(user, mentor)


def is_own_mentor_record(user, mentor: Mentor) -> bool:
    """Return whether the record is the signed-in mentor's own."""
    return has_role(user, Role.MENTOR) and mentor.user_id == user.pk


def can_edit_mentor(user, mentor: Mentor) -> bool:
    """Return whether the user may change the mentor's record (capacity, workplace, strengths)."""
    return can_manage_mentors(user) and can_view_mentor(user, mentor)


def can_edit_own_mentor_profile(user) -> bool:
    """Return whether the user is a mentor with a profile to keep (availability, strengths)."""
    return has_role(user, Role.MENTOR) and Mentor.objects.filter(user=user).exists()


def can_keep_neighbours(user) -> bool:
    """Return whether the user keeps the neighbouring municipalities matching reads (ministry)."""
    return is_region_wide(user)


def can_look_up_mentoring_records(user) -> bool:
    """Return whether the user may look mentors, pairs and sessions up in the back office."""
    return is_region_wide(user)


def can_match(user) -> bool:
    """Return whether the user may match reservists with mentors and propose pairs."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def memberships_to_match(user) -> QuerySet[ReserveMembership]:
    """Return the reserve memberships the user may find mentors for (own territory)."""
    return MEMBERSHIPS_TO_MATCH.rows(ReserveMembership.objects.all(), user)


def mentorships_visible_to(user) -> QuerySet[Mentorship]:
    """Return the pairs the user may see: staff by territory, the mentor's and the mentee's own."""
    return PAIRS.rows(Mentorship.objects.all(), user)


def can_view_pair(user, pair: Mentorship) -> bool:
    """Return whether the user may open the pair."""
    return PAIRS.holds(user, pair)


def can_manage_pair(user, pair: Mentorship) -> bool:
    """Return whether the user answers for the pair: ministry, or the reservist's coordinator."""
    return can_match(user) and can_view_pair(user, pair)


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
    return SESSIONS.rows(MentoringSession.objects.all(), user)


def can_view_session(user, session: MentoringSession) -> bool:
    """Return whether the user may see the meeting."""
    return SESSIONS.holds(user, session)


def can_edit_session(user, session: MentoringSession) -> bool:
    """Return whether the user may correct the meeting: its mentor, until the mentee answers."""
    pending = session.confirmation == SessionConfirmation.PENDING
    return pending and is_mentor_of_pair(user, session.mentorship)


def can_answer_session(user, session: MentoringSession) -> bool:
    """Return whether the user may confirm or dispute the meeting: its mentee, once."""
    pending = session.confirmation == SessionConfirmation.PENDING
    return pending and is_mentee_of_pair(user, session.mentorship)


def can_view_my_mentees(user) -> bool:
    """Return whether the user has the «Мои наставляемые» page (mentors)."""
    return has_role(user, Role.MENTOR)


def can_view_my_mentor(user) -> bool:
    """Return whether the user has the «Мой наставник» page (reservists)."""
    return has_role(user, Role.CANDIDATE)


def can_view_effectiveness(user) -> bool:
    """Return whether the user may open the mentor effectiveness report."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


__all__ = [
    "answers_pulse_as_mentor",
    "can_answer_pulse",
    "can_confirm_completion",
    "can_confirm_practice",
    "can_handle_support_request",
    "can_manage_witnesses",
    "can_open_own_pulse",
    "can_open_practice_requests",
    "can_propose_practice",
    "can_review_practices",
    "can_view_practice_bank",
    "can_view_practice_request",
    "can_view_pulse_summary",
    "can_view_support_requests",
    "completions_to_confirm_for",
    "good_practices_visible_to",
    "is_practice_author",
    "practice_capacity",
    "practice_confirmers_for",
    "practice_requests_of",
    "pulse_responses_counted_for",
    "pulse_responses_visible_to",
    "support_requests_visible_to",
]
