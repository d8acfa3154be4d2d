"""Reads of the commission's work and of the reserve: agendas with summaries, memberships."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, Prefetch, Q, QuerySet, Value, When

from candidates.extensions import agenda_panels
from candidates.models import (
    AgendaItem,
    Candidate,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    Decision,
    EligibilityCheck,
    MembershipStatus,
    Nomination,
    NominationStatus,
    ReserveMembership,
    Vote,
    VoteChoice,
)
from candidates.selectors import months_ahead, search_by_candidate_name
from governance.regulation import Regulation


def member_order(prefix: str = "") -> list:
    """Return the protocol's order of members: chair, deputy, secretary, members; by name."""
    role_position = Case(
        *[
            When(**{f"{prefix}role": role}, then=Value(position))
            for position, role in enumerate(CommissionRole.values)
        ],
        default=Value(len(CommissionRole.values)),
    )
    return [role_position, f"{prefix}user__last_name", f"{prefix}user__first_name"]


# Extensions offered on the meeting page: terms ending within this many months.
EXTENSION_WINDOW_MONTHS = 6


@dataclass
class MemberVote:
    member: CommissionMember
    choice: str  # "" when the member has not voted
    choice_label: str
    cast_by_member: bool = False  # the member voted themself: nobody else may change it


@dataclass
class AgendaEntry:
    """One question of the agenda with what the commission needs to decide it."""

    number: int
    item: AgendaItem
    candidate: Candidate
    is_extension: bool
    title: str
    position_kind: str
    municipality: str
    eligibility: str  # the verdict in words, "" when never checked
    eligibility_overridden: bool
    category_name: str
    readiness_name: str
    term_ends_on: datetime.date | None
    extensions: int
    votes: list[MemberVote] = field(default_factory=list)
    decision_label: str = ""
    decide_form: object = None  # set by the view for those who count the votes
    own_choice: str = ""  # the signed-in member's vote, set by the view
    membership_id: int | None = None  # the membership extended or created, set by the view
    panels: list = field(default_factory=list)  # later stages' panels (candidates/extensions.py)

    @property
    def is_decided(self) -> bool:
        return bool(self.item.decision)


def _eligibility_text(check: EligibilityCheck | None) -> tuple[str, bool]:
    if check is None:
        return "", False
    verdict = (
        "соответствует квалификационным требованиям"
        if check.final_eligible
        else "не соответствует квалификационным требованиям"
    )
    return verdict, check.override_eligible is not None


def agenda_items_of(meeting: CommissionMeeting) -> QuerySet[AgendaItem]:
    """Return the meeting's questions with everything their summaries read, in a few queries."""
    latest_checks = EligibilityCheck.objects.order_by("-evaluated_at", "-id")
    return (
        meeting.agenda_items.select_related(
            "nomination__candidate",
            "nomination__position_kind",
            "nomination__municipality",
            "membership__candidate",
            "membership__position_kind",
            "membership__municipality",
        )
        .prefetch_related(
            Prefetch("nomination__eligibility_checks", queryset=latest_checks),
            Prefetch("votes", queryset=Vote.objects.select_related("member")),
        )
        .order_by("id")
    )


def agenda_entries(
    meeting: CommissionMeeting,
    members: list[CommissionMember],
    regulation: Regulation,
) -> list[AgendaEntry]:
    """Return the meeting's agenda as entries with summaries and the votes of each member."""
    entries = []
    labels = dict(VoteChoice.choices)
    decisions = dict(Decision.choices)
    for number, item in enumerate(agenda_items_of(meeting), start=1):
        cast = {vote.member_id: vote for vote in item.votes.all()}
        votes = []
        for member in members:
            vote = cast.get(member.pk)
            choice = vote.choice if vote is not None else ""
            by_member = vote is not None and vote.cast_by_member
            votes.append(MemberVote(member, choice, labels.get(choice, ""), by_member))
        if item.membership_id:
            subject = item.membership
            verdict, overridden = "", False
            category, readiness = subject.category, subject.readiness
        else:
            subject = item.nomination
            checks = list(subject.eligibility_checks.all())
            verdict, overridden = _eligibility_text(checks[0] if checks else None)
            category, readiness = item.category, item.readiness
        is_extension = bool(item.membership_id)
        entries.append(
            AgendaEntry(
                number=number,
                item=item,
                candidate=subject.candidate,
                is_extension=is_extension,
                title=(
                    "О продлении срока пребывания в кадровом резерве"
                    if is_extension
                    else "О включении в кадровый резерв"
                ),
                position_kind=subject.position_kind.name,
                municipality=subject.municipality.name,
                eligibility=verdict,
                eligibility_overridden=overridden,
                category_name=regulation.category_name(category),
                readiness_name=regulation.readiness_name(readiness),
                term_ends_on=subject.term_ends_on if is_extension else None,
                extensions=subject.extensions if is_extension else 0,
                votes=votes,
                decision_label=decisions.get(item.decision, ""),
            )
        )
    panels = agenda_panels(entry.item.nomination_id for entry in entries)
    for entry in entries:
        entry.panels = panels.get(entry.item.nomination_id, [])
    return entries


def attendance_of(meeting: CommissionMeeting) -> dict[int, bool]:
    """Return {member id: present?} as the secretary recorded it for the meeting."""
    return dict(meeting.attendance.values_list("member_id", "present"))


def members_present(meeting: CommissionMeeting) -> list[CommissionMember]:
    """Return the members marked present at the meeting (or, in older records, who voted)."""
    marked = meeting.attendance.filter(present=True).values("member_id")
    absent = meeting.attendance.filter(present=False).values("member_id")
    voted = Vote.objects.filter(agenda_item__meeting=meeting).values("member_id")
    return list(
        CommissionMember.objects.filter(Q(pk__in=marked) | (Q(pk__in=voted) & ~Q(pk__in=absent)))
        .select_related("user")
        .order_by(*member_order())
    )


def members_for_meeting(meeting: CommissionMeeting) -> list[CommissionMember]:
    """Return the commission's active members and anyone who voted at this meeting."""
    voted = Vote.objects.filter(agenda_item__meeting=meeting).values("member_id")
    return list(
        meeting.commission.members.filter(Q(is_active=True) | Q(pk__in=voted))
        .select_related("user")
        .order_by(*member_order())
    )


def nominations_for_agenda(nominations: QuerySet[Nomination]) -> QuerySet[Nomination]:
    """Return the nominations awaiting the commission and not yet on an undecided agenda."""
    return (
        nominations.filter(status=NominationStatus.COMMISSION_REVIEW)
        .exclude(agenda_items__decision="")
        .select_related("candidate", "position_kind", "municipality")
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )


def memberships_for_extension(
    memberships: QuerySet[ReserveMembership], regulation: Regulation, today: datetime.date
) -> QuerySet[ReserveMembership]:
    """Return active memberships whose term ends soon and that may still be extended."""
    return (
        memberships.filter(
            status=MembershipStatus.ACTIVE,
            extensions__lt=regulation.max_extensions,
            term_ends_on__lte=months_ahead(today, EXTENSION_WINDOW_MONTHS),
        )
        .exclude(agenda_items__decision="")
        .select_related("candidate", "position_kind")
        .order_by("term_ends_on", "id")
    )


def with_regulation_names(
    memberships: Iterable[ReserveMembership], regulation: Regulation
) -> list[ReserveMembership]:
    """Attach the category's and readiness level's names from the Regulation to each row."""
    rows = list(memberships)
    for membership in rows:
        membership.category_name = regulation.category_name(membership.category)
        membership.readiness_name = regulation.readiness_name(membership.readiness)
        membership.exclusion_ground_name = (
            regulation.exclusion_ground_name(membership.exclusion_ground)
            if membership.exclusion_ground
            else ""
        )
    return rows


def candidate_memberships(candidate: Candidate, regulation: Regulation) -> list[ReserveMembership]:
    """Return the candidate's memberships of the reserve, newest first, with readable names.

    For the candidate's own page: render them with
    {% include "candidates/membership/_summary.html" with memberships=... %}.
    """
    return with_regulation_names(
        candidate.memberships.select_related("position_kind", "municipality").order_by(
            "-started_on", "-id"
        ),
        regulation,
    )


def search_memberships(queryset: QuerySet[ReserveMembership], text: str) -> QuerySet:
    """Return the memberships whose reservist's name contains every word of the text."""
    return search_by_candidate_name(queryset, text)
