"""Who may see and do what in the selection stage."""

from django.db.models import Q, QuerySet

from accounts.access import (
    bound_municipality_id,
    covers_municipality,
    has_role,
    is_region_wide,
    role_of,
    scope_by_role,
)
from accounts.models import Role
from candidates.models import (
    AgendaItem,
    Candidate,
    Commission,
    CommissionMeeting,
    CommissionMember,
    Document,
    MeetingStatus,
    Nomination,
    NominationStatus,
    ReserveMembership,
)

EDITABLE_BY_CANDIDATE = (NominationStatus.DRAFT, NominationStatus.RETURNED)


def _expert_nomination_filter(user) -> Q:
    """Nominations on the agenda of a commission the expert sits on."""
    return Q(
        agenda_items__meeting__commission__members__user=user,
        agenda_items__meeting__commission__members__is_active=True,
    )


def nominations_visible_to(user) -> QuerySet[Nomination]:
    """Return the nominations the user may see."""
    nominations = Nomination.objects.all()
    role = role_of(user)
    if is_region_wide(user):
        return nominations
    if role == Role.MUNICIPAL:
        return nominations.filter(municipality_id=bound_municipality_id(user))
    if role == Role.CANDIDATE:
        return nominations.filter(candidate__user=user)
    if role == Role.EXPERT:
        return nominations.filter(_expert_nomination_filter(user)).distinct()
    return nominations.none()


def candidates_visible_to(user) -> QuerySet[Candidate]:
    """Return the candidates whose profiles the user may see."""
    return scope_by_role(
        Candidate.objects.all(), user, municipality="municipality", own={Role.CANDIDATE: "user"}
    )


def memberships_visible_to(user) -> QuerySet[ReserveMembership]:
    """Return the reserve memberships the user may see."""
    return scope_by_role(
        ReserveMembership.objects.all(),
        user,
        municipality="municipality",
        own={Role.CANDIDATE: "candidate__user"},
    )


def can_view_nomination(user, nomination: Nomination) -> bool:
    """Return whether the user may open the nomination."""
    role = role_of(user)
    if role is None:
        return False
    if is_region_wide(user) or role == Role.MUNICIPAL:
        return covers_municipality(user, nomination.municipality_id)
    if role == Role.CANDIDATE:
        return nomination.candidate.user_id == user.pk
    if role == Role.EXPERT:
        return nominations_visible_to(user).filter(pk=nomination.pk).exists()
    return False


def is_own_nomination(user, nomination: Nomination) -> bool:
    """Return whether the nomination is the user's own application."""
    return has_role(user, Role.CANDIDATE) and nomination.candidate.user_id == user.pk


def can_edit_application(user, nomination: Nomination) -> bool:
    """Return whether the user may change the application's profile and documents now."""
    if nomination.status not in EDITABLE_BY_CANDIDATE:
        return False
    if is_own_nomination(user, nomination):
        return True
    # A coordinator or ministry specialist may prepare a draft they nominated.
    return (
        nomination.status == NominationStatus.DRAFT
        and nomination.nominated_by_id == getattr(user, "pk", None)
        and covers_municipality(user, nomination.municipality_id)
    )


def can_submit(user, nomination: Nomination) -> bool:
    """Return whether the user may submit the application."""
    return nomination.status in EDITABLE_BY_CANDIDATE and is_own_nomination(user, nomination)


def can_review_nomination(user, nomination: Nomination) -> bool:
    """Return whether the user may check documents, admit, return or reject the nomination."""
    return is_region_wide(user)


def can_nominate(user) -> bool:
    """Return whether the user may nominate someone for the reserve."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_nominate_in(user, municipality_id: int) -> bool:
    """Return whether the user may nominate someone in the municipality."""
    return can_nominate(user) and covers_municipality(user, municipality_id)


def can_self_nominate(user) -> bool:
    """Return whether the user may start an application of their own."""
    return has_role(user, Role.CANDIDATE)


def can_view_pipeline(user) -> bool:
    """Return whether the user may open the staff list of nominations."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_export_pipeline(user) -> bool:
    """Return whether the user may download the list of nominations."""
    return can_view_pipeline(user)


def can_view_document(user, document: Document) -> bool:
    """Return whether the user may download the document."""
    return can_view_nomination(user, document.nomination) and not has_role(user, Role.EXPERT)


def can_override_eligibility(user) -> bool:
    """Return whether the user may decide eligibility against the rules, with a reason."""
    return is_region_wide(user)


def can_manage_commission(user) -> bool:
    """Return whether the user may set up commissions, meetings and agendas."""
    return is_region_wide(user)


def meetings_visible_to(user) -> QuerySet[CommissionMeeting]:
    """Return the meetings the user may open."""
    meetings = CommissionMeeting.objects.all()
    if is_region_wide(user):
        return meetings
    if has_role(user, Role.EXPERT, Role.MINISTRY):
        return meetings.filter(
            commission__members__user=user, commission__members__is_active=True
        ).distinct()
    return meetings.none()


def can_vote(user, item: AgendaItem) -> bool:
    """Return whether the user sits on the commission deciding the item."""
    if not getattr(user, "is_authenticated", False):
        return False
    return item.meeting.commission.members.filter(user=user, is_active=True).exists()


def can_manage_membership(user) -> bool:
    """Return whether the user may extend or exclude reserve memberships."""
    return is_region_wide(user)


# --- The commission's pages and the reserve list -------------------------------------------

_CONDUCTING_ROLES = ("chair", "deputy_chair", "secretary")


def commissions_visible_to(user) -> QuerySet[Commission]:
    """Return the commissions whose composition the user may see."""
    commissions = Commission.objects.all()
    if is_region_wide(user):
        return commissions
    if has_role(user, Role.EXPERT):
        return commissions.filter(members__user=user, members__is_active=True).distinct()
    return commissions.none()


def can_view_commissions(user) -> bool:
    """Return whether the user may open the commission pages at all."""
    return is_region_wide(user) or has_role(user, Role.EXPERT)


def _sits_on(user, commission_id: int, roles: tuple[str, ...] | None = None) -> bool:
    members = CommissionMember.objects.filter(
        commission_id=commission_id, user_id=getattr(user, "pk", None), is_active=True
    )
    if roles is not None:
        members = members.filter(role__in=roles)
    return role_of(user) is not None and members.exists()


def can_record_votes(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user may record the votes of the members present (secretary, staff)."""
    return can_manage_commission(user) or _sits_on(user, meeting.commission_id, ("secretary",))


def can_conduct_meeting(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user may count the votes and close the meeting."""
    return can_manage_commission(user) or _sits_on(user, meeting.commission_id, _CONDUCTING_ROLES)


def can_download_protocol(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user may download the meeting's protocol (it exists once held)."""
    return (
        meeting.status == MeetingStatus.HELD
        and meetings_visible_to(user).filter(pk=meeting.pk).exists()
    )


def can_issue_inclusion_order(user) -> bool:
    """Return whether the user may record and download the ministry's order on inclusion."""
    return is_region_wide(user)


def can_view_reserve_list(user) -> bool:
    """Return whether the user may open the list of reservists."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def pipeline_nominations_visible_to(user) -> QuerySet[Nomination]:
    """Return the nominations the user may open on the staff side (pipeline, review page)."""
    if not can_view_pipeline(user):
        return Nomination.objects.none()
    return nominations_visible_to(user)


def can_check_documents(user, nomination: Nomination) -> bool:
    """Return whether the user may mark the nomination's documents as checked."""
    return can_review_nomination(user, nomination)


def can_evaluate_eligibility(user, nomination: Nomination) -> bool:
    """Return whether the user may run the eligibility check of the nomination."""
    return can_review_nomination(user, nomination)


def can_nominate_in_bulk(user) -> bool:
    """Return whether the user may nominate a list of people from a spreadsheet."""
    return can_nominate(user)


def can_change_candidate_profile(user) -> bool:
    """Return whether the user may correct a candidate's profile in the back office."""
    return is_region_wide(user)


def nomination_records_visible_to(user, model) -> QuerySet:
    """Return the rows of a nomination's record (history, documents, checks) the user may see."""
    return model.objects.filter(nomination__in=pipeline_nominations_visible_to(user).values("pk"))
