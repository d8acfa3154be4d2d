"""The ministry's commission: its five members, the summer wave's held meeting and the next one."""

import datetime
import random
from dataclasses import dataclass

from accounts.models import Role, User
from audit.models import AuditSource
from candidates.extensions import assessment_verdicts
from candidates.models import (
    AgendaItem,
    Commission,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    Decision,
    MeetingAttendance,
    MembershipEvent,
    Nomination,
    ReserveMembership,
    Vote,
    VoteChoice,
)
from candidates.services.commission import (
    agenda_item_add,
    agenda_item_decide,
    commission_meeting_close,
    commission_meeting_create,
    nomination_refuse_below_pass_mark,
    vote_cast,
)
from candidates.services.commission_attendance import commission_meeting_open
from candidates.services.commission_setup import commission_create, commission_member_add
from candidates.services.membership import membership_record_order
from demo.builders import DAY, demo_account, ministry_user, moment, restamp_last_change
from demo.selection.roster import ROSTER, DemoCandidate, S, email_of
from governance.selectors import regulation_in_force

COMMISSION_NAME = (
    "Комиссия министерства образования Оренбургской области по формированию кадрового резерва"
)
HELD_MEETING_DAYS_AGO = 63
PLANNED_MEETING_IN_DAYS = 13
HELD_PROTOCOL = "КР-3/2026"
INCLUSION_ORDER = "01-21/1547"
ORDER_DAYS_AFTER_MEETING = 7
MEETING_TIME = datetime.time(15, 0)
PLACE = "г. Оренбург, ул. Советская, д. 54, министерство образования, зал заседаний"
INVITED = "Петренко О. А., начальник управления образования администрации г. Оренбурга"
SIGNATORY = ("Соколова Т. В.", "Министр образования Оренбургской области")


@dataclass(frozen=True)
class DemoMember:
    username: str
    role: Role
    names: tuple[str, str, str]
    seat: CommissionRole
    position: str


MEMBERS = [
    DemoMember("ministry", Role.MINISTRY, ("Кузнецова", "Елена", "Викторовна"),
               CommissionRole.CHAIR,
               "Начальник отдела кадровой политики министерства образования Оренбургской области"),
    DemoMember("expert02", Role.EXPERT, ("Жуков", "Николай", "Васильевич"),
               CommissionRole.DEPUTY_CHAIR,
               "Проректор Института развития образования Оренбургской области"),
    DemoMember("ministry02", Role.MINISTRY, ("Абрамова", "Светлана", "Игоревна"),
               CommissionRole.SECRETARY,
               "Главный специалист отдела кадровой политики министерства образования"),
    DemoMember("expert", Role.EXPERT, ("Лебедева", "Наталья", "Геннадьевна"), CommissionRole.MEMBER,
               "Доцент кафедры управления образованием ОГПУ"),
    DemoMember("expert03", Role.EXPERT, ("Садыкова", "Лилия", "Ринатовна"), CommissionRole.MEMBER,
               "Директор гимназии, заслуженный учитель Российской Федерации"),
]  # fmt: skip


def seed_commission(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Form the ministry's commission: the demo ministry user chairs it, the demo expert sits."""
    ministry = ministry_user()
    if ministry is None:
        return ["Комиссия не создана: нет специалиста министерства."]
    commission = commission_create(name=COMMISSION_NAME, actor=ministry, source=AuditSource.COMMAND)
    for demo in MEMBERS:
        commission_member_add(
            commission=commission,
            user=demo_account(
                username=demo.username,
                role=demo.role,
                names=demo.names,
                email=f"{demo.username}@obr56.example",
            ),
            actor=ministry,
            role=demo.seat,
            position=demo.position,
            source=AuditSource.COMMAND,
        )
    return [f"Комиссия: «{COMMISSION_NAME}», членов {len(MEMBERS)}."]


def commission_has_data() -> bool:
    """Return whether the demo commission is there."""
    return Commission.objects.filter(name=COMMISSION_NAME).exists()


# --- The commission's meetings (held once the summer wave's results are in) ------------------

# Votes of the five members in MEMBERS order: for an inclusion, and for a refusal.
INCLUDE_VOTES = (VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.ABSTAIN)
REFUSE_VOTES = (
    VoteChoice.AGAINST,
    VoteChoice.AGAINST,
    VoteChoice.AGAINST,
    VoteChoice.FOR,
    VoteChoice.ABSTAIN,
)


def _terms(person: DemoCandidate) -> tuple[str, str]:
    """Return the proposed category and readiness: the higher the score, the sooner.

    They agree as the Regulation asks: «оперативный» only with «готов сейчас» or «в течение года».
    """
    if person.score >= 80:
        return "operational", "ready_now"
    if person.score >= 70:
        return "operational", "within_year"
    return "prospective", "within_two_years" if person.score >= 65 else "within_three_years"


def seed_meetings(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Hold the summer wave's meeting in the past and plan the next one with its agenda.

    The assessment stage's demo calls this once the wave's nominations reached «рассмотрение
    комиссией» with their results; without them, or with meetings already there, it does nothing.
    """
    commission = Commission.objects.filter(name=COMMISSION_NAME).first()
    ministry = ministry_user()
    if commission is None or ministry is None or commission.meetings.exists():
        return []
    members = {
        member.user.username: member
        for member in CommissionMember.objects.filter(commission=commission).select_related("user")
    }
    seats = [members[demo.username] for demo in MEMBERS if demo.username in members]
    waiting = {
        nomination.candidate.email: nomination
        for nomination in Nomination.objects.filter(status=S.COMMISSION_REVIEW).select_related(
            "candidate", "position_kind"
        )
    }
    summer = [(p, waiting[email_of(p)]) for p in ROSTER if email_of(p) in waiting]
    # Below the pass mark a nomination never reaches the commission: the ministry refuses it on
    # the deficits of the result.
    for person, nomination in summer:
        if person.story == "refused":
            verdict = assessment_verdicts([nomination.pk], regulation_in_force().pass_threshold)
            nomination_refuse_below_pass_mark(
                nomination=nomination,
                grounds=list(verdict[nomination.pk].deficits),
                actor=ministry,
            )
            refused_on = today - (HELD_MEETING_DAYS_AGO + 3) * DAY
            restamp_last_change(nomination, moment(refused_on, 11, 0))
    held = [(p, n) for p, n in summer if p.story == "included"]
    planned = [(p, n) for p, n in summer if p.story == "review"]
    lines = []
    if held:
        lines.append(_hold_meeting(commission, held, seats, ministry, today))
    if planned:
        lines.append(_plan_meeting(commission, planned, seats, ministry, today))
    return lines


def _hold_meeting(
    commission: Commission,
    held: list[tuple[DemoCandidate, Nomination]],
    seats: list[CommissionMember],
    ministry: User,
    today: datetime.date,
) -> str:
    date = today - HELD_MEETING_DAYS_AGO * DAY
    meeting = commission_meeting_create(
        commission=commission, date=date, starts_at=MEETING_TIME, place=PLACE, actor=ministry
    )
    # Seeded after the day, so the secretary opens it; the chair closes each question.
    commission_meeting_open(meeting=meeting, actor=_seat(seats, CommissionRole.SECRETARY).user)
    chair = _seat(seats, CommissionRole.CHAIR).user
    items = []
    for person, nomination in held:
        category, readiness = _terms(person)
        item = agenda_item_add(
            meeting=meeting,
            nomination=nomination,
            category=category,
            readiness=readiness,
            actor=ministry,
        )
        votes = INCLUDE_VOTES if person.story == "included" else REFUSE_VOTES
        for member, choice in zip(seats, votes, strict=False):
            vote_cast(item=item, member=member, choice=choice, actor=member.user)
        item = agenda_item_decide(
            item=item,
            actor=chair,
            reason=person.note if person.story == "refused" else "",
        )
        items.append((item, nomination))
    commission_meeting_close(
        meeting=meeting,
        protocol_number=HELD_PROTOCOL,
        protocol_date=date,
        invited=INVITED,
        actor=chair,
    )
    memberships = list(ReserveMembership.objects.filter(decision_item__meeting=meeting))
    membership_record_order(
        memberships=memberships,
        order_number=INCLUSION_ORDER,
        order_date=date + ORDER_DAYS_AFTER_MEETING * DAY,
        signatory_name=SIGNATORY[0],
        signatory_post=SIGNATORY[1],
        actor=ministry,
    )
    # The meeting took place on its day: move its record there.
    decided = moment(date, 15, 30)
    CommissionMeeting.objects.filter(pk=meeting.pk).update(
        opened_at=moment(date, 15, 0), held_at=moment(date, 16, 45)
    )
    AgendaItem.objects.filter(meeting=meeting).update(decided_at=decided)
    Vote.objects.filter(agenda_item__meeting=meeting).update(cast_at=moment(date, 15, 0))
    MeetingAttendance.objects.filter(meeting=meeting).update(recorded_at=moment(date, 15, 0))
    MembershipEvent.objects.filter(membership__in=memberships).update(created_at=decided)
    for _item, nomination in items:
        restamp_last_change(nomination, decided)
    included = sum(1 for item, _ in items if item.decision == Decision.INCLUDE)
    return (
        f"Заседание {date:%d.%m.%Y} (протокол № {HELD_PROTOCOL}): включено в резерв "
        f"{included}, отказано {len(items) - included}."
    )


def _seat(seats: list[CommissionMember], role: CommissionRole) -> CommissionMember:
    """Return the member holding the seat (the demo commission has one of each)."""
    return next(seat for seat in seats if seat.role == role)


def _plan_meeting(
    commission: Commission,
    planned: list[tuple[DemoCandidate, Nomination]],
    seats: list[CommissionMember],
    ministry: User,
    today: datetime.date,
) -> str:
    date = today + PLANNED_MEETING_IN_DAYS * DAY
    meeting = commission_meeting_create(
        commission=commission, date=date, starts_at=MEETING_TIME, place=PLACE, actor=ministry
    )
    # Voting by correspondence ahead of the date: the secretary has opened the meeting.
    commission_meeting_open(meeting=meeting, actor=_seat(seats, CommissionRole.SECRETARY).user)
    votes = 0
    for number, (person, nomination) in enumerate(planned):
        category, readiness = _terms(person)
        item = agenda_item_add(
            meeting=meeting,
            nomination=nomination,
            category=category,
            readiness=readiness,
            actor=ministry,
        )
        # Some members voted by correspondence ahead of the meeting; the demo expert has not.
        voters = [seat for seat in seats if seat.user.username != "expert"][: max(0, 3 - number)]
        for member in voters:
            vote_cast(item=item, member=member, choice=VoteChoice.FOR, actor=member.user)
            votes += 1
    return (
        f"Заседание {date:%d.%m.%Y} запланировано: в повестке {len(planned)}, "
        f"голосов уже подано {votes}."
    )
