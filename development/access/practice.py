"""Who may confirm a reservist's practice, and a course's completion (development.access).

An item's application in practice counts only once someone who saw it confirms it: the
reservist's mentor (an active pair), the head of the reservist's organization, or — for an
internship — its methodist (tutor). The reservist names one of them; only that account may
confirm or return it, and only while it still stands in that capacity. A course's provider
representative may confirm the completion of their course.
"""

from django.db.models import Q, QuerySet

from accounts.access import has_role, is_region_wide, role_of
from accounts.models import Role
from development.models import (
    ActivityKind,
    GoodPractice,
    Mentorship,
    MentorshipStatus,
    PlanItem,
    PlanStatus,
    PracticeState,
    PracticeStatus,
    PracticeWitness,
    WitnessKind,
)


def practice_confirmers_for(item: PlanItem) -> list[tuple[object, str]]:
    """Return the accounts the reservist may ask to confirm the item's practice, with why."""
    candidate = item.plan.candidate
    found: dict[int, tuple[object, str]] = {}
    for pair in Mentorship.objects.filter(
        mentee=candidate, status=MentorshipStatus.ACTIVE
    ).select_related("mentor__user"):
        found.setdefault(pair.mentor.user_id, (pair.mentor.user, "наставник"))
    witnesses = PracticeWitness.objects.select_related("user")
    heads = witnesses.filter(kind=WitnessKind.HEAD, organization_id=candidate.organization_id)
    for witness in heads if candidate.organization_id else []:
        found.setdefault(witness.user_id, (witness.user, "руководитель организации"))
    if item.activity_id is not None and ActivityKind.needs_host(item.activity.kind):
        for witness in witnesses.filter(kind=WitnessKind.TUTOR, activity_id=item.activity_id):
            found.setdefault(witness.user_id, (witness.user, "методист (тьютор) стажировки"))
    found.pop(candidate.user_id, None)  # nobody confirms their own practice
    return [found[pk] for pk in sorted(found, key=lambda pk: str(found[pk][0]))]


def practice_capacity(user, item: PlanItem) -> str | None:
    """Return in what capacity the user may confirm the item's practice, or None."""
    for confirmer, capacity in practice_confirmers_for(item):
        if confirmer.pk == user.pk:
            return capacity
    return None


def practice_requests_of(user) -> QuerySet[PlanItem]:
    """Return the items whose practice the user was asked to confirm (pending and decided)."""
    if role_of(user) is None:
        return PlanItem.objects.none()
    return PlanItem.objects.filter(practice_confirmer=user)


def can_view_practice_request(user, item: PlanItem) -> bool:
    """Return whether the user may open the item's confirmation page (its named confirmer)."""
    return item.practice_confirmer_id is not None and item.practice_confirmer_id == user.pk


def can_confirm_practice(user, item: PlanItem) -> bool:
    """Return whether the user may confirm or return the practice now: named, still in capacity."""
    return (
        item.practice_status == PracticeStatus.PENDING
        and item.plan.is_in_work
        and can_view_practice_request(user, item)
        and practice_capacity(user, item) is not None
    )


def can_open_practice_requests(user) -> bool:
    """Return whether the user has the «Подтверждение практики» page: mentors and experts (the
    roles heads and tutors usually hold) always, anyone else once asked."""
    if has_role(user, Role.MENTOR, Role.EXPERT):
        return True
    return practice_requests_of(user).exists() or completions_to_confirm_for(user).exists()


def completions_to_confirm_for(user) -> QuerySet[PlanItem]:
    """Return items of the courses the user represents whose completion awaits their word."""
    if role_of(user) is None:
        return PlanItem.objects.none()
    activities = PracticeWitness.objects.filter(user=user, kind=WitnessKind.PROVIDER).values(
        "activity_id"
    )
    return PlanItem.objects.filter(
        activity_id__in=activities,
        plan__status__in=[PlanStatus.APPROVED, PlanStatus.IN_PROGRESS],
    ).exclude(completion_file="")


def can_confirm_completion(user, item: PlanItem) -> bool:
    """Return whether the user represents the item's course provider and may confirm it."""
    return (
        item.completion_confirmed_at is None
        and completions_to_confirm_for(user).filter(pk=item.pk).exists()
    )


def can_manage_witnesses(user) -> bool:
    """Return whether the user keeps the list of heads, tutors and providers (ministry)."""
    return is_region_wide(user)


# --- The bank of good practice: a confirmed practice its author agreed to share ---------------


def can_propose_practice(user, item: PlanItem) -> bool:
    """Return whether the user may offer the item's practice to the bank: its author, once the
    practice is confirmed by someone else, and once only."""
    return (
        has_role(user, Role.CANDIDATE)
        and item.plan.candidate.user_id == user.pk
        and item.practice_status == PracticeStatus.CONFIRMED
        and not GoodPractice.objects.filter(item=item).exists()
    )


def can_review_practices(user) -> bool:
    """Return whether the user reviews proposed practices against the criteria (ministry)."""
    return is_region_wide(user)


def good_practices_visible_to(user) -> QuerySet[GoodPractice]:
    """Return the bank's practices the user may read: published ones with their author's consent;
    the reviewers see every proposal, the author their own."""
    if role_of(user) is None:
        return GoodPractice.objects.none()
    if can_review_practices(user):
        return GoodPractice.objects.all()
    shown = Q(state=PracticeState.PUBLISHED, consent_withdrawn_at__isnull=True)
    return GoodPractice.objects.filter(shown | Q(item__plan__candidate__user=user))


def can_view_practice_bank(user) -> bool:
    """Return whether the user may open the bank (everyone signed in)."""
    return role_of(user) is not None


def is_practice_author(user, practice: GoodPractice) -> bool:
    """Return whether the user is the practice's author (who may withdraw the consent)."""
    return has_role(user, Role.CANDIDATE) and practice.item.plan.candidate.user_id == user.pk
