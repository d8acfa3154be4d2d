"""Demo data of the appointment stage, through its services, then moved back to the story's days.

The story, counted back from today:

* Оренбург, a municipal school whose head reaches 60 — a vacancy made from the forecast
  150 days ago. The coordinator builds the shortlist and moves a reservist up with a reason; he
  refuses the offer; the next one accepts; the founder's commission attests her, the founder's
  order (a PDF) appoints her; her induction plan is half-way, with the demo mentor;
* a regional college in Оренбург — a vacancy the ministry entered; the ministry's attestation
  and order appoint the reserve's college director; her plan has just started;
* another Оренбург school from the forecast, with the demo «candidate» offered the post and
  still to answer; a deputy's vacancy entered by hand; an Орск kindergarten with its shortlist.

Deterministic for a given day: organizations are picked by their registry order. A second run
adds nothing.
"""

import datetime
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet, Value
from django.db.models.functions import Replace

from accounts.models import User
from candidates.models import MembershipStatus, ReserveMembership
from demo.builders import DAY, Stamps, demo_pdf, mail_to_nowhere, ministry_user, moment
from development.models import Mentor
from onboarding.appointments.services import (
    appointment_make,
    appointment_order_record,
    attestation_record,
)
from onboarding.induction.services import (
    induction_checkpoint_review,
    induction_mentor_assign,
    induction_task_mark,
)
from onboarding.models import (
    Appointment,
    InductionCheckpoint,
    InductionPlan,
    InductionTask,
    Offer,
    Vacancy,
    VacancyStatusChange,
)
from onboarding.shortlists.services import (
    offer_answer,
    offer_make,
    shortlist_build,
    shortlist_move,
)
from onboarding.vacancies.forecast import DEFAULT_AGE
from onboarding.vacancies.services import vacancy_create, vacancy_create_from_forecast
from registry.models import Founder, Organization, OrganizationKind, PositionKind

ORENBURG = "город Оренбург"
ORSK = "город Орск"


def has_data() -> bool:
    """Return whether the appointment stage already has vacancies."""
    return Vacancy.objects.exists()


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _reservist(last_name: str) -> ReserveMembership | None:
    return (
        ReserveMembership.objects.filter(
            candidate__last_name=last_name, status=MembershipStatus.ACTIVE
        )
        .select_related("candidate")
        .first()
    )


def _oldest_heads(municipality: str, kind: str) -> QuerySet[Organization]:
    return Organization.objects.filter(
        municipality__name=municipality,
        kind=kind,
        founder=Founder.MUNICIPAL,
        is_active=True,
        head_birth_date__isnull=False,
    ).order_by("head_birth_date", "pk")


def _order(title: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        f"{title}.pdf", demo_pdf(title, lines), content_type="application/pdf"
    )


def _backdate_vacancy(
    stamps: Stamps, vacancy: Vacancy, today: datetime.date, days_ago: list[int], **fields
) -> None:
    """Move the vacancy's record and its status changes, in order, to the story's days."""
    stamps.add(
        Vacancy,
        vacancy.pk,
        created_at=moment(today - days_ago[0] * DAY),
        status_changed_at=moment(today - days_ago[-1] * DAY, 12),
        **fields,
    )
    changes = VacancyStatusChange.objects.filter(vacancy=vacancy).order_by("pk")
    for number, change in enumerate(changes):
        when = moment(today - days_ago[min(number, len(days_ago) - 1)] * DAY, 10 + number % 8)
        stamps.add(VacancyStatusChange, change.pk, created_at=when, reason=change.reason)


def _answered(offer: Offer, stamps: Stamps, *, offered: datetime.date, answered: datetime.date):
    """Move an answered offer to the story's days; its history line names the new date."""
    respond_by = offered + 10 * DAY
    stamps.add(
        Offer,
        offer.pk,
        created_at=moment(offered),
        answered_at=moment(answered, 15),
        respond_by=respond_by,
    )
    old = f"ответ до {offer.respond_by:%d.%m.%Y}"
    VacancyStatusChange.objects.filter(vacancy_id=offer.vacancy_id, reason__contains=old).update(
        reason=Replace("reason", Value(old), Value(f"ответ до {respond_by:%d.%m.%Y}"))
    )


def _school_appointment(*, today: datetime.date, coordinator, mentor_user, stamps) -> list[str]:
    """The municipal school: forecast, list, a move, a refusal, the acceptance, the order."""
    school = _oldest_heads(ORENBURG, OrganizationKind.GENERAL).first()
    refusing, accepting = _reservist("Кравченко"), _reservist("Прохорова")
    if school is None or refusing is None or accepting is None:
        return []
    vacancy = vacancy_create_from_forecast(
        organization=school, today=today, months=12, age=DEFAULT_AGE, actor=coordinator
    )
    entries = {
        entry.membership_id: entry
        for entry in shortlist_build(vacancy=vacancy, actor=coordinator, today=today)
    }
    if refusing.pk not in entries or accepting.pk not in entries:
        return [f"Вакансия из прогноза в {school}: список составлен."]
    if entries[refusing.pk].position != 1:
        shortlist_move(
            entry=entries[refusing.pk],
            to_position=1,
            reason="Работает в этом микрорайоне и знает коллектив школы по совместным проектам.",
            actor=coordinator,
        )
    refused = offer_make(
        entry=entries[refusing.pk],
        respond_by=today + 10 * DAY,
        message="Предлагаем должность директора. Вопросы — координатору Морозовой И. С.",
        actor=coordinator,
    )
    offer_answer(
        offer=refused,
        accept=False,
        reason="Не готов оставить дошкольную организацию до окончания учебного года.",
        actor=refusing.candidate.user,
    )
    offer = offer_make(
        entry=entries[accepting.pk], respond_by=today + 10 * DAY, message="", actor=coordinator
    )
    offer_answer(offer=offer, accept=True, actor=accepting.candidate.user)
    appointment = Appointment.objects.get(offer=offer)
    attestation_record(
        appointment=appointment,
        kind="attestation",
        decision="passed",
        held_on=today - 120 * DAY,
        commission="Аттестационная комиссия управления образования администрации г. Оренбурга",
        protocol_number="14",
        actor=coordinator,
    )
    order_date = today - 110 * DAY
    appointment_order_record(
        appointment=appointment,
        order_number="47-к",
        order_date=order_date,
        order_issuer="Управление образования администрации города Оренбурга",
        starts_on=today - 105 * DAY,
        contract_ends_on=today - 105 * DAY + 5 * 365 * DAY,
        order_file=_order(
            "Prikaz 47-k",
            [f"ot {order_date:%d.%m.%Y}", "O naznachenii direktora", school.inn],
        ),
        actor=coordinator,
    )
    appointment_make(appointment=appointment, actor=coordinator)
    _answered(refused, stamps, offered=today - 148 * DAY, answered=today - 140 * DAY)
    _answered(offer, stamps, offered=today - 138 * DAY, answered=today - 130 * DAY)
    # open, listed, moved (no change), offered, refused (listed), offered, filled
    _backdate_vacancy(
        stamps, vacancy, today, [150, 149, 148, 140, 138, 110], opens_on=today - 100 * DAY
    )
    stamps.add(
        Appointment,
        appointment.pk,
        created_at=moment(today - 130 * DAY, 15),
        made_at=moment(order_date, 16),
    )
    plan = InductionPlan.objects.get(appointment=appointment)
    _halfway(plan, today=today, coordinator=coordinator, mentor_user=mentor_user, stamps=stamps)
    return [f"Назначение в {school}: приказ № 47-к, план введения в должность на середине."]


def _halfway(plan: InductionPlan, *, today, coordinator, mentor_user, stamps) -> None:
    """Pass the plan's first two checkpoints, do part of the third, give it the demo mentor."""
    mentor = Mentor.objects.filter(user=mentor_user).first() if mentor_user else None
    organization_id = plan.appointment.vacancy.organization_id
    if mentor is not None and mentor.organization_id != organization_id:
        induction_mentor_assign(plan=plan, mentor=mentor, actor=coordinator)
    new_head = plan.appointment.membership.candidate.user
    comments = {
        1: "Дела приняты по акту, коллектив представлен. Предписаний надзорных органов нет.",
        3: "План ФХД разобран с бухгалтерией; план-график закупок скорректирован.",
    }
    for checkpoint in plan.checkpoints.order_by("month"):
        tasks = list(checkpoint.tasks.order_by("sort_order", "pk"))
        finished = tasks if checkpoint.month in comments else tasks[:1]
        if checkpoint.month > 6:
            finished = []
        for task in finished:
            induction_task_mark(task=task, done=True, note="Сделано", actor=new_head)
            done_on = min(checkpoint.due_on - 7 * DAY, today - 3 * DAY)
            stamps.add(InductionTask, task.pk, done_at=moment(done_on))
        if checkpoint.month in comments:
            induction_checkpoint_review(
                checkpoint=checkpoint, comment=comments[checkpoint.month], actor=coordinator
            )
            stamps.add(
                InductionCheckpoint, checkpoint.pk, reviewed_at=moment(checkpoint.due_on - 2 * DAY)
            )
    stamps.add(InductionPlan, plan.pk, mentor_assigned_at=moment(plan.starts_on + 10 * DAY))


def _college_appointment(*, today: datetime.date, ministry, stamps) -> list[str]:
    """The regional college: entered by the ministry, attested and appointed by the ministry."""
    college = (
        Organization.objects.filter(
            municipality__name=ORENBURG,
            kind=OrganizationKind.VOCATIONAL,
            founder=Founder.REGIONAL,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )
    reservist = _reservist("Никитина")
    if college is None or reservist is None:
        return []
    vacancy = vacancy_create(
        organization=college,
        position_kind=PositionKind.objects.get(code="director-vocational"),
        opens_on=today - 30 * DAY,
        reason="transfer",
        reason_note="Директор переведён на работу в министерство.",
        actor=ministry,
    )
    entries = {
        entry.membership_id: entry
        for entry in shortlist_build(vacancy=vacancy, actor=ministry, today=today)
    }
    if reservist.pk not in entries:
        return [f"Вакансия в {college}: список составлен."]
    offer = offer_make(
        entry=entries[reservist.pk], respond_by=today + 7 * DAY, message="", actor=ministry
    )
    offer_answer(offer=offer, accept=True, actor=reservist.candidate.user)
    appointment = Appointment.objects.get(offer=offer)
    attestation_record(
        appointment=appointment,
        kind="attestation",
        decision="passed",
        held_on=today - 25 * DAY,
        commission="Аттестационная комиссия министерства образования Оренбургской области",
        protocol_number="9",
        actor=ministry,
    )
    order_date = today - 20 * DAY
    appointment_order_record(
        appointment=appointment,
        order_number="312-к",
        order_date=order_date,
        order_issuer="Министерство образования Оренбургской области",
        starts_on=today - 14 * DAY,
        order_file=_order("Prikaz 312-k", [f"ot {order_date:%d.%m.%Y}", college.inn]),
        actor=ministry,
    )
    appointment_make(appointment=appointment, actor=ministry)
    _answered(offer, stamps, offered=today - 40 * DAY, answered=today - 36 * DAY)
    _backdate_vacancy(stamps, vacancy, today, [60, 45, 40, 20])
    stamps.add(Appointment, appointment.pk, created_at=moment(today - 36 * DAY, 15))
    stamps.add(Appointment, appointment.pk, made_at=moment(order_date, 16))
    return [f"Назначение в {college} (региональная): приказ министерства № 312-к."]


def _open_vacancies(*, today: datetime.date, coordinator, orsk_coordinator, stamps) -> list[str]:
    """A school with an offer to the demo candidate, a deputy's vacancy, an Орск kindergarten."""
    lines = []
    schools = list(_oldest_heads(ORENBURG, OrganizationKind.GENERAL)[1:3])
    candidate = _reservist("Васильева")
    if schools and candidate is not None:
        vacancy = vacancy_create_from_forecast(
            organization=schools[0], today=today, months=12, age=DEFAULT_AGE, actor=coordinator
        )
        entries = {
            e.membership_id: e
            for e in shortlist_build(vacancy=vacancy, actor=coordinator, today=today)
        }
        if candidate.pk in entries:
            offer_make(
                entry=entries[candidate.pk],
                respond_by=today + 7 * DAY,
                message="Школа ждёт нового директора к началу полугодия.",
                actor=coordinator,
            )
        _backdate_vacancy(stamps, vacancy, today, [20, 19, 2])
        lines.append(f"Вакансия из прогноза в {schools[0]}: предложение ждёт ответа.")
    if len(schools) > 1:
        deputy = vacancy_create(
            organization=schools[1],
            position_kind=PositionKind.objects.get(code="deputy-general"),
            opens_on=today + 30 * DAY,
            reason="dismissal",
            reason_note="Заместитель по учебной работе подал заявление об увольнении.",
            actor=coordinator,
        )
        _backdate_vacancy(stamps, deputy, today, [3])
        lines.append(f"Вакансия заместителя в {schools[1]} внесена вручную.")
    kindergarten = _oldest_heads(ORSK, OrganizationKind.PRESCHOOL).first()
    if kindergarten is not None and orsk_coordinator is not None:
        vacancy = vacancy_create_from_forecast(
            organization=kindergarten,
            today=today,
            months=24,
            age=DEFAULT_AGE,
            actor=orsk_coordinator,
        )
        shortlist_build(vacancy=vacancy, actor=orsk_coordinator, today=today)
        _backdate_vacancy(stamps, vacancy, today, [10, 9])
        lines.append(f"Вакансия заведующего в {kindergarten} (Орск) со списком кандидатов.")
    return lines


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the appointment stage's story, once; return lines for the report."""
    if has_data():
        return ["Вакансии уже есть: история назначений не добавляется."]
    ministry = ministry_user()
    coordinator = _user("coordinator") or ministry
    stamps = Stamps()
    with mail_to_nowhere():
        lines = _school_appointment(
            today=today, coordinator=coordinator, mentor_user=_user("mentor"), stamps=stamps
        )
        lines += _college_appointment(today=today, ministry=ministry, stamps=stamps)
        lines += _open_vacancies(
            today=today,
            coordinator=coordinator,
            orsk_coordinator=_user("coordinator-orsk"),
            stamps=stamps,
        )
        stamps.apply()
    return lines or ["Вакансий не создано: в демо нет резервистов или организаций."]
