"""Who may answer the well-being pulse and see its aggregates (development.access).

Answers are seen one by one only by the person who gave them; staff get aggregates of groups
of five or more people (development.wellbeing.selectors), never a row.
"""

from django.db.models import QuerySet

from accounts.access import has_role, is_region_wide, role_of
from accounts.models import Role
from candidates.models import MembershipStatus, ReserveMembership
from development.models import PulseResponse, SupportRequest
from development.scope import Scope

PULSE_AGGREGATES = Scope(municipality="municipality")


def can_open_own_pulse(user) -> bool:
    """Return whether the user has a pulse page of their own (reservists and mentors)."""
    return has_role(user, Role.CANDIDATE, Role.MENTOR)


def answers_pulse_as_mentor(user) -> bool:
    """Return whether the user's answers count among the mentors (not a reserve cohort)."""
    return has_role(user, Role.MENTOR)


def can_answer_pulse(user) -> bool:
    """Return whether the user may answer: a mentor, or a reservist with an active membership."""
    if answers_pulse_as_mentor(user):
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


def pulse_responses_counted_for(user) -> QuerySet[PulseResponse]:
    """Return the answers in the user's aggregates (their territory); never shown one by one."""
    return PULSE_AGGREGATES.rows(PulseResponse.objects.all(), user)


# A low index offers a conversation with the coordinator: the request (who and how to reach them,
# never the answers) is seen by the coordinator of the person's municipality and the ministry.
SUPPORT_REQUESTS = Scope(municipality="municipality")


def support_requests_visible_to(user) -> QuerySet[SupportRequest]:
    """Return the requests for a conversation the user handles (their territory)."""
    if not has_role(user, Role.MUNICIPAL) and not is_region_wide(user):
        return SupportRequest.objects.none()
    return SUPPORT_REQUESTS.rows(SupportRequest.objects.all(), user)


def can_view_support_requests(user) -> bool:
    """Return whether the user has the «Просьбы о разговоре» page (coordinators, ministry)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_handle_support_request(user, support: SupportRequest) -> bool:
    """Return whether the user may mark the request handled: it is in their territory."""
    return support_requests_visible_to(user).filter(pk=support.pk).exists()
