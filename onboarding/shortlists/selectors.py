"""Reads for shortlists and offers: the scoring's inputs in bulk, refusals, the reservist's page.

The inputs of a shortlist are read in a fixed number of queries, however large the reserve:
the memberships with their people and workplaces, the latest results, the plans' items, the
preferences, the offers, the neighbours and the key competencies' names — once each.
"""

import datetime

from django.db.models import Count, Q, QuerySet

from assessment.models import Competency, Result
from candidates.models import MembershipStatus, ReserveMembership
from development.mentoring.selectors import kind_names, neighbour_set
from development.models import PlanItem, PlanItemStatus, PlanStatus
from governance.selectors import regulation_in_force
from onboarding.models import Offer, OfferStatus, ReservistPreference, ShortlistEntry, Vacancy
from onboarding.shortlists import scoring

# Plans whose items are work being done or done: a draft is not yet a commitment.
COUNTED_PLAN_STATUSES = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.COMPLETED)


def post_of(vacancy: Vacancy) -> scoring.Post:
    """Return the vacancy (organization and municipality loaded) as the scoring's input."""
    organization = vacancy.organization
    codes = scoring.KEY_COMPETENCIES.get(organization.kind, ())
    names = dict(
        Competency.objects.filter(framework__is_current=True, code__in=codes).values_list(
            "code", "name"
        )
    )
    return scoring.Post(
        municipality_id=organization.municipality_id,
        municipality_name=organization.municipality.name,
        organization_kind=organization.kind,
        student_count=organization.student_count,
        key_competencies=tuple((code, names.get(code, code)) for code in codes),
    )


def pool_for(vacancy: Vacancy, today: datetime.date) -> QuerySet[ReserveMembership]:
    """Return the active members of the reserve for the vacancy's post whose term runs on."""
    return (
        ReserveMembership.objects.filter(
            status=MembershipStatus.ACTIVE,
            position_kind_id=vacancy.position_kind_id,
            term_ends_on__gte=today,
        )
        .select_related("candidate__organization", "municipality")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def latest_results(candidate_ids: list[int]) -> dict[int, dict]:
    """Return each candidate's latest finished assessment: total and per-competency scores."""
    rows = (
        Result.objects.filter(
            participant__candidate_id__in=candidate_ids, participant__completed_at__isnull=False
        )
        .order_by("participant__candidate_id", "-participant__completed_at", "-pk")
        .values("participant__candidate_id", "total", "competency_scores")
    )
    latest: dict[int, dict] = {}
    for row in rows:
        latest.setdefault(row["participant__candidate_id"], row)
    return latest


def plan_progress(membership_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Return (done, total) items of each membership's plan in work or completed."""
    rows = (
        PlanItem.objects.filter(
            plan__membership_id__in=membership_ids, plan__status__in=COUNTED_PLAN_STATUSES
        )
        .values("plan__membership_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=PlanItemStatus.DONE)))
    )
    return {row["plan__membership_id"]: (row["done"], row["total"]) for row in rows}


def relocation_flags(candidate_ids: list[int]) -> set[int]:
    """Return the candidates who said they are ready to move."""
    return set(
        ReservistPreference.objects.filter(
            candidate_id__in=candidate_ids, ready_to_relocate=True
        ).values_list("candidate_id", flat=True)
    )


def reservists_for(
    vacancy: Vacancy, memberships: list[ReserveMembership]
) -> list[scoring.Reservist]:
    """Return the memberships as the scoring's inputs, in a fixed number of queries."""
    candidate_ids = [membership.candidate_id for membership in memberships]
    membership_ids = [membership.pk for membership in memberships]
    results = latest_results(candidate_ids)
    plans = plan_progress(membership_ids)
    relocating = relocation_flags(candidate_ids)
    offers = Offer.objects.filter(membership_id__in=membership_ids).filter(
        Q(vacancy=vacancy) | Q(status=OfferStatus.OFFERED)
    )
    offered_here, pending = set(), set()
    for offer in offers.values("membership_id", "vacancy_id", "status"):
        if offer["vacancy_id"] == vacancy.pk:
            offered_here.add(offer["membership_id"])
        elif offer["status"] == OfferStatus.OFFERED:
            pending.add(offer["membership_id"])
    reservists = []
    for membership in memberships:
        candidate = membership.candidate
        result = results.get(candidate.pk)
        done, total = plans.get(membership.pk, (0, 0))
        organization = candidate.organization
        reservists.append(
            scoring.Reservist(
                key=membership.pk,
                name=candidate.full_name,
                municipality_id=membership.municipality_id,
                municipality_name=membership.municipality.name,
                readiness=membership.readiness,
                result_total=float(result["total"]) if result else None,
                competency_scores={
                    code: float(value)
                    for code, value in (result["competency_scores"] if result else {}).items()
                },
                plan_done=done,
                plan_total=total,
                organization_kind=organization.kind if organization else "",
                student_count=organization.student_count if organization else None,
                ready_to_relocate=candidate.pk in relocating,
                offered_this_post=membership.pk in offered_here,
                pending_elsewhere=membership.pk in pending,
            )
        )
    return reservists


def ranked_for(vacancy: Vacancy, today: datetime.date) -> tuple[list[scoring.Scored], dict]:
    """Return the vacancy's reservists ranked with their explanations, and those kept off."""
    regulation = regulation_in_force()
    memberships = list(pool_for(vacancy, today))
    return scoring.rank(
        post_of(vacancy),
        reservists_for(vacancy, memberships),
        neighbour_set(),
        readiness_names={choice.code: choice.name for choice in regulation.readiness_levels},
        kind_names=kind_names(),
    )


def shortlist_of(vacancy: Vacancy) -> list[ShortlistEntry]:
    """Return the vacancy's shortlist in its order, with the people and their offers here."""
    entries = list(
        vacancy.shortlist.select_related(
            "membership__candidate__organization", "membership__municipality"
        ).prefetch_related("moves__actor")
    )
    offers = {
        offer.membership_id: offer
        for offer in Offer.objects.filter(vacancy=vacancy).order_by("created_at")
    }
    refusals = refusals_of([entry.membership_id for entry in entries])
    for entry in entries:
        entry.offer = offers.get(entry.membership_id)
        entry.refusals = refusals.get(entry.membership_id, 0)
    return entries


def refusals_of(membership_ids: list[int]) -> dict[int, int]:
    """Return how many offered posts each reservist refused (a ground of the Regulation)."""
    rows = (
        Offer.objects.filter(membership_id__in=membership_ids, status=OfferStatus.REFUSED)
        .values("membership_id")
        .annotate(count=Count("pk"))
    )
    return {row["membership_id"]: row["count"] for row in rows}


def memberships_to_exclude_for_refusals(membership_ids: list[int]) -> set[int]:
    """Return the active memberships whose refusals reach the Regulation's limit."""
    limit = regulation_in_force().max_offer_refusals
    refusals = refusals_of(membership_ids)
    active = set(
        ReserveMembership.objects.filter(
            pk__in=membership_ids, status=MembershipStatus.ACTIVE
        ).values_list("pk", flat=True)
    )
    return {pk for pk, count in refusals.items() if count >= limit and pk in active}


def offers_by_vacancy(vacancy: Vacancy) -> QuerySet[Offer]:
    """Return the vacancy's offers, latest first, with the people."""
    return vacancy.offers.select_related("membership__candidate", "offered_by").order_by(
        "-created_at", "-pk"
    )


def own_offers(user) -> QuerySet[Offer]:
    """Return the signed-in reservist's offers, pending first, then the latest."""
    return (
        Offer.objects.filter(membership__candidate__user=user)
        .select_related("vacancy__organization__municipality", "vacancy__position_kind")
        .order_by("-created_at", "-pk")
    )
