"""The cohort's way into the reserve, through the selection stage's services as for anyone else.

Each reservist of the development cohort applies with the required documents and consent, is
checked (service against the трудовая книжка, eligibility by 761н), assessed, decided on by the
commission a week before the ministry's order, and included by that order — so the demo reserve
survives `manage.py audit_reserve`. Afterwards the timestamps are moved to the story's days.
"""

import datetime

from accounts.models import User
from candidates.models import (
    AgendaItem,
    Commission,
    CommissionMeeting,
    CommissionRole,
    Document,
    EducationLevel,
    EligibilityCheck,
    MeetingAttendance,
    MembershipEvent,
    Nomination,
    NominationStatus,
    ReserveMembership,
    StatusChange,
    Vote,
    VoteChoice,
    WorkKind,
)
from candidates.services.commission import (
    agenda_item_add,
    agenda_item_decide,
    commission_meeting_close,
    commission_meeting_create,
    vote_cast,
)
from candidates.services.commission_attendance import commission_meeting_open
from candidates.services.documents import document_mark_checked
from candidates.services.eligibility import eligibility_evaluate
from candidates.services.membership import membership_record_order
from candidates.services.nominations import nomination_transition
from candidates.services.records import education_record_add, work_record_add
from candidates.services.verification import work_record_verify
from demo.builders import DAY, Stamps, moment
from demo.selection import COMMISSION_NAME
from demo.selection.application import upload
from demo.selection.commission import MEETING_TIME, PLACE, SIGNATORY
from governance.consent import consent_give
from governance.models import ConsentPurpose, ConsentRecord
from governance.selectors import regulation_in_force

S = NominationStatus
# Days before the order: applied, submitted, checked, admitted, assessed, to the commission.
STEPS = ((S.SUBMITTED, 119), (S.DOCUMENT_CHECK, 116), (S.ADMITTED, 113), (S.ASSESSMENT, 60))
DECIDED_DAYS_BEFORE_ORDER = 7
TITLES = {
    "application": "Zayavlenie",
    "questionnaire": "Anketa",
    "diploma": "Diplom",
    "employment_record": "Svedeniya STD-R",
    "no_criminal_record": "Spravka o nesudimosti",
    "recommendation": "Predstavlenie",
    "consent": "Soglasie",
}


def _records(number: int, started: datetime.date) -> tuple[list[dict], list[dict]]:
    """Return a pedagogy diploma, a management master's and twelve-plus years of service."""
    graduated = 1996 + number % 6
    promoted = datetime.date(started.year - 4 - number % 3, 9, 1)
    education = [
        {
            "level": EducationLevel.HIGHER,
            "degree": "specialist",
            "field": "pedagogy",
            "speciality": "Учитель математики",
            "institution": "Оренбургский государственный педагогический университет",
            "graduation_year": graduated,
        },
        {
            "level": EducationLevel.HIGHER,
            "degree": "master",
            "field": "management",
            "speciality": "Менеджмент в образовании",
            "institution": "Оренбургский государственный университет",
            "graduation_year": promoted.year - 1,
        },
    ]
    work = [
        {
            "organization_name": "МОБУ «Средняя общеобразовательная школа»",
            "post": "Учитель математики",
            "post_code": "teacher",
            "kind": WorkKind.PEDAGOGICAL,
            "started_on": datetime.date(graduated, 9, 1),
            "ended_on": promoted - DAY,
        },
        {
            "organization_name": "МОБУ «Средняя общеобразовательная школа»",
            "post": "Заместитель директора по учебно-воспитательной работе",
            "post_code": "management",
            "kind": WorkKind.MANAGEMENT,
            "started_on": promoted,
            "ended_on": None,
        },
    ]
    return education, work


def apply_and_admit(
    nomination: Nomination, *, number: int, started: datetime.date, ministry: User, stamps: Stamps
) -> None:
    """Fill the application, submit it and walk it to «оценка» as the ministry checks it."""
    user = nomination.candidate.user
    education, work = _records(number, started)
    record = consent_give(user=user, purpose=ConsentPurpose.PERSONAL_DATA)
    stamps.add(ConsentRecord, record.pk, given_at=moment(started - 120 * DAY, 19, 10))
    for data in education:
        education_record_add(nomination=nomination, actor=user, data=data)
    for data in work:
        work_record_add(nomination=nomination, actor=user, data=data)
    for kind in regulation_in_force().required_documents:
        document = upload(nomination, kind, f"{kind}.pdf", TITLES.get(kind, kind), user)
        stamps.add(Document, document.pk, uploaded_at=moment(started - 120 * DAY, 20, 0))
    for status, days in STEPS:
        actor = user if status == S.SUBMITTED else ministry
        day = started - days * DAY
        if status == S.ADMITTED:
            check = eligibility_evaluate(nomination=nomination, actor=ministry, today=day)
            stamps.add(EligibilityCheck, check.pk, evaluated_at=moment(day, 10, 0))
            for document in nomination.documents.all():
                document_mark_checked(document=document, actor=ministry)
                stamps.add(Document, document.pk, checked_at=moment(day, 11, 0))
            for work_record in nomination.candidate.work_records.all():
                work_record_verify(nomination=nomination, record=work_record, actor=ministry)
        nomination = nomination_transition(nomination=nomination, to_status=status, actor=actor)


def include_by_order(
    nomination: Nomination,
    *,
    category: str,
    readiness: str,
    started: datetime.date,
    protocol: str,
    order_number: str,
    ministry: User,
    stamps: Stamps,
) -> ReserveMembership:
    """Put the assessed nomination to the commission, include it, and record the order."""
    nomination = nomination_transition(
        nomination=nomination, to_status=S.COMMISSION_REVIEW, actor=ministry
    )
    decided_on = started - DECIDED_DAYS_BEFORE_ORDER * DAY
    commission = Commission.objects.get(name=COMMISSION_NAME)
    meeting = commission_meeting_create(
        commission=commission, date=decided_on, starts_at=MEETING_TIME, place=PLACE, actor=ministry
    )
    item = agenda_item_add(
        meeting=meeting,
        nomination=nomination,
        category=category,
        readiness=readiness,
        actor=ministry,
    )
    seats = {
        member.role: member.user
        for member in commission.members.filter(is_active=True).select_related("user")
    }
    # Seeded after the day: the secretary opens the meeting, members vote themselves (and so
    # are present), the chair closes the question and the meeting.
    commission_meeting_open(meeting=meeting, actor=seats[CommissionRole.SECRETARY])
    for member in commission.members.filter(is_active=True).select_related("user"):
        vote_cast(item=item, member=member, choice=VoteChoice.FOR, actor=member.user)
    agenda_item_decide(item=item, actor=seats[CommissionRole.CHAIR])
    commission_meeting_close(
        meeting=meeting,
        protocol_number=protocol,
        protocol_date=decided_on,
        actor=seats[CommissionRole.CHAIR],
    )
    membership = ReserveMembership.objects.get(nomination=nomination)
    membership_record_order(
        memberships=[membership],
        order_number=order_number,
        order_date=started,
        signatory_name=SIGNATORY[0],
        signatory_post=SIGNATORY[1],
        actor=ministry,
    )
    decided = moment(decided_on, 15, 30)
    stamps.add(
        CommissionMeeting,
        meeting.pk,
        opened_at=moment(decided_on, 15, 0),
        held_at=moment(decided_on, 16, 40),
    )
    for attendance in MeetingAttendance.objects.filter(meeting=meeting):
        stamps.add(MeetingAttendance, attendance.pk, recorded_at=moment(decided_on, 15, 0))
    stamps.add(AgendaItem, item.pk, decided_at=decided)
    for vote in Vote.objects.filter(agenda_item=item):
        stamps.add(Vote, vote.pk, cast_at=moment(decided_on, 15, 0))
    for event in MembershipEvent.objects.filter(membership=membership):
        when = decided if event.action == "decide_include" else moment(started, 12, 0)
        stamps.add(MembershipEvent, event.pk, created_at=when)
    return ReserveMembership.objects.get(pk=membership.pk)


def restamp_history(nomination: Nomination, started: datetime.date, stamps: Stamps) -> None:
    """Put the nomination's status changes on the days of its way into the reserve."""
    days = {
        S.DRAFT: 121,
        **dict(STEPS),
        S.COMMISSION_REVIEW: 15,
        S.INCLUDED: DECIDED_DAYS_BEFORE_ORDER,
    }
    changes = list(StatusChange.objects.filter(nomination=nomination).order_by("id"))
    when = {}
    for change in changes:
        when[change.to_status] = moment(started - days[change.to_status] * DAY, 11, 0)
        stamps.add(StatusChange, change.pk, created_at=when[change.to_status])
    stamps.add(
        Nomination,
        nomination.pk,
        created_at=when[S.DRAFT],
        submitted_at=when[S.SUBMITTED],
        status_changed_at=when[S.INCLUDED],
    )
