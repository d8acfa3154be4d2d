"""Commission work: meetings, agendas, votes and decisions by majority."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates import access
from candidates.extensions import assessment_verdicts
from candidates.models import (
    AgendaItem,
    Commission,
    CommissionMeeting,
    CommissionMember,
    Decision,
    MeetingAttendance,
    MeetingStatus,
    MembershipStatus,
    Nomination,
    NominationStatus,
    ReserveMembership,
    Vote,
    VoteChoice,
)
from candidates.services.commission_attendance import (
    attendance_mark,
    is_present,
    locked_open_meeting,
)
from candidates.services.membership import membership_create, membership_extend
from candidates.services.nominations import nomination_transition
from candidates.voting import presiding_choice, vote_outcome
from governance.selectors import regulation_in_force


def commission_meeting_create(
    *,
    commission: Commission,
    date: datetime.date,
    actor,
    starts_at: datetime.time | None = None,
    place: str = "",
    request: HttpRequest | None = None,
) -> CommissionMeeting:
    """Schedule a meeting of the commission: its date, time and place."""
    if not commission.is_active:
        raise ValidationError("Комиссия не действует.")
    meeting = CommissionMeeting.objects.create(
        commission=commission, date=date, starts_at=starts_at, place=" ".join(place.split())
    )
    audit_record(
        actor=actor,
        action="meeting.create",
        obj=meeting,
        changes={"date": (None, date)},
        request=request,
    )
    return meeting


def _locked_planned_meeting(meeting: CommissionMeeting) -> CommissionMeeting:
    locked = CommissionMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.status != MeetingStatus.PLANNED:
        raise ValidationError("Заседание уже проведено: повестку и голоса менять нельзя.")
    return locked


def agenda_item_add(
    *,
    meeting: CommissionMeeting,
    nomination: Nomination,
    category: str,
    readiness: str,
    actor,
    request: HttpRequest | None = None,
) -> AgendaItem:
    """Put a nomination ready for decision on the meeting's agenda with the proposed terms."""
    regulation = regulation_in_force()
    problem = regulation.terms_problem(category, readiness)
    if problem:
        raise ValidationError(problem)
    with transaction.atomic():
        locked = _locked_planned_meeting(meeting)
        # The nomination's row is the lock against two meetings taking it at once.
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status != NominationStatus.COMMISSION_REVIEW:
            raise ValidationError(
                "В повестку включаются только заявки в статусе «рассмотрение комиссией»."
            )
        if AgendaItem.objects.filter(nomination=nomination, decision="").exists():
            raise ValidationError("Заявка уже стоит в повестке заседания без решения.")
        refusal = agenda_refusal(nomination, regulation.pass_threshold)
        if refusal:
            raise ValidationError(refusal)
        try:
            with transaction.atomic():
                item = AgendaItem.objects.create(
                    meeting=locked, nomination=nomination, category=category, readiness=readiness
                )
        except IntegrityError as error:
            raise ValidationError("Заявка уже есть в повестке этого заседания.") from error
        audit_record(
            actor=actor,
            action="agenda.add",
            obj=locked,
            changes={"вопрос": (None, str(nomination))},
            request=request,
        )
    return item


def agenda_refusal(nomination: Nomination, threshold: int) -> str:
    """Return why the nomination cannot go on the agenda for inclusion, "" when it can."""
    verdict = assessment_verdicts([nomination.pk], threshold)[nomination.pk]
    if not verdict.finished:
        return (
            "Комплексная оценка кандидата не завершена: вынести заявку на комиссию можно после "
            "её результата."
        )
    if verdict.below(threshold):
        return (
            f"Кандидатура не выносится на комиссию: {verdict.summary}. Откажите во включении "
            "на странице заявки, выбрав основания из результата оценки."
        )
    return ""


def nomination_refuse_below_pass_mark(
    *, nomination: Nomination, grounds: list[str], actor, request: HttpRequest | None = None
) -> Nomination:
    """Refuse a nomination whose assessment total is below the pass mark, on grounds it has."""
    threshold = regulation_in_force().pass_threshold
    verdict = assessment_verdicts([nomination.pk], threshold)[nomination.pk]
    if not verdict.below(threshold):
        raise ValidationError(
            "Итоговый балл не ниже проходного: решение о кандидатуре принимает комиссия."
        )
    picked = [ground for ground in verdict.deficits if ground in set(grounds)]
    if not picked:
        raise ValidationError("Отметьте основания отказа из результата комплексной оценки.")
    return nomination_transition(
        nomination=nomination,
        to_status=NominationStatus.REFUSED,
        actor=actor,
        reason="Отказано во включении в резерв по результатам комплексной оценки: "
        + "; ".join(picked)
        + ".",
        request=request,
    )


def agenda_item_add_extension(
    *, meeting: CommissionMeeting, membership: ReserveMembership, actor, request=None
) -> AgendaItem:
    """Put the extension of a reservist's term on the meeting's agenda."""
    regulation = regulation_in_force()
    with transaction.atomic():
        locked = _locked_planned_meeting(meeting)
        membership = ReserveMembership.objects.select_for_update().get(pk=membership.pk)
        _check_extendable(membership, regulation.max_extensions)
        if AgendaItem.objects.filter(membership=membership, decision="").exists():
            raise ValidationError("Продление уже стоит в повестке без решения.")
        item = AgendaItem.objects.create(meeting=locked, membership=membership)
        audit_record(
            actor=actor,
            action="agenda.add_extension",
            obj=locked,
            changes={"вопрос": (None, f"продление: {membership}")},
            request=request,
        )
    return item


def _check_extendable(membership: ReserveMembership, max_extensions: int) -> None:
    if membership.status != MembershipStatus.ACTIVE:
        raise ValidationError("Продлить можно только действующее членство в резерве.")
    if max_extensions == 0:
        raise ValidationError("Положение не предусматривает продления срока пребывания в резерве.")
    if membership.extensions >= max_extensions:
        raise ValidationError(
            f"Срок уже продлевался {membership.extensions} раз(а) — Положение допускает не более "
            f"{max_extensions}."
        )


def vote_cast(
    *, item: AgendaItem, member: CommissionMember, choice: VoteChoice, actor, request=None
) -> Vote:
    """Record a vote at the open meeting: a member's own, or a present member's by the secretary.

    A member may change their own vote until the question is decided; a vote the member cast
    themself is never overwritten by anyone else. Admin rights give no vote.
    """
    if choice not in VoteChoice.values:
        raise ValidationError("Выберите: за, против или воздержался.")
    meeting = item.meeting
    if member.commission_id != meeting.commission_id or not member.is_active:
        raise ValidationError("Голосовать могут только члены этой комиссии.")
    own = member.user_id == getattr(actor, "pk", None)
    if not own and not access.can_record_votes(actor, meeting):
        raise PermissionDenied("Голосует сам член комиссии; за присутствующих — секретарь.")
    with transaction.atomic():
        locked_meeting = locked_open_meeting(meeting)
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if locked.decision:
            raise ValidationError("Решение по вопросу уже принято: голос изменить нельзя.")
        previous = (
            Vote.objects.filter(agenda_item=locked, member=member).select_related("member").first()
        )
        if own:
            # Whoever votes in person is present at the meeting.
            if not is_present(locked_meeting, member):
                attendance_mark(
                    meeting=locked_meeting,
                    member=member,
                    present=True,
                    actor=actor,
                    request=request,
                )
        else:
            if not is_present(locked_meeting, member):
                raise ValidationError(
                    f"{member.user.get_full_name() or member.user.username} не отмечен(а) "
                    "присутствующим на заседании: секретарь записывает голоса только "
                    "присутствующих."
                )
            if previous is not None and previous.cast_by_member:
                raise ValidationError(
                    "Член комиссии проголосовал(а) сам(а): этот голос никто другой не меняет."
                )
        previous_choice = previous.choice if previous is not None else None
        vote, _ = Vote.objects.update_or_create(
            agenda_item=locked, member=member, defaults={"choice": choice, "recorded_by": actor}
        )
        if previous_choice != choice:
            audit_record(
                actor=actor,
                action="vote.cast",
                obj=locked,
                changes={str(member): (previous_choice, choice)},
                request=request,
            )
    return vote


def agenda_item_decide(
    *, item: AgendaItem, actor, reason: str = "", request: HttpRequest | None = None
) -> AgendaItem:
    """Count the votes of the members present and carry out the majority's decision.

    Only the chair or the secretary of the commission closes a question, and only at the open
    meeting; raise if there is no quorum.
    """
    if not access.can_conduct_meeting(actor, item.meeting):
        raise PermissionDenied("Итог по вопросу подводит председатель или секретарь комиссии.")
    regulation = regulation_in_force()
    with transaction.atomic():
        locked_open_meeting(item.meeting)
        locked = (
            AgendaItem.objects.select_for_update()
            .select_related("meeting__commission")
            .get(pk=item.pk)
        )
        if locked.decision:
            raise ValidationError("Решение по этому вопросу уже принято.")
        members = locked.meeting.commission.members.filter(is_active=True).count()
        # Only the votes of members still on the commission and present at the meeting count.
        present = MeetingAttendance.objects.filter(meeting=locked.meeting, present=True)
        cast = list(
            locked.votes.filter(
                member__is_active=True, member__in=present.values("member")
            ).values_list("choice", "member__role")
        )
        votes = [choice for choice, _ in cast]
        quorum = -(-members * regulation.commission_quorum_percent // 100)  # ceiling
        if members == 0 or len(votes) < max(quorum, 1):
            raise ValidationError(
                f"Нет кворума: проголосовали {len(votes)} из {members}, нужно не менее {quorum}."
            )
        votes_for = votes.count(VoteChoice.FOR)
        votes_against = votes.count(VoteChoice.AGAINST)
        outcome = vote_outcome(
            votes_for=votes_for,
            votes_against=votes_against,
            cast=len(votes),
            presiding_choice=presiding_choice(cast),
            tie_rule=regulation.commission_tie_rule,
        )
        positive = outcome.adopted
        if locked.membership_id:
            decision = Decision.EXTEND if positive else Decision.REFUSE
        else:
            decision = Decision.INCLUDE if positive else Decision.REFUSE
        reason = reason.strip()
        if decision == Decision.REFUSE and not reason:
            raise ValidationError(
                "Большинство не поддержало предложение: укажите обоснование отказа."
            )
        locked.decision = decision
        locked.decision_reason = reason
        locked.decided_at = timezone.now()
        locked.votes_for = votes_for
        locked.votes_against = votes_against
        locked.votes_abstained = votes.count(VoteChoice.ABSTAIN)
        locked.tie_broken_by_chair = outcome.tie_broken
        locked.save(
            update_fields=[
                "tie_broken_by_chair",
                "decision",
                "decision_reason",
                "decided_at",
                "votes_for",
                "votes_against",
                "votes_abstained",
            ]
        )
        _carry_out(locked, actor=actor, request=request)
        audit_record(
            actor=actor,
            action="agenda.decide",
            obj=locked.meeting,
            changes={str(locked): (None, decision)},
            request=request,
        )
    return locked


def _carry_out(item: AgendaItem, *, actor, request) -> None:
    protocol = f"Решение комиссии от {item.meeting.date:%d.%m.%Y}"
    if item.membership_id:
        if item.decision == Decision.EXTEND:
            membership_extend(membership=item.membership, item=item, actor=actor, request=request)
        return
    if item.decision == Decision.INCLUDE:
        nomination_transition(
            nomination=item.nomination,
            to_status=NominationStatus.INCLUDED,
            actor=actor,
            reason=protocol,
            request=request,
        )
        membership_create(item=item, actor=actor, request=request)
    else:
        nomination_transition(
            nomination=item.nomination,
            to_status=NominationStatus.REFUSED,
            actor=actor,
            reason=f"{protocol}: {item.decision_reason}",
            request=request,
        )


def commission_meeting_close(
    *,
    meeting: CommissionMeeting,
    protocol_number: str,
    actor,
    protocol_date: datetime.date | None = None,
    invited: str = "",
    request=None,
) -> CommissionMeeting:
    """Close the meeting (its chair or secretary) with the protocol's number and date."""
    if not access.can_conduct_meeting(actor, meeting):
        raise PermissionDenied("Закрыть заседание может председатель или секретарь комиссии.")
    protocol_number = protocol_number.strip()
    if not protocol_number:
        raise ValidationError("Укажите номер протокола.")
    with transaction.atomic():
        locked = _locked_planned_meeting(meeting)
        undecided = locked.agenda_items.filter(decision="").count()
        if undecided:
            raise ValidationError(f"Не принято решение по вопросам: {undecided}.")
        if not locked.agenda_items.exists():
            raise ValidationError("Повестка пуста: закрывать нечего.")
        if CommissionMeeting.objects.filter(
            commission=locked.commission, protocol_number=protocol_number
        ).exists():
            raise ValidationError("Протокол с таким номером уже есть.")
        protocol_date = protocol_date or timezone.localdate()
        if protocol_date < locked.date:
            raise ValidationError("Протокол не может быть составлен раньше заседания.")
        locked.protocol_number = protocol_number
        locked.protocol_date = protocol_date
        locked.invited = invited.strip()
        locked.status = MeetingStatus.HELD
        locked.held_at = timezone.now()
        locked.save(
            update_fields=["protocol_number", "protocol_date", "invited", "status", "held_at"]
        )
        audit_record(
            actor=actor,
            action="meeting.close",
            obj=locked,
            changes={"protocol_number": ("", protocol_number)},
            request=request,
        )
    return locked
