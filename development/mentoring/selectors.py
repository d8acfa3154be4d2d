"""Reads of mentoring: matching inputs in bulk, the hours of a pair, the pages' lists.

The mentor effectiveness report lives in development/selectors_mentor_report.py.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from assessment.models import Result
from candidates.models import MembershipStatus, ReserveMembership
from core.numbers import percent, round_half_up
from development.mentoring import matching
from development.models import (
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    NeighbourPair,
    SessionConfirmation,
)
from governance.selectors import regulation_in_force
from registry.models import OrganizationKind

# Pairs that hold one of the mentor's places: the hard rule «never over capacity» counts these.
OPEN_STATUSES = (MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE)


def mentoring_norm_hours() -> int:
    """Return the norm of confirmed meeting hours per pair per year, from the Regulation in force.

    The programme's mentoring modules and every mentoring page read this one parameter.
    """
    return regulation_in_force().mentoring_hours_per_year


def neighbour_set() -> frozenset[frozenset[int]]:
    """Return the pairs of neighbouring municipalities as sets of two ids."""
    return frozenset(
        frozenset(pair) for pair in NeighbourPair.objects.values_list("first_id", "second_id")
    )


def kind_names() -> dict[str, str]:
    """Return the organization kinds' names, for the explanations."""
    return {value: str(label) for value, label in OrganizationKind.choices}


def with_load(mentors: QuerySet[Mentor]) -> QuerySet[Mentor]:
    """Annotate mentors with `load`: their proposed and active pairs."""
    return mentors.annotate(
        load=Count("mentorships", filter=Q(mentorships__status__in=OPEN_STATUSES), distinct=True)
    )


def mentor_candidates(mentors: QuerySet[Mentor]) -> list[matching.MentorCandidate]:
    """Return the mentors as matching inputs, in two queries whatever their number."""
    rows = list(
        with_load(mentors)
        .select_related("user", "organization__municipality")
        .prefetch_related("strengths__competency")
        .order_by("pk")
    )
    return [candidate_of(mentor) for mentor in rows]


def candidate_of(mentor: Mentor) -> matching.MentorCandidate:
    """Return one mentor (annotated with `load`, strengths prefetched) as a matching input."""
    organization = mentor.organization
    return matching.MentorCandidate(
        key=mentor.pk,
        name=mentor.user.get_full_name() or mentor.user.username,
        municipality_id=organization.municipality_id,
        municipality_name=organization.municipality.name,
        organization_id=organization.pk,
        organization_kind=organization.kind,
        strengths={strength.competency.code: strength.level for strength in mentor.strengths.all()},
        capacity=mentor.capacity,
        load=mentor.load,
        is_available=mentor.is_available,
    )


def completed_results_by_candidate(candidate_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Return each candidate's finished-assessment results, the latest first, in one query.

    «Latest» is by the assessment's completion, as development.plans.selectors decides it for
    one candidate; this is the same rule for many candidates at once.
    """
    rows = (
        Result.objects.filter(
            participant__candidate_id__in=list(candidate_ids),
            participant__completed_at__isnull=False,
        )
        .order_by("participant__candidate_id", "-participant__completed_at", "-pk")
        .values("pk", "participant__candidate_id", "gaps", "competency_scores")
    )
    results: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        results[row["participant__candidate_id"]].append(row)
    return results


def _gaps_of(result: dict | None) -> tuple[matching.Gap, ...]:
    if result is None:
        return ()
    return tuple(
        matching.Gap(
            code=gap["code"], name=gap["name"], level=int(gap["level"]), target=int(gap["target"])
        )
        for gap in result["gaps"]
    )


def mentees_of(memberships: Sequence[ReserveMembership]) -> list[matching.Mentee]:
    """Return memberships (candidate, organization, position kind loaded) as matching inputs."""
    results = completed_results_by_candidate(membership.candidate_id for membership in memberships)
    mentees = []
    for membership in memberships:
        candidate = membership.candidate
        latest = (results.get(candidate.pk) or [None])[0]
        organization = candidate.organization
        mentees.append(
            matching.Mentee(
                key=membership.pk,
                name=candidate.full_name,
                municipality_id=membership.municipality_id,
                municipality_name=membership.municipality.name,
                organization_id=organization.pk if organization else None,
                organization_kind=organization.kind if organization else "",
                target_kinds=tuple(membership.position_kind.organization_kinds or ()),
                gaps=_gaps_of(latest),
                has_result=latest is not None,
            )
        )
    return mentees


def for_matching(memberships: QuerySet[ReserveMembership]) -> QuerySet[ReserveMembership]:
    """Load what matching reads about memberships."""
    return memberships.select_related(
        "candidate__organization", "municipality", "position_kind"
    ).order_by("candidate__last_name", "candidate__first_name", "pk")


def without_open_pair(memberships: QuerySet[ReserveMembership]) -> QuerySet[ReserveMembership]:
    """Return the active memberships whose reservist has no proposed or active pair."""
    return memberships.filter(status=MembershipStatus.ACTIVE).exclude(
        candidate__mentorships__status__in=OPEN_STATUSES
    )


def open_pair_of(membership: ReserveMembership) -> Mentorship | None:
    """Return the reservist's proposed or active pair, if any."""
    return (
        Mentorship.objects.filter(mentee_id=membership.candidate_id, status__in=OPEN_STATUSES)
        .select_related("mentor__user")
        .first()
    )


@dataclass(frozen=True)
class Hours:
    """Confirmed mentoring time of a pair against the programme's norm."""

    total_minutes: int
    year_minutes: int
    norm_hours: int

    @property
    def total(self) -> float:
        return float(round_half_up(self.total_minutes / 60, 1))

    @property
    def year(self) -> float:
        return float(round_half_up(self.year_minutes / 60, 1))

    @property
    def percent_of_norm(self) -> int:
        return min(percent(self.year_minutes, self.norm_hours * 60), 100)


def hours_of(mentorships: Iterable[int], today: datetime.date) -> dict[int, Hours]:
    """Return confirmed hours per pair: all of them and the last twelve months'."""
    year_ago = today - datetime.timedelta(days=365)
    confirmed = Q(confirmation=SessionConfirmation.CONFIRMED)
    rows = (
        MentoringSession.objects.filter(mentorship_id__in=list(mentorships))
        .values("mentorship_id")
        .annotate(
            total=Sum("duration_minutes", filter=confirmed),
            year=Sum("duration_minutes", filter=confirmed & Q(date__gt=year_ago)),
        )
    )
    norm = mentoring_norm_hours()
    return {
        row["mentorship_id"]: Hours(
            total_minutes=row["total"] or 0, year_minutes=row["year"] or 0, norm_hours=norm
        )
        for row in rows
    }


def sessions_of(mentorship: Mentorship) -> QuerySet[MentoringSession]:
    """Return the pair's sessions, the latest first, with their competencies."""
    return mentorship.sessions.prefetch_related("competencies").order_by("-date", "-pk")


def pending_count(mentorships: Iterable[int]) -> dict[int, int]:
    """Return how many sessions wait for the mentee's answer, per pair."""
    rows = (
        MentoringSession.objects.filter(
            mentorship_id__in=list(mentorships), confirmation=SessionConfirmation.PENDING
        )
        .values("mentorship_id")
        .annotate(count=Count("pk"))
    )
    return {row["mentorship_id"]: row["count"] for row in rows}
