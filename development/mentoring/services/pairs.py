"""Pairs of mentoring: proposed one at a time or confirmed for a whole cohort, then ended.

A pair takes one of the mentor's places from the moment it is proposed. Every write that could
take a place locks the mentor's row first and counts the open pairs under that lock, so two
coordinators pressing at once can never put a mentor over capacity.
"""

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from candidates.models import MembershipStatus, ReserveMembership
from development.mentoring import matching
from development.mentoring.selectors import (
    OPEN_STATUSES,
    candidate_of,
    for_matching,
    kind_names,
    mentees_of,
    neighbour_set,
    with_load,
)
from development.mentoring.services.notifications import (
    notify_pair_ended_on_commit,
    notify_pair_started_on_commit,
)
from development.models import (
    Mentor,
    Mentorship,
    MentorshipStatus,
)


def _lock_mentor(mentor_id: int) -> Mentor:
    """Lock the mentor's row and return it with its load, strengths and organization."""
    Mentor.objects.select_for_update().filter(pk=mentor_id).first()
    return (
        with_load(Mentor.objects.filter(pk=mentor_id))
        .select_related("user", "organization__municipality")
        .prefetch_related("strengths__competency")
        .get()
    )


def _check_membership(membership: ReserveMembership) -> None:
    if membership.status != MembershipStatus.ACTIVE:
        raise ValidationError(f"{membership.candidate}: резервист не состоит в резерве сейчас.")
    if Mentorship.objects.filter(
        mentee_id=membership.candidate_id, status__in=OPEN_STATUSES
    ).exists():
        raise ValidationError(f"{membership.candidate}: у резервиста уже есть наставник.")


def _scored(membership: ReserveMembership, mentor: Mentor, *, extra_load: int = 0):
    """Return the pair's explained score now, or refuse it by the hard rule that excludes it."""
    (mentee,) = mentees_of([membership])
    candidate = candidate_of(mentor)
    if extra_load:
        candidate = dataclasses.replace(candidate, load=candidate.load + extra_load)
    result = matching.score(mentee, candidate, neighbour_set(), kind_names())
    if isinstance(result, matching.Exclusion):
        raise ValidationError(f"Наставник {candidate.name} {result.reason}.")
    return result


def _pair(membership, mentor, match, *, status, goals, actor, today) -> Mentorship:
    return Mentorship(
        mentor=mentor,
        mentee_id=membership.candidate_id,
        membership=membership,
        status=status,
        goals=goals,
        match_score=match.score,
        match_explanation=match.explanation(),
        proposed_by=actor if getattr(actor, "is_authenticated", False) else None,
        confirmed_by=(
            actor
            if status == MentorshipStatus.ACTIVE and getattr(actor, "is_authenticated", False)
            else None
        ),
        started_on=today if status == MentorshipStatus.ACTIVE else None,
    )


def mentorship_propose(
    *,
    membership: ReserveMembership,
    mentor: Mentor,
    goals: str = "",
    actor,
    request: HttpRequest | None = None,
) -> Mentorship:
    """Propose a pair; it holds one of the mentor's places until confirmed or cancelled."""
    with transaction.atomic():
        locked_mentor = _lock_mentor(mentor.pk)
        locked = for_matching(ReserveMembership.objects.select_for_update(of=("self",))).get(
            pk=membership.pk
        )
        _check_membership(locked)
        match = _scored(locked, locked_mentor)
        pair = _pair(
            locked,
            locked_mentor,
            match,
            status=MentorshipStatus.PROPOSED,
            goals=goals,
            actor=actor,
            today=timezone.localdate(),
        )
        try:
            with transaction.atomic():
                pair.save()
        except IntegrityError as error:
            raise ValidationError(
                f"{locked.candidate}: у резервиста уже есть наставник."
            ) from error
        audit_record(
            actor=actor,
            action="mentorship.create",
            obj=pair,
            changes={"status": [None, pair.status], "match_score": [None, pair.match_score]},
            request=request,
        )
    return pair


def lock_pair(mentorship: Mentorship) -> Mentorship:
    """Lock the pair's row and return it with the mentor's account, the mentee, the membership."""
    return (
        Mentorship.objects.select_for_update(of=("self",))
        .select_related("mentor__user", "mentee", "membership")
        .get(pk=mentorship.pk)
    )


def mentorship_confirm(*, mentorship: Mentorship, actor, request: HttpRequest | None = None):
    """Confirm a proposed pair: it becomes active today and both people are told by email."""
    with transaction.atomic():
        locked = lock_pair(mentorship)
        if locked.status != MentorshipStatus.PROPOSED:
            raise ValidationError(
                f"Подтвердить можно только предложенную пару; эта — {locked.get_status_display()}."
            )
        if locked.membership.status != MembershipStatus.ACTIVE:
            raise ValidationError("Резервист уже не состоит в резерве: пару можно только отменить.")
        locked.status = MentorshipStatus.ACTIVE
        locked.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
        locked.started_on = timezone.localdate()
        locked.save(update_fields=["status", "confirmed_by", "started_on"])
        audit_record(
            actor=actor,
            action="mentorship.transition",
            obj=locked,
            changes={"status": [MentorshipStatus.PROPOSED, locked.status]},
            request=request,
        )
        notify_pair_started_on_commit(locked)
    return locked


ENDINGS = {
    MentorshipStatus.COMPLETED: (MentorshipStatus.ACTIVE,),
    MentorshipStatus.CANCELLED: (MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE),
}


def mentorship_end(
    *,
    mentorship: Mentorship,
    outcome: str,
    reason: str,
    actor,
    request: HttpRequest | None = None,
) -> Mentorship:
    """Complete an active pair or cancel an open one, with the reason said in words."""
    if outcome not in ENDINGS:
        raise ValidationError("Выберите: завершить пару или отменить её.")
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите причину.")
    with transaction.atomic():
        locked = lock_pair(mentorship)
        if locked.status not in ENDINGS[outcome]:
            verb = "Завершить" if outcome == MentorshipStatus.COMPLETED else "Отменить"
            raise ValidationError(f"{verb} нельзя: пара {locked.get_status_display()}.")
        old = locked.status
        locked.status = outcome
        locked.ended_on = timezone.localdate()
        locked.end_reason = reason
        locked.save(update_fields=["status", "ended_on", "end_reason"])
        audit_record(
            actor=actor,
            action="mentorship.transition",
            obj=locked,
            changes={"status": [old, outcome], "end_reason": ["", reason]},
            request=request,
        )
        if old == MentorshipStatus.ACTIVE:
            notify_pair_ended_on_commit(locked)
    return locked


@dataclass(frozen=True)
class BulkPair:
    """One pair of a confirmed bulk proposal: the membership and the mentor, by id."""

    membership_id: int
    mentor_id: int


def mentorships_create_bulk(
    *,
    pairs: Sequence[BulkPair],
    allowed_memberships,
    actor,
    request: HttpRequest | None = None,
) -> list[Mentorship]:
    """Create a cohort's pairs as confirmed, all or nothing, under the mentors' locks.

    `allowed_memberships` is the queryset the actor may pair (their territory). Every mentor's
    free places are counted again inside the transaction, the pairs of this batch included.
    """
    if not pairs:
        raise ValidationError("В предложении нет ни одной пары.")
    membership_ids = [pair.membership_id for pair in pairs]
    if len(set(membership_ids)) != len(membership_ids):
        raise ValidationError("Один резервист попал в предложение дважды.")
    today = timezone.localdate()
    errors: list[str] = []
    created: list[Mentorship] = []
    with transaction.atomic():
        mentor_ids = sorted({pair.mentor_id for pair in pairs})
        # Lock every mentor in one order, so two bulk confirmations cannot deadlock.
        list(Mentor.objects.select_for_update().filter(pk__in=mentor_ids).order_by("pk"))
        mentors = {
            mentor.pk: mentor
            for mentor in with_load(Mentor.objects.filter(pk__in=mentor_ids))
            .select_related("user", "organization__municipality")
            .prefetch_related("strengths__competency")
        }
        memberships = {
            membership.pk: membership
            for membership in for_matching(
                allowed_memberships.filter(pk__in=membership_ids).select_for_update(of=("self",))
            )
        }
        added: dict[int, int] = {}
        for pair in pairs:
            membership = memberships.get(pair.membership_id)
            mentor = mentors.get(pair.mentor_id)
            if membership is None or mentor is None:
                errors.append("Резервист или наставник из предложения больше недоступен.")
                continue
            try:
                _check_membership(membership)
                match = _scored(membership, mentor, extra_load=added.get(mentor.pk, 0))
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            added[mentor.pk] = added.get(mentor.pk, 0) + 1
            created.append(
                _pair(
                    membership,
                    mentor,
                    match,
                    status=MentorshipStatus.ACTIVE,
                    goals="",
                    actor=actor,
                    today=today,
                )
            )
        if errors:
            raise ValidationError(errors)
        try:
            with transaction.atomic():
                Mentorship.objects.bulk_create(created)
        except IntegrityError as error:
            raise ValidationError(
                "Пока вы смотрели предложение, у кого-то появился наставник."
            ) from error
        audit_record_bulk(
            actor=actor,
            changes=[
                Change(
                    action="mentorship.create",
                    obj=pair,
                    changes={
                        "status": [None, pair.status],
                        "match_score": [None, pair.match_score],
                    },
                )
                for pair in created
            ],
            source=AuditSource.WEB,
            request=request,
        )
        for pair in created:
            notify_pair_started_on_commit(pair)
    return created
