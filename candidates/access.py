"""Who may see and do what in the selection stage.

Every `x_visible_to(user)` is one call of accounts.access.scope_by_role. A question about one row
is asked of the matching queryset (`…filter(pk=row.pk).exists()`: one query, on detail pages
only) or, where a page asks it for every row, answered in memory by a predicate that
tests/candidates/test_access_policy.py proves equal to the queryset over the cast of users.
"""

from django.db.models import Q, QuerySet

from accounts.access import (
    assigned_role,
    bound_municipality,
    covers_municipality,
    has_role,
    is_region_wide,
    scope_by_role,
)
from accounts.models import Role, User
from candidates.models import (
    AgendaItem,
    Candidate,
    Commission,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    Document,
    MeetingStatus,
    Nomination,
    NominationStatus,
    ReserveMembership,
)

EDITABLE_BY_CANDIDATE = (NominationStatus.DRAFT, NominationStatus.RETURNED)
# Who may sit on a selection commission: ministry staff and invited experts.
COMMISSION_MEMBER_ROLES = (Role.MINISTRY, Role.EXPERT, Role.ADMIN)
# Who closes a question and the meeting (the Regulation): the chair or the secretary.
CONDUCTING_ROLES = (CommissionRole.CHAIR, CommissionRole.SECRETARY)


def _seats(user, roles: tuple[str, ...] | None = None) -> QuerySet[CommissionMember]:
    """Return the user's active seats on commissions (in the roles, when given)."""
    seats = CommissionMember.objects.filter(user_id=getattr(user, "pk", None), is_active=True)
    return seats if roles is None else seats.filter(role__in=roles)


# --- Rows the user may see ------------------------------------------------------------------


def nominations_visible_to(user) -> QuerySet[Nomination]:
    """Return the nominations the user may see.

    The region, a coordinator's municipality, a candidate's own, and for an expert those on the
    agenda of a commission they sit on.
    """
    on_their_agenda = AgendaItem.objects.filter(
        meeting__commission__in=_seats(user).values("commission")
    ).values("nomination")
    return scope_by_role(
        Nomination.objects.all(),
        user,
        municipality="municipality",
        own={Role.CANDIDATE: "candidate__user", Role.EXPERT: Q(pk__in=on_their_agenda)},
    )


def pipeline_nominations_visible_to(user) -> QuerySet[Nomination]:
    """Return the nominations the user may open on the staff side (pipeline, review page)."""
    if not can_view_pipeline(user):
        return Nomination.objects.none()
    return nominations_visible_to(user)


def nomination_records_visible_to(user, model) -> QuerySet:
    """Return the rows of a nomination's record (history, documents, checks) the user may see."""
    return model.objects.filter(nomination__in=pipeline_nominations_visible_to(user).values("pk"))


def documents_visible_to(user) -> QuerySet[Document]:
    """Return the application documents the user may download (never an expert: no files)."""
    return scope_by_role(
        Document.objects.all(),
        user,
        municipality="nomination__municipality",
        own={Role.CANDIDATE: "nomination__candidate__user"},
    )


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


def commissions_visible_to(user) -> QuerySet[Commission]:
    """Return the commissions whose composition the user may see (an expert: their own)."""
    return scope_by_role(
        Commission.objects.all(),
        user,
        own={Role.EXPERT: Q(pk__in=_seats(user).values("commission"))},
    )


def meetings_visible_to(user) -> QuerySet[CommissionMeeting]:
    """Return the meetings the user may open (an expert: those of their commissions)."""
    return scope_by_role(
        CommissionMeeting.objects.all(),
        user,
        own={Role.EXPERT: Q(commission__in=_seats(user).values("commission"))},
    )


# --- One row: asked of the querysets above ---------------------------------------------------


def can_view_nomination(user, nomination: Nomination) -> bool:
    """Return whether the user may open the nomination."""
    return nominations_visible_to(user).filter(pk=nomination.pk).exists()


def can_view_document(user, document: Document) -> bool:
    """Return whether the user may download the document."""
    return documents_visible_to(user).filter(pk=document.pk).exists()


def can_download_protocol(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user may download the meeting's protocol (it exists once held)."""
    return (
        meeting.status == MeetingStatus.HELD
        and meetings_visible_to(user).filter(pk=meeting.pk).exists()
    )


def _holds_seat(user, meeting: CommissionMeeting, roles: tuple[str, ...] | None) -> bool:
    """Return whether the user sees the meeting and sits on its commission in one of the roles."""
    seats = _seats(user, roles).values("commission")
    return meetings_visible_to(user).filter(pk=meeting.pk, commission__in=seats).exists()


def can_record_votes(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user records the votes of members present: the meeting's secretary.

    Admin and ministry rights give no seat: only the commission's own secretary records votes.
    """
    return _holds_seat(user, meeting, (CommissionRole.SECRETARY,))


def can_record_attendance(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user marks who is present at the meeting: its secretary."""
    return _holds_seat(user, meeting, (CommissionRole.SECRETARY,))


def can_open_meeting(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user may open the meeting on a day other than its date: its secretary."""
    return _holds_seat(user, meeting, (CommissionRole.SECRETARY,))


def can_conduct_meeting(user, meeting: CommissionMeeting) -> bool:
    """Return whether the user closes questions and the meeting: its chair or secretary."""
    return _holds_seat(user, meeting, CONDUCTING_ROLES)


def can_vote_for(user, meeting: CommissionMeeting, member: CommissionMember) -> bool:
    """Return whether the user may cast this member's vote: their own, or as the secretary."""
    own = member.user_id == getattr(user, "pk", None) and _holds_seat(user, meeting, None)
    return own or can_record_votes(user, meeting)


# --- One row: in memory, because pages ask it for every row ---------------------------------


def is_own_nomination(user, nomination: Nomination) -> bool:
    """Return whether the nomination is the user's own application (a candidate's visible row)."""
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
    """Return whether the user may check documents, admit, return or reject the nomination.

    Reviewers work region-wide and see every nomination, so no row needs fetching.
    """
    return can_review_nominations(user)


def can_agree_nomination(user, nomination: Nomination) -> bool:
    """Return whether the user records the municipality's согласование of the nomination.

    The coordinator of the nomination's municipality decides; nobody else, the ministry included.
    """
    return has_role(user, Role.MUNICIPAL) and covers_municipality(user, nomination.municipality_id)


def can_check_documents(user, nomination: Nomination) -> bool:
    """Return whether the user may mark the nomination's documents as checked."""
    return can_review_nomination(user, nomination)


def can_evaluate_eligibility(user, nomination: Nomination) -> bool:
    """Return whether the user may run the eligibility check of the nomination."""
    return can_review_nomination(user, nomination)


def can_nominate_in(user, municipality_id: int) -> bool:
    """Return whether the user may nominate someone in the municipality."""
    return can_nominate(user) and covers_municipality(user, municipality_id)


# --- Questions about the user alone ---------------------------------------------------------


def is_applicant(user) -> bool:
    """Return whether the user works on the applicant's side: their own applications."""
    return has_role(user, Role.CANDIDATE)


def can_self_nominate(user) -> bool:
    """Return whether the user may start an application of their own."""
    return is_applicant(user)


def can_nominate(user) -> bool:
    """Return whether the user may nominate someone for the reserve."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_nominate_in_bulk(user) -> bool:
    """Return whether the user may nominate a list of people from a spreadsheet."""
    return can_nominate(user)


def can_choose_municipality(user) -> bool:
    """Return whether the user works across the region, so lists and forms name a municipality.

    A coordinator's lists are their municipality's and they nominate from its organizations;
    the ministry filters by municipality and names an organization by its INN.
    """
    return is_region_wide(user)


def lists_limited_to(user):
    """Return the municipality the user's lists are limited to, None when they span the region."""
    return bound_municipality(user)


def can_view_pipeline(user) -> bool:
    """Return whether the user may open the staff list of nominations."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_export_pipeline(user) -> bool:
    """Return whether the user may download the list of nominations."""
    return can_view_pipeline(user)


def is_applicant_account(user) -> bool:
    """Return whether the account, active yet or not, is a candidate's (self-registration)."""
    return assigned_role(user) == Role.CANDIDATE


def can_review_nominations(user) -> bool:
    """Return whether the user reviews nominations: checks, admits, returns, rejects."""
    return is_region_wide(user)


def can_override_eligibility(user) -> bool:
    """Return whether the user may decide eligibility against the rules, with a reason."""
    return is_region_wide(user)


def can_change_candidate_profile(user) -> bool:
    """Return whether the user may correct a candidate's profile in the back office."""
    return is_region_wide(user)


def can_view_commissions(user) -> bool:
    """Return whether the user may open the commission pages at all."""
    return is_region_wide(user) or has_role(user, Role.EXPERT)


def can_manage_commission(user) -> bool:
    """Return whether the user may set up commissions, meetings and agendas."""
    return is_region_wide(user)


def can_sit_on_commission(user) -> bool:
    """Return whether the account's role allows a seat on a selection commission."""
    return assigned_role(user) in COMMISSION_MEMBER_ROLES


def commission_member_choices() -> QuerySet[User]:
    """Return the active accounts that may be given a seat on a commission."""
    return User.objects.filter(role__in=COMMISSION_MEMBER_ROLES, is_active=True)


def can_issue_inclusion_order(user) -> bool:
    """Return whether the user may record and download the ministry's order on inclusion."""
    return is_region_wide(user)


def can_view_reserve_list(user) -> bool:
    """Return whether the user may open the list of reservists."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_manage_membership(user) -> bool:
    """Return whether the user may extend or exclude reserve memberships."""
    return is_region_wide(user)
