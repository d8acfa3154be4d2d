"""Demo data of the development stage, one function per topic, called in order by seed_demo.

Plans come first: they bring a small cohort of reservists (the demo «candidate» among them) with
finished assessments, the internships of the catalogue (hosted by demo organizations) and plans in
every state. Mentoring and the well-being pulse build on that cohort: add their functions to
TOPICS below. Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings

from accounts import services as account_services
from accounts.models import Role, User
from assessment.models import (
    Campaign,
    CampaignStatus,
    Competency,
    CompetencyFramework,
    Participant,
    PositionGroup,
    Result,
    TargetLevel,
)
from assessment.scoring import InstrumentScores, compute, level_of, rank
from audit.models import AuditSource
from candidates.models import (
    Candidate,
    MembershipEvent,
    MembershipStatus,
    Nomination,
    NominationSource,
    NominationStatus,
    ReserveMembership,
    StatusChange,
)
from development.models import (
    Activity,
    ActivityKind,
    DevelopmentPlan,
    Mentor,
    Mentorship,
    PlanItem,
    PulseResponse,
)
from development.services.mentoring import mentor_create, mentorship_confirm, mentorship_propose
from development.services.mentoring_sessions import session_answer, session_create
from development.services.plans import (
    plan_approve,
    plan_generate,
    plan_item_add,
    plan_start,
    plan_submit,
)
from development.services.plans_evidence import plan_item_add_completion, plan_item_add_practice
from development.services.wellbeing import pulse_answer_submit, pulse_consent_give
from development.wellbeing import PULSE_ITEMS
from governance.selectors import regulation_in_force
from registry.models import Municipality, Organization, PositionKind

DAY = datetime.timedelta(days=1)
# A minimal but well-formed PDF, standing in for a scanned certificate.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PRACTICE_NOTES = [
    "Провела педагогический совет по итогам курса; утверждено положение о внутренней системе "
    "оценки качества, график контрольных процедур размещён на сайте школы.",
    "Подготовил обоснование начальной цены и провёл первую самостоятельную закупку малого "
    "объёма; замечаний бухгалтерии нет.",
    "Разработал вместе с командой план устранения замечаний по доступной среде; две позиции "
    "выполнены за счёт внебюджетных средств.",
    "Организовала встречу с родительским комитетом по новому формату открытых уроков; "
    "протокол встречи приложен.",
]


@dataclass(frozen=True)
class Internship:
    title: str
    description: str
    municipality: str
    kind: str  # the host's kind in the registry
    position: int  # which of those organizations (by INN), so the host is stable
    hours: int
    starts_in_days: int  # from the seeding day; negative for one already held
    length_days: int
    places: int
    codes: tuple[str, ...]
    levels: tuple[int, int]


INTERNSHIPS = [
    Internship(
        "Стажировка: управление качеством образования и ВСОКО",
        "Работа методического совета, мониторинг образовательных результатов, управленческие "
        "решения по итогам оценочных процедур.",
        "город Оренбург",
        "general",
        2,
        36,
        -75,
        5,
        6,
        ("K02", "K07"),
        (1, 3),
    ),
    Internship(
        "Стажировка: финансово-хозяйственная деятельность и закупки в школе",
        "План ФХД, муниципальное задание, планирование и проведение закупок в действующей школе.",
        "город Оренбург",
        "general",
        4,
        36,
        -40,
        5,
        5,
        ("K05",),
        (1, 2),
    ),
    Internship(
        "Стажировка: управление дошкольной организацией и доступная среда",
        "Организация работы детского сада, инклюзивные группы, паспорт доступности.",
        "город Оренбург",
        "preschool",
        0,
        24,
        110,
        4,
        5,
        ("K06", "K03"),
        (1, 3),
    ),
    Internship(
        "Стажировка: развитие колледжа и партнёрство с работодателями",
        "Программа развития колледжа, целевое обучение, попечительский совет.",
        "город Оренбург",
        "vocational",
        0,
        36,
        150,
        5,
        4,
        ("K08", "K01"),
        (2, 3),
    ),
    Internship(
        "Стажировка: сельская школа — команда и сетевое взаимодействие",
        "Малокомплектная школа: команда, сетевые программы с соседними школами и колледжем.",
        "Оренбургский муниципальный район",
        "general",
        0,
        24,
        200,
        4,
        5,
        ("K04", "K08"),
        (1, 2),
    ),
    Internship(
        "Стажировка-дублирование: неделя директора школы",
        "Исполнение обязанностей директора под руководством наставника: приказы, совещание, "
        "тарификация, отчёт учредителю.",
        "город Орск",
        "general",
        2,
        24,
        240,
        5,
        4,
        ("K03", "K05", "K06"),
        (2, 3),
    ),
]


@dataclass(frozen=True)
class DemoReservist:
    last_name: str
    first_name: str
    middle_name: str
    municipality: str
    position: str
    started_days_ago: int
    plan: str  # the plan's state in the demo: "", draft, on_approval, approved, in_progress
    scores: tuple[tuple[str, int], ...] = ()  # fixed scores; the rest are drawn


# The demo «candidate» account is the first: a reservist working on an approved plan.
COHORT = [
    DemoReservist(
        "Васильева",
        "Ольга",
        "Александровна",
        "город Оренбург",
        "director-general",
        210,
        "in_progress",
        (("K02", 12), ("K05", 15), ("K06", 40), ("K08", 38)),
    ),
    DemoReservist(
        "Кравченко", "Дмитрий", "Игоревич", "город Оренбург", "director-general", 150, "on_approval"
    ),
    DemoReservist(
        "Ахметова", "Гульнара", "Рашидовна", "город Оренбург", "head-preschool", 150, "in_progress"
    ),
    DemoReservist(
        "Соловьёв", "Андрей", "Викторович", "город Оренбург", "deputy-general", 90, "draft"
    ),
    DemoReservist(
        "Никитина", "Елена", "Сергеевна", "город Оренбург", "director-vocational", 60, ""
    ),
    DemoReservist(
        "Белова", "Марина", "Олеговна", "город Орск", "director-general", 180, "in_progress"
    ),
    DemoReservist(
        "Захаров", "Павел", "Николаевич", "город Орск", "deputy-general", 120, "on_approval"
    ),
    DemoReservist(
        "Ермекова", "Айгуль", "Маратовна", "город Орск", "head-preschool", 100, "approved"
    ),
    DemoReservist(
        "Тимофеев", "Игорь", "Владимирович", "город Бузулук", "director-general", 160, "in_progress"
    ),
    DemoReservist(
        "Руденко", "Светлана", "Петровна", "город Бузулук", "director-additional", 45, ""
    ),
    DemoReservist(
        "Мельникова",
        "Анна",
        "Юрьевна",
        "Оренбургский муниципальный район",
        "director-general",
        130,
        "draft",
    ),
    DemoReservist(
        "Карпов",
        "Сергей",
        "Алексеевич",
        "Оренбургский муниципальный район",
        "deputy-general",
        75,
        "on_approval",
    ),
]
CAMPAIGN_NAME = "Комплексная оценка кандидатов в резерв 2026"


# --- Plans and the catalogue's internships -------------------------------------------------


def _hosts() -> dict[tuple[str, str], list[Organization]]:
    hosts: dict[tuple[str, str], list[Organization]] = {}
    for organization in (
        Organization.objects.filter(
            municipality__name__in={item.municipality for item in INTERNSHIPS}, is_active=True
        )
        .select_related("municipality")
        .order_by("inn")
    ):
        hosts.setdefault((organization.municipality.name, organization.kind), []).append(
            organization
        )
    return hosts


def _seed_internships(today: datetime.date) -> int:
    hosts = _hosts()
    competencies = {c.code: c for c in Competency.objects.filter(framework__is_current=True)}
    created = 0
    for item in INTERNSHIPS:
        candidates = hosts.get((item.municipality, item.kind), [])
        if not candidates or Activity.objects.filter(title=item.title).exists():
            continue
        host = candidates[min(item.position, len(candidates) - 1)]
        starts = today + datetime.timedelta(days=item.starts_in_days)
        activity = Activity.objects.create(
            kind=ActivityKind.INTERNSHIP,
            title=item.title,
            description=item.description,
            provider="Региональный институт развития образования",
            host_organization=host,
            tutor_name=host.head_full_name or "руководитель площадки",
            hours=item.hours,
            format="in_person",
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=item.length_days - 1),
            places=item.places,
            min_level=item.levels[0],
            max_level=item.levels[1],
        )
        activity.competencies.set([competencies[code] for code in item.codes])
        created += 1
    return created


def _account(person: DemoReservist, number: int) -> User:
    username = "candidate" if number == 0 else f"reservist{number:02d}"
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    return account_services.user_create(
        username=username,
        password=None,  # demo reservists other than «candidate» do not sign in
        role=Role.CANDIDATE,
        last_name=person.last_name,
        first_name=person.first_name,
        middle_name=person.middle_name,
        email=f"reservist{number:02d}@obr56.example",
        actor=None,
        source=AuditSource.COMMAND,
    )


def _result(
    participant: Participant, framework, rng: random.Random, fixed: dict[str, int]
) -> Result:
    """Compute a believable result: two instruments, a few competencies below the target."""
    names = dict(framework.competencies.values_list("code", "name"))
    group = participant.position_group
    targets = dict(
        TargetLevel.objects.filter(
            competency__framework=framework, position_group=group
        ).values_list("competency__code", "level")
    )
    weights = regulation_in_force().assessment_weights
    # Fixed gaps tell a story; the other competencies are then at or near the target.
    drawn = (55, 95) if fixed else (25, 95)
    instruments = [
        InstrumentScores(
            key="",
            name=label,
            weight=weights.get(kind, 20),
            scores={code: float(fixed.get(code, rng.randint(*drawn))) for code in names},
        )
        for kind, label in (("self_assessment", "Самооценка"), ("case", "Управленческие кейсы"))
    ]
    outcome = compute(
        instruments=instruments, competency_names=names, targets=targets, threshold=60
    )
    return Result.objects.create(
        participant=participant,
        competency_scores={code: float(score) for code, score in outcome.competency_scores.items()},
        total=outcome.total,
        passed=outcome.passed,
        gaps=[gap.__dict__ for gap in outcome.gaps],
        trace=outcome.trace,
        is_complete=True,
    )


def _reservist(
    person: DemoReservist, number: int, *, campaign: Campaign, today, rng
) -> ReserveMembership | None:
    user = _account(person, number)
    if Candidate.objects.filter(user=user).exists():
        return None
    municipality = Municipality.objects.get(name=person.municipality)
    organization = (
        Organization.objects.filter(municipality=municipality, is_active=True)
        .order_by("inn")[number % 5 : number % 5 + 1]
        .first()
    )
    candidate = Candidate.objects.create(
        user=user,
        last_name=person.last_name,
        first_name=person.first_name,
        middle_name=person.middle_name,
        email=user.email or f"{user.username}@obr56.example",
        municipality=municipality,
        organization=organization,
        position="Заместитель директора по учебно-воспитательной работе",
        birth_date=datetime.date(1978 + number, 1 + number % 12, 10 + number),
    )
    position = PositionKind.objects.get(code=person.position)
    started = today - datetime.timedelta(days=person.started_days_ago)
    nomination = Nomination.objects.create(
        candidate=candidate,
        position_kind=position,
        municipality=municipality,
        source=NominationSource.MUNICIPAL_AUTHORITY,
        status=NominationStatus.INCLUDED,
    )
    StatusChange.objects.create(
        nomination=nomination, from_status="", to_status=NominationStatus.INCLUDED
    )
    participant = Participant.objects.create(
        campaign=campaign,
        candidate=candidate,
        nomination=nomination,
        position_group=PositionGroup.DEPUTY if "deputy" in person.position else PositionGroup.HEAD,
        municipality=municipality,
    )
    _result(participant, campaign.framework, rng, dict(person.scores))
    Participant.objects.filter(pk=participant.pk).update(
        completed_at=datetime.datetime.combine(
            started - 20 * DAY, datetime.time(12), tzinfo=datetime.UTC
        )
    )
    membership = ReserveMembership.objects.create(
        candidate=candidate,
        nomination=nomination,
        position_kind=position,
        municipality=municipality,
        category="operational" if number % 3 else "prospective",
        readiness="one_two_years",
        started_on=started,
        term_ends_on=regulation_in_force().term_end(started),
    )
    MembershipEvent.objects.create(
        membership=membership,
        action="include",
        to_status=membership.status,
        reason=f"Решение комиссии от {started:%d.%m.%Y}",
        new_term_ends_on=membership.term_ends_on,
    )
    return membership


def _evidence(item: PlanItem, user, number: int) -> None:
    upload = SimpleUploadedFile(f"udostoverenie-{item.pk}.pdf", DEMO_PDF)
    plan_item_add_completion(
        item=item, actor=user, uploaded_file=upload, note="Удостоверение о повышении квалификации"
    )
    plan_item_add_practice(
        item=item,
        actor=user,
        description=PRACTICE_NOTES[number % len(PRACTICE_NOTES)],
        link=f"https://school{number}.obr56.example/news/{item.pk}",
    )


def _plan(membership: ReserveMembership, state: str, *, ministry, today, number) -> None:
    user = membership.candidate.user
    # A plan in work was drawn up when the reservist joined; the others only lately.
    working = state == "in_progress"
    drawn_up = membership.started_on if working else max(membership.started_on, today - 7 * DAY)
    plan = plan_generate(membership=membership, actor=user, today=drawn_up)
    if not plan.items.exists() or state in ("", "draft"):
        return
    # A task of one's own next to the catalogue's activities.
    plan_item_add(
        plan=plan,
        actor=user,
        title="Выступить на педагогическом совете с планом изменений по итогам оценки",
        due_date=max(plan.starts_on, today + (-30 if working else 45) * DAY),
    )
    plan_submit(plan=plan, actor=user)
    if state == "on_approval":
        return
    plan_approve(plan=plan, actor=ministry)
    if state == "approved":
        return
    plan_start(plan=plan, actor=user)
    for item in plan.items.select_related("activity").order_by("due_date"):
        held = item.activity is not None and item.activity.ends_on and item.activity.ends_on < today
        if held or (item.activity is None and number % 3 == 0):
            _evidence(item, user, number)


def seed_plans(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Add the internships, a cohort of assessed reservists and their plans in every state."""
    internships = _seed_internships(today)
    framework = CompetencyFramework.objects.filter(is_current=True).first()
    ministry = User.objects.filter(role=Role.MINISTRY).order_by("pk").first()
    if framework is None or ministry is None:
        return [
            f"Стажировок добавлено: {internships}; резервисты не созданы (нет модели или "
            "специалиста министерства)."
        ]
    campaign, _ = Campaign.objects.get_or_create(
        name=CAMPAIGN_NAME,
        defaults={
            "framework": framework,
            "status": CampaignStatus.CLOSED,
            "starts_on": today - 260 * DAY,
            "ends_on": today - 225 * DAY,
            "pass_threshold": 60,
        },
    )
    memberships = 0
    plans = 0
    for number, person in enumerate(COHORT):
        membership = _reservist(person, number, campaign=campaign, today=today, rng=rng)
        if membership is None:
            continue
        memberships += 1
        if person.plan:
            _plan(membership, person.plan, ministry=ministry, today=today, number=number)
            plans += 1
    return [
        f"Стажировок в каталоге добавлено: {internships}.",
        f"Резервистов с результатами оценки: {memberships}, планов развития: {plans}.",
    ]


def _plans_have_data() -> bool:
    return (
        DevelopmentPlan.objects.exists()
        or Activity.objects.filter(kind=ActivityKind.INTERNSHIP).exists()
    )


# --- Mentoring: mentors, pairs, sessions ---------------------------------------------------


@dataclass(frozen=True)
class DemoMentor:
    username: str  # «mentor» is the demo account that signs in; the others do not
    names: tuple[str, str, str]
    municipality: str
    kind: str
    position: str
    years: int
    capacity: int
    strengths: tuple[tuple[str, int], ...]
    is_available: bool = True


MENTORS = [
    DemoMentor(
        "mentor",
        ("Григорьев", "Сергей", "Петрович"),
        "город Оренбург",
        "general",
        "Директор",
        18,
        3,
        (("K05", 4), ("K02", 4), ("K03", 3), ("K01", 3)),
    ),
    DemoMentor(
        "mentor02",
        ("Ковалёва", "Татьяна", "Ивановна"),
        "город Оренбург",
        "preschool",
        "Заведующий",
        14,
        2,
        (("K06", 4), ("K03", 4), ("K04", 3)),
    ),
    DemoMentor(
        "mentor03",
        ("Исмагилов", "Ринат", "Фаридович"),
        "Оренбургский муниципальный район",
        "general",
        "Директор",
        11,
        2,
        (("K04", 4), ("K08", 4), ("K02", 3)),
    ),
    DemoMentor(
        "mentor04",
        ("Фёдорова", "Людмила", "Андреевна"),
        "город Орск",
        "general",
        "Директор",
        16,
        2,
        (("K02", 4), ("K07", 4), ("K05", 3)),
    ),
    DemoMentor(
        "mentor05",
        ("Орлов", "Виктор", "Сергеевич"),
        "город Бузулук",
        "general",
        "Директор",
        9,
        2,
        (("K05", 3), ("K06", 4), ("K09", 3)),
    ),
    DemoMentor(
        "mentor06",
        ("Сидоренко", "Наталья", "Викторовна"),
        "город Новотроицк",
        "additional",
        "Директор",
        12,
        1,
        (("K08", 4), ("K09", 4)),
        is_available=False,
    ),
]
# (reservist's surname, mentor's username, status, days since the pair began)
PAIRS = [
    ("Васильева", "mentor", "active", 150),
    ("Белова", "mentor04", "active", 120),
    ("Тимофеев", "mentor05", "active", 100),
    ("Карпов", "mentor03", "active", 60),
    ("Ахметова", "mentor02", "proposed", 0),
]
# (days ago, minutes, format, topics, agreed actions, competencies, answer, usefulness)
SESSIONS = [
    (
        140,
        90,
        "in_person",
        "Знакомство, разбор результатов оценки и целей плана",
        "Прочитать положение о закупках школы",
        ("K05", "K01"),
        "confirmed",
        5,
    ),
    (
        112,
        60,
        "online",
        "Муниципальное задание и план ФХД",
        "Составить проект плана ФХД",
        ("K05",),
        "confirmed",
        4,
    ),
    (
        84,
        90,
        "in_person",
        "Разбор плана-графика закупок на практике",
        "Подготовить обоснование цены контракта",
        ("K05",),
        "confirmed",
        5,
    ),
    (
        56,
        60,
        "online",
        "Внутренняя система оценки качества",
        "Провести мини-аудит ВСОКО",
        ("K02",),
        "disputed",
        None,
    ),
    (
        28,
        90,
        "in_person",
        "Совещание при директоре: как готовить и вести",
        "Провести совещание по итогам четверти",
        ("K03",),
        "confirmed",
        4,
    ),
    (6, 60, "online", "Итоги совещания и обратная связь", "", ("K03", "K02"), "", None),
]


def _mentor_account(demo: DemoMentor) -> User:
    user = User.objects.filter(username=demo.username).first()
    if user is not None:
        return user
    last_name, first_name, middle_name = demo.names
    return account_services.user_create(
        username=demo.username,
        password=None,
        role=Role.MENTOR,
        last_name=last_name,
        first_name=first_name,
        middle_name=middle_name,
        email=f"{demo.username}@obr56.example",
        actor=None,
        source=AuditSource.COMMAND,
    )


def _mentor_organization(demo: DemoMentor, taken: set[int]) -> Organization | None:
    organizations = Organization.objects.filter(
        municipality__name=demo.municipality, is_active=True
    ).exclude(pk__in=taken)
    return (
        organizations.filter(kind=demo.kind).order_by("-inn").first()
        or organizations.order_by("-inn").first()
    )


def _seed_mentors(ministry) -> dict[str, Mentor]:
    competencies = {c.code: c for c in Competency.objects.filter(framework__is_current=True)}
    # Reservists' workplaces stay out: a mentor never comes from the mentee's organization.
    taken = set(Candidate.objects.exclude(organization=None).values_list("organization", flat=True))
    mentors = {}
    for demo in MENTORS:
        organization = _mentor_organization(demo, taken)
        if organization is None:
            continue
        taken.add(organization.pk)
        mentors[demo.username] = mentor_create(
            user=_mentor_account(demo),
            organization=organization,
            position=demo.position,
            years_as_head=demo.years,
            capacity=demo.capacity,
            is_available=demo.is_available,
            strengths={competencies[code]: level for code, level in demo.strengths},
            actor=ministry,
            source=AuditSource.COMMAND,
        )
    return mentors


def _seed_sessions(pair: Mentorship, today: datetime.date, count: int) -> int:
    mentor_user, mentee_user = pair.mentor.user, pair.mentee.user
    competencies = {c.code: c for c in Competency.objects.filter(framework__is_current=True)}
    logged = 0
    for days, minutes, form, topics, actions, codes, answer, usefulness in SESSIONS[-count:]:
        date = today - days * DAY
        if date < pair.started_on:
            continue
        session = session_create(
            mentorship=pair,
            date=date,
            duration_minutes=minutes,
            format=form,
            topics=topics,
            agreed_actions=actions,
            competencies=[competencies[code] for code in codes],
            actor=mentor_user,
        )
        if answer:
            session_answer(
                session=session,
                confirmed=answer == "confirmed",
                usefulness=usefulness,
                comment="" if answer == "confirmed" else "Встреча была, но короче: около 30 минут.",
                actor=mentee_user,
            )
        logged += 1
    return logged


def _seed_reassessment(membership: ReserveMembership, today: datetime.date) -> bool:
    """Add a finished re-assessment in which the earlier gaps grew, for the report's growth."""
    earlier = (
        Result.objects.filter(participant__candidate=membership.candidate)
        .select_related("participant__campaign__framework")
        .order_by("-participant__completed_at")
        .first()
    )
    if earlier is None or not earlier.gaps:
        return False
    campaign, _ = Campaign.objects.get_or_create(
        name="Повторная оценка резервистов 2026",
        defaults={
            "framework": earlier.participant.campaign.framework,
            "status": CampaignStatus.CLOSED,
            "starts_on": today - 40 * DAY,
            "ends_on": today - 10 * DAY,
            "pass_threshold": 60,
        },
    )
    participant = Participant.objects.create(
        campaign=campaign,
        candidate=membership.candidate,
        membership=membership,
        position_group=earlier.participant.position_group,
        municipality=membership.municipality,
        completed_at=datetime.datetime.combine(today - 12 * DAY, datetime.time(12), datetime.UTC),
    )
    gap_codes = {gap["code"] for gap in earlier.gaps}
    scores = {
        code: min(100.0, float(score) + (18.0 if code in gap_codes else 2.0))
        for code, score in earlier.competency_scores.items()
    }
    gaps = [
        {**gap, "level": level_of(scores[gap["code"]])}
        for gap in earlier.gaps
        if level_of(scores[gap["code"]]) < gap["target"]
    ]
    Result.objects.create(
        participant=participant,
        competency_scores=scores,
        total=earlier.total + 8,
        passed=True,
        gaps=gaps,
        is_complete=True,
    )
    return True


def seed_mentoring(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Add mentors with strengths, pairs for part of the cohort, their sessions and answers."""
    ministry = User.objects.filter(role=Role.MINISTRY).order_by("pk").first()
    memberships = {
        membership.candidate.last_name: membership
        for membership in ReserveMembership.objects.select_related("candidate")
    }
    mentors = _seed_mentors(ministry)
    pairs = sessions = reassessed = 0
    for surname, username, status, days in PAIRS:
        membership, mentor = memberships.get(surname), mentors.get(username)
        if membership is None or mentor is None:
            continue
        pair = mentorship_propose(membership=membership, mentor=mentor, actor=ministry)
        pairs += 1
        if status != "active":
            continue
        pair = mentorship_confirm(mentorship=pair, actor=ministry)
        # The demo pair began earlier than today: its meetings go back that far.
        started = today - days * DAY
        proposed = datetime.datetime.combine(started - 7 * DAY, datetime.time(10), datetime.UTC)
        Mentorship.objects.filter(pk=pair.pk).update(started_on=started, created_at=proposed)
        pair.refresh_from_db()
        sessions += _seed_sessions(pair, today, count=len(SESSIONS) if username == "mentor" else 3)
        if surname in ("Белова", "Тимофеев"):
            reassessed += _seed_reassessment(membership, today)
    return [
        f"Наставников: {len(mentors)}, пар: {pairs}, встреч: {sessions}, "
        f"повторных оценок: {reassessed}."
    ]


# --- The well-being pulse ----------------------------------------------------------------------
PULSE_MONTHS = 6  # how far back the demo answers go


def _pulse_answers(rng: random.Random, level: float) -> list[int]:
    """Draw five answers around a person's level of well-being (0–5); workload runs backwards."""
    scores = [min(5, max(0, round(level + rng.uniform(-1.2, 1.2)))) for _ in PULSE_ITEMS]
    return [
        5 - score if item.reversed else score
        for item, score in zip(PULSE_ITEMS, scores, strict=True)
    ]


def seed_wellbeing(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Give the pulse consent for the reservists and mentors and their monthly answers.

    Everyone answers once a month since joining the reserve (the last six months at most),
    now and then skipping a month, but never this month or the one before. The demo «candidate»
    has not answered this month yet, so the questions are waiting.
    """
    people = list(
        User.objects.filter(
            Q(role=Role.MENTOR)
            | Q(role=Role.CANDIDATE, candidate__memberships__status=MembershipStatus.ACTIVE)
        )
        .distinct()
        .order_by("pk")
    )
    first_month = _month_start(today, -PULSE_MONTHS)
    answers = 0
    for user in people:
        membership = None
        if user.role == Role.CANDIDATE:
            membership = user.candidate.memberships.order_by("started_on").first()
        start = first_month
        if membership is not None:
            start = max(first_month, membership.started_on.replace(day=1))
        pulse_consent_give(user=user)
        level = rng.uniform(1.6, 4.2)
        months = _months_between(start, today)
        for month in months:
            is_current = month == today.replace(day=1)
            if is_current and user.username == "candidate":
                continue
            if month not in months[-2:] and rng.random() < 0.2:
                continue  # a month skipped
            level = min(4.6, max(0.8, level + rng.uniform(-0.6, 0.5)))
            day = today if is_current else month + datetime.timedelta(days=rng.randint(2, 25))
            if membership is not None:
                day = min(max(day, membership.started_on), today)
            pulse_answer_submit(
                user=user,
                answers=_pulse_answers(rng, level),
                today=day,
                source=AuditSource.COMMAND,
            )
            answers += 1
    return [f"Опрос благополучия: участников {len(people)}, ответов {answers}."]


def _month_start(day: datetime.date, shift: int) -> datetime.date:
    """Return the first day of the month `shift` months away from the day's."""
    month = day.month - 1 + shift
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _months_between(start: datetime.date, today: datetime.date) -> list[datetime.date]:
    """Return the first days of the months from start's to today's."""
    months = [start]
    while months[-1] < today.replace(day=1):
        months.append(_month_start(months[-1], 1))
    return months


def _wellbeing_has_data() -> bool:
    return PulseResponse.objects.exists()


# --- The topics, in order --------------------------------------------------------------------
# Mentoring and the well-being pulse: append (has_data, seed) pairs of your topic here; both
# may use the cohort seed_plans made (ReserveMembership rows in status «в резерве»).
TOPICS = [
    (_plans_have_data, seed_plans),
    (Mentor.objects.exists, seed_mentoring),
    (_wellbeing_has_data, seed_wellbeing),
]


def has_data() -> bool:
    """Return whether every topic of the development stage already has demo data."""
    return all(has() for has, _ in TOPICS)


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the topics that have no data yet, in order; return lines for the report."""
    lines: list[str] = []
    # The services notify reservists by email once a change commits; the demo people have no
    # mailboxes, so the letters go nowhere (the commit, and so the sending, is inside this block).
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        for has, topic in TOPICS:
            if not has():
                lines += topic(rng=rng, today=today)
        _rank_demo_results()
    return lines


def _rank_demo_results() -> None:
    """Give the results this module wrote their places in their campaigns, as scoring does."""
    unranked = Result.objects.filter(rank__isnull=True).values_list(
        "participant__campaign_id", flat=True
    )
    for campaign_id in set(unranked):
        results = list(Result.objects.filter(participant__campaign_id=campaign_id))
        places = rank({result.pk: result.total for result in results})
        for result in results:
            result.rank = places[result.pk]
        Result.objects.bulk_update(results, ["rank"])
