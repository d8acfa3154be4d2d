"""Development plans in every state, and the catalogue's internships hosted by demo schools."""

import datetime
import random
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role, User
from assessment.models import CompetencyFramework
from candidates.models import ReserveMembership
from demo.builders import DAY, Stamps, current_competencies, demo_account, demo_pdf, ministry_user
from demo.development.cohort import CAMPAIGN_NAME, COHORT, closed_campaign, reservist_add
from development.models import (
    Activity,
    ActivityKind,
    DevelopmentPlan,
    PlanItem,
    PracticeStatus,
    PracticeWitness,
    WitnessKind,
)
from development.plans.services.evidence import plan_item_add_completion, plan_item_add_practice
from development.plans.services.generation import plan_generate
from development.plans.services.items import plan_item_add
from development.plans.services.practice import practice_confirm, practice_return
from development.plans.services.workflow import plan_approve, plan_start, plan_submit
from development.practice.criteria import CRITERIA_CODES
from development.practice.services import good_practice_propose, good_practice_review
from registry.models import Organization

# A one-page PDF standing in for a scanned certificate (it passes core.uploads' checks).
DEMO_PDF = demo_pdf("Udostoverenie o povyshenii kvalifikatsii", ["Obrazets dlya demonstratsii"])
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
        "город Оренбург", "general", 2, 36, -75, 5, 6, ("K02", "K07"), (1, 3),
    ),
    Internship(
        "Стажировка: финансово-хозяйственная деятельность и закупки в школе",
        "План ФХД, муниципальное задание, планирование и проведение закупок в действующей школе.",
        "город Оренбург", "general", 4, 36, -40, 5, 5, ("K05",), (1, 2),
    ),
    Internship(
        "Стажировка: управление дошкольной организацией и доступная среда",
        "Организация работы детского сада, инклюзивные группы, паспорт доступности.",
        "город Оренбург", "preschool", 0, 24, 110, 4, 5, ("K06", "K03"), (1, 3),
    ),
    Internship(
        "Стажировка: развитие колледжа и партнёрство с работодателями",
        "Программа развития колледжа, целевое обучение, попечительский совет.",
        "город Оренбург", "vocational", 0, 36, 150, 5, 4, ("K08", "K01"), (2, 3),
    ),
    Internship(
        "Стажировка: сельская школа — команда и сетевое взаимодействие",
        "Малокомплектная школа: команда, сетевые программы с соседними школами и колледжем.",
        "Оренбургский муниципальный район", "general", 0, 24, 200, 4, 5, ("K04", "K08"), (1, 2),
    ),
    Internship(
        "Стажировка-дублирование: неделя директора школы",
        "Исполнение обязанностей директора под руководством наставника: приказы, совещание, "
        "тарификация, отчёт учредителю.",
        "город Орск", "general", 2, 24, 240, 5, 4, ("K03", "K05", "K06"), (2, 3),
    ),
]  # fmt: skip


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
    competencies = current_competencies()
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


# How the head answers the practice items of a plan in work, in turn: most are confirmed, one
# waits for the head's answer (the demo «head» finds it on their page), one is returned.
ANSWERS = ("confirm", "confirm", "pending", "confirm", "return")
RETURN_NOTE = (
    "Опишите, что именно изменилось после курса и для кого: приложите приказ или протокол "
    "педсовета, а не план мероприятий."
)


def _evidence(item: PlanItem, user, number: int, head, answer: str) -> None:
    upload = SimpleUploadedFile(f"udostoverenie-{item.pk}.pdf", DEMO_PDF)
    plan_item_add_completion(
        item=item, actor=user, uploaded_file=upload, note="Удостоверение о повышении квалификации"
    )
    plan_item_add_practice(
        item=item,
        actor=user,
        confirmer=head,
        description=PRACTICE_NOTES[number % len(PRACTICE_NOTES)],
        link=f"https://school{number}.obr56.example/news/{item.pk}",
    )
    if answer == "confirm":
        practice_confirm(item=item, actor=head, comment="Видела на педсовете и в документах школы.")
    elif answer == "return":
        practice_return(item=item, actor=head, comment=RETURN_NOTE)


def _share_first_practice(plan: DevelopmentPlan, user, ministry, *, publish: bool) -> None:
    """Offer the plan's first confirmed practice to the bank; publish the demo candidate's."""
    item = plan.items.filter(practice_status=PracticeStatus.CONFIRMED).order_by("pk").first()
    if item is None or item.competency_id is None:
        return
    practice = good_practice_propose(
        item=item,
        actor=user,
        title=f"{item.competency.name}: {item.title}"[:300],
        summary=(
            f"{item.practice_description} Что понадобилось: решение педагогического совета, "
            "один месяц на подготовку, методическая помощь наставника."
        ),
        consent=True,
    )
    if publish:
        good_practice_review(
            practice=practice, actor=ministry, criteria_met=CRITERIA_CODES, comment=""
        )


def head_of(membership: ReserveMembership, number: int):
    """Return the account of the head of the reservist's organization, as a practice witness.

    The demo «candidate» has the demo «head» (who signs in); the others get an account each.
    """
    organization = membership.candidate.organization
    if number == 0:
        head = User.objects.filter(username="head").first()
    else:
        last_name, first_name, middle_name = HEADS[number % len(HEADS)]
        head = demo_account(
            username=f"head{number:02d}",
            role=Role.MENTOR,
            names=(last_name, first_name, middle_name),
            email=f"head{number:02d}@obr56.example",
        )
    if head is None or organization is None:
        return None
    PracticeWitness.objects.get_or_create(
        user=head, kind=WitnessKind.HEAD, organization=organization
    )
    return head


HEADS = [
    ("Белоусова", "Татьяна", "Михайловна"),
    ("Горбунов", "Виктор", "Павлович"),
    ("Щукина", "Лариса", "Евгеньевна"),
    ("Антонов", "Роман", "Игоревич"),
    ("Данилова", "Светлана", "Олеговна"),
]


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
    head = head_of(membership, number)
    answered = 0
    for item in plan.items.select_related("activity").order_by("due_date"):
        held = item.activity is not None and item.activity.ends_on and item.activity.ends_on < today
        if head is not None and (held or (item.activity is None and number % 3 == 0)):
            _evidence(item, user, number, head, ANSWERS[(number + answered) % len(ANSWERS)])
            answered += 1
    _share_first_practice(plan, user, ministry, publish=number == 0)


# The selection stage's held meeting has protocol № 3 of the year (demo.selection).
HELD_MEETING_NUMBER = 3


def seed_plans(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Add the internships, a cohort of assessed reservists and their plans in every state."""
    internships = _seed_internships(today)
    framework = CompetencyFramework.objects.filter(is_current=True).first()
    ministry = ministry_user()
    if framework is None or ministry is None:
        return [
            f"Стажировок добавлено: {internships}; резервисты не созданы (нет модели или "
            "специалиста министерства)."
        ]
    campaign = closed_campaign(
        name=CAMPAIGN_NAME,
        framework=framework,
        starts_on=today - 260 * DAY,
        ends_on=today - 225 * DAY,
    )
    memberships = 0
    plans = 0
    stamps = Stamps()
    # The commission met and the ministry ordered the inclusions in the order of the dates.
    dates = sorted({person.started_days_ago for person in COHORT}, reverse=True)
    meetings = [number for number in range(1, len(dates) + 2) if number != HELD_MEETING_NUMBER]
    for number, person in enumerate(COHORT):
        rank = dates.index(person.started_days_ago)
        membership = reservist_add(
            person,
            number,
            campaign=campaign,
            today=today,
            rng=rng,
            protocol=f"КР-{meetings[rank]}/{today.year}",
            order_number=f"01-21/{1500 + rank}",
            stamps=stamps,
        )
        if membership is None:
            continue
        memberships += 1
        if person.plan:
            _plan(membership, person.plan, ministry=ministry, today=today, number=number)
            plans += 1
    stamps.apply()
    return [
        f"Стажировок в каталоге добавлено: {internships}.",
        f"Резервистов с результатами оценки: {memberships}, планов развития: {plans}.",
    ]


def plans_have_data() -> bool:
    """Return whether plans or the demo's internships are there."""
    return (
        DevelopmentPlan.objects.exists()
        or Activity.objects.filter(kind=ActivityKind.INTERNSHIP).exists()
    )
