"""Demo data of the selection stage: forty people in every status of the pipeline, the commission.

Called by `manage.py seed_demo` before the assessment stage's demo. Everything goes through the
services, as a coordinator, a candidate and a ministry specialist would do it on the portal, so
the status history, documents, eligibility checks and the audit log are the ones of real use;
afterwards only the timestamps are moved back to the days the story puts them on.

The story (today is T):
- a summer wave was admitted and assessed in the campaign that started on T − 150 days; the
  commission met on T − 63 days (its included candidates are reservists now) and meets again on
  T + 13 days for the rest. The commission needs the assessment result in view, so the meetings
  are held by `seed_meetings()`, which the assessment stage's demo calls once that wave's
  results are in (this stage may not import the later one);
- an autumn wave is in assessment since T − 18 days (the assessment stage's demo runs it);
- the others are in the earlier statuses: a draft, submitted, checked, returned, admitted, not
  admitted — some eligible by a management degree, some by the DPO route, some not at all.

The demo «candidate» account is not given a nomination here: the development stage's demo makes it
a reservist with its own nomination, and skips any account that already has a profile.
Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Role, User
from audit.models import AuditSource
from candidates.models import (
    AgendaItem,
    Candidate,
    Commission,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    Decision,
    Document,
    EducationLevel,
    EligibilityCheck,
    MembershipEvent,
    Nomination,
    NominationSource,
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
from candidates.services.commission_setup import commission_create, commission_member_add
from candidates.services.documents import document_mark_checked
from candidates.services.eligibility import eligibility_evaluate, eligibility_override
from candidates.services.membership import membership_record_order
from candidates.services.nominations import nomination_create, nomination_transition
from candidates.services.profiles import candidate_nominate, candidate_register
from candidates.services.records import (
    application_document_delete,
    application_document_upload,
    dpo_record_add,
    education_record_add,
    work_record_add,
)
from governance.consent import consent_give
from governance.models import ConsentPurpose, ConsentRecord
from registry.models import Municipality, Organization, PositionKind

S = NominationStatus
DAY = datetime.timedelta(days=1)
DUMMY_EMAIL = "django.core.mail.backends.dummy.EmailBackend"

COMMISSION_NAME = (
    "Комиссия министерства образования Оренбургской области по формированию кадрового резерва"
)
# The calendar of the two waves, in days from today; the assessment stage's demo reads it too.
SUMMER_WAVE_STARTED_DAYS_AGO = 150
AUTUMN_WAVE_STARTED_DAYS_AGO = 18
HELD_MEETING_DAYS_AGO = 63
PLANNED_MEETING_IN_DAYS = 13
HELD_PROTOCOL = "КР-3/2026"
INCLUSION_ORDER = "01-21/1547"


# --- The people ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoCandidate:
    last_name: str
    first_name: str
    middle_name: str
    municipality: str
    target: str  # the position kind applied for
    post: str  # the post held now
    route: str  # how education and experience are drawn: see _history()
    story: str  # where the person's story ends: see STORIES
    age_days: int  # how long ago the nomination was opened
    note: str = ""  # the reason of a return, of non-admission, or of the commission's refusal
    score: int = 0  # summer wave: the assessment total the assessment stage's demo aims at

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name} {self.middle_name}"

    @property
    def wave(self) -> str:
        """Return «summer» or «autumn» for the people the assessment stage takes, else ""."""
        if self.story in SUMMER_STORIES:
            return "summer"
        return "autumn" if self.story == "autumn" else ""


# The statuses each story passes through after the draft, in order.
STORIES: dict[str, tuple[NominationStatus, ...]] = {
    "draft_empty": (),
    "draft": (),
    "submitted": (S.SUBMITTED,),
    "document_check": (S.SUBMITTED, S.DOCUMENT_CHECK),
    "resubmitted": (S.SUBMITTED, S.DOCUMENT_CHECK, S.RETURNED, S.SUBMITTED, S.DOCUMENT_CHECK),
    "returned": (S.SUBMITTED, S.DOCUMENT_CHECK, S.RETURNED),
    "admitted": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED),
    "override": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED),
    "not_admitted": (S.SUBMITTED, S.DOCUMENT_CHECK, S.NOT_ADMITTED),
    "autumn": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
    "included": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
    "refused": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
    "review": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
}
SUMMER_STORIES = ("included", "refused", "review")

DEPUTY_UVR = "Заместитель директора по учебно-воспитательной работе"
DEPUTY_VR = "Заместитель директора по воспитательной работе"
DEPUTY_PRESCHOOL = "Заместитель заведующего по воспитательно-методической работе"
SENIOR_TEACHER = "Старший воспитатель"

ROSTER: list[DemoCandidate] = [
    # город Оренбург: every status of the pipeline.
    DemoCandidate(
        "Тарасова", "Анна", "Николаевна", "город Оренбург", "deputy-general",
        "Учитель русского языка и литературы", "dpo", "draft", 12,
    ),
    DemoCandidate(
        "Галиев", "Руслан", "Ильдарович", "город Оренбург", "director-additional",
        "Заместитель директора по учебно-воспитательной работе", "degree", "draft_empty", 3,
    ),
    DemoCandidate(
        "Шевченко", "Ольга", "Викторовна", "город Оренбург", "head-preschool",
        SENIOR_TEACHER, "dpo", "submitted", 16,
    ),
    DemoCandidate(
        "Дьяченко", "Максим", "Сергеевич", "город Оренбург", "director-general",
        DEPUTY_UVR, "degree", "resubmitted", 34,
        note="Рекомендация подписана заместителем директора. Приложите представление за подписью "
        "руководителя организации.",
    ),
    DemoCandidate(
        "Антонова", "Юлия", "Андреевна", "город Оренбург", "deputy-general",
        "Учитель математики", "dpo", "returned", 27,
        note="В анкете указана профессиональная переподготовка «Менеджмент в образовании» "
        "(520 ч.), но диплом о переподготовке не приложен. Загрузите его скан.",
    ),
    DemoCandidate(
        "Костин", "Артём", "Валерьевич", "город Оренбург", "director-general",
        DEPUTY_UVR, "degree", "admitted", 41,
    ),
    DemoCandidate(
        "Смирнова", "Дарья", "Алексеевна", "город Оренбург", "deputy-general",
        "Учитель английского языка", "young", "not_admitted", 38,
        note="Стаж работы на педагогических и руководящих должностях — чуть больше трёх лет, "
        "Положение требует не менее 5 лет. Рекомендуем выдвинуться повторно, набрав стаж.",
    ),
    DemoCandidate(
        "Исаева", "Марина", "Фаритовна", "город Оренбург", "director-general",
        DEPUTY_UVR, "dpo", "autumn", 58,
    ),
    DemoCandidate(
        "Кириллов", "Денис", "Олегович", "город Оренбург", "deputy-general",
        "Учитель физики", "degree", "autumn", 55,
    ),
    DemoCandidate(
        "Юсупова", "Эльвира", "Рамилевна", "город Оренбург", "head-preschool",
        DEPUTY_PRESCHOOL, "dpo", "autumn", 61,
    ),
    DemoCandidate(
        "Прохорова", "Наталья", "Игоревна", "город Оренбург", "director-general",
        DEPUTY_UVR, "degree", "included", 196, score=88,
    ),
    DemoCandidate(
        "Зайцев", "Константин", "Андреевич", "город Оренбург", "deputy-general",
        "Учитель истории и обществознания", "dpo", "admitted", 45,
    ),
    DemoCandidate(
        "Гусева", "Елена", "Павловна", "город Оренбург", "director-general",
        DEPUTY_VR, "dpo", "refused", 193, score=50,
        note="Итоговый балл комплексной оценки ниже проходного; дефициты в управлении финансами "
        "и персоналом. Рекомендовано пройти программу развития и выдвинуться повторно.",
    ),
    DemoCandidate(
        "Медведева", "Светлана", "Юрьевна", "город Оренбург", "head-preschool",
        DEPUTY_PRESCHOOL, "dpo", "review", 188, score=77,
    ),
    # город Орск.
    DemoCandidate(
        "Бондаренко", "Игорь", "Витальевич", "город Орск", "deputy-general",
        "Учитель информатики", "degree", "draft", 6,
    ),
    DemoCandidate(
        "Жукова", "Татьяна", "Михайловна", "город Орск", "director-general",
        DEPUTY_UVR, "dpo", "submitted", 11,
    ),
    DemoCandidate(
        "Осипова", "Виктория", "Сергеевна", "город Орск", "deputy-preschool",
        SENIOR_TEACHER, "dpo", "document_check", 19,
    ),
    DemoCandidate(
        "Нургалиев", "Айдар", "Салаватович", "город Орск", "director-general",
        DEPUTY_VR, "degree", "returned", 24,
        note="Заявление не подписано и в нём не указана должность, на которую вы претендуете. "
        "Загрузите подписанное заявление.",
    ),
    DemoCandidate(
        "Романова", "Ирина", "Александровна", "город Орск", "deputy-general",
        "Учитель начальных классов", "dpo", "autumn", 57,
    ),
    DemoCandidate(
        "Ткаченко", "Виталий", "Петрович", "город Орск", "director-general",
        DEPUTY_UVR, "degree", "autumn", 63,
    ),
    DemoCandidate(
        "Лысенко", "Оксана", "Владимировна", "город Орск", "head-preschool",
        DEPUTY_PRESCHOOL, "dpo", "included", 192, score=84,
    ),
    DemoCandidate(
        "Щербаков", "Роман", "Евгеньевич", "город Орск", "deputy-general",
        "Учитель физической культуры", "degree", "autumn", 53,
    ),
    DemoCandidate(
        "Коваленко", "Алла", "Геннадьевна", "город Орск", "director-general",
        DEPUTY_UVR, "dpo", "review", 189, score=65,
    ),
    # The other municipalities.
    DemoCandidate(
        "Макарова", "Людмила", "Олеговна", "город Новотроицк", "deputy-general",
        "Учитель химии и биологии", "dpo", "submitted", 9,
    ),
    DemoCandidate(
        "Фомин", "Евгений", "Александрович", "город Новотроицк", "director-additional",
        "Заместитель директора по учебно-воспитательной работе", "degree", "autumn", 54,
    ),
    DemoCandidate(
        "Панова", "Кристина", "Валерьевна", "город Новотроицк", "deputy-general",
        "Учитель русского языка и литературы", "dpo", "included", 191, score=74,
    ),
    DemoCandidate(
        "Ершов", "Михаил", "Юрьевич", "город Бузулук", "director-general",
        DEPUTY_UVR, "dpo", "draft", 4,
    ),
    DemoCandidate(
        "Полякова", "Ангелина", "Викторовна", "город Бузулук", "deputy-preschool",
        SENIOR_TEACHER, "degree", "admitted", 44,
    ),
    DemoCandidate(
        "Клименко", "Олег", "Иванович", "город Бузулук", "deputy-general",
        "Учитель географии", "dpo", "autumn", 52,
    ),
    DemoCandidate(
        "Ильина", "Валентина", "Николаевна", "Оренбургский муниципальный район",
        "director-general", DEPUTY_UVR, "dpo", "submitted", 14,
    ),
    DemoCandidate(
        "Бурлаков", "Станислав", "Петрович", "Оренбургский муниципальный район",
        "director-general", DEPUTY_VR, "degree", "autumn", 60,
    ),
    DemoCandidate(
        "Рахимова", "Лейла", "Маратовна", "Оренбургский муниципальный район",
        "deputy-general", "Учитель математики", "dpo", "review", 194, score=91,
    ),
    DemoCandidate(
        "Степанова", "Галина", "Анатольевна", "Гайский городской округ", "director-general",
        DEPUTY_UVR, "short_dpo", "document_check", 21,
    ),
    DemoCandidate(
        "Мусин", "Тимур", "Рашитович", "Гайский городской округ", "deputy-general",
        "Учитель истории", "degree", "autumn", 56,
    ),
    DemoCandidate(
        "Калинина", "Евгения", "Сергеевна", "Соль-Илецкий городской округ", "head-preschool",
        SENIOR_TEACHER, "dpo", "document_check", 18,
    ),
    DemoCandidate(
        "Куликов", "Владимир", "Андреевич", "Соль-Илецкий городской округ", "director-general",
        DEPUTY_UVR, "degree", "included", 187, score=68,
    ),
    DemoCandidate(
        "Андреева", "Оксана", "Петровна", "Сорочинский городской округ", "deputy-general",
        "Учитель истории", "counsellor", "override", 47,
        note="Старшая вожатая — педагогическая должность по номенклатуре (постановление "
        "Правительства РФ № 225): с учётом этой работы стаж превышает 5 лет.",
    ),
    DemoCandidate(
        "Белоусов", "Кирилл", "Николаевич", "Сорочинский городской округ", "deputy-general",
        "Учитель технологии", "dpo", "submitted", 8,
    ),
    DemoCandidate(
        "Сафонова", "Алёна", "Дмитриевна", "город Бугуруслан", "head-preschool",
        SENIOR_TEACHER, "dpo", "autumn", 59,
    ),
    DemoCandidate(
        "Горбунова", "Надежда", "Ивановна", "Саракташский муниципальный район",
        "head-preschool", SENIOR_TEACHER, "college", "not_admitted", 36,
        note="Нет высшего образования: указано среднее профессиональное (педагогический "
        "колледж). Положение требует высшего образования.",
    ),
]  # fmt: skip

# Mobile operators' codes common in the Orenburg region.
MOBILE_CODES = ("922", "932", "987", "961", "903", "912")
# Nominated by a coordinator where the demo has one, by the ministry elsewhere; one applied alone.
SELF_NOMINATED = {"Ершов"}
COORDINATORS = {"город Оренбург": "coordinator", "город Орск": "coordinator-orsk"}

MOTIVATIONS = [
    "Рекомендован(а) руководителем организации: успешно руководит методической работой, "
    "готов(а) к управленческой должности.",
    "Высокие результаты работы, опыт руководства проектами школы, лидер педагогического "
    "коллектива.",
    "Замещает руководителя в период отпусков; организовал(а) переход на обновлённые ФГОС.",
    "Победитель муниципального конкурса «Учитель года», руководит методическим объединением.",
]

# fmt: off
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
# fmt: on


def translit(text: str) -> str:
    """Return a Latin spelling of a Russian word, for e-mail addresses and PDF text."""
    out = []
    for char in text:
        latin = _TRANSLIT.get(char.lower(), char)
        out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def email_of(person: DemoCandidate) -> str:
    """Return the person's demo e-mail, which also identifies them on a second run."""
    initials = translit(person.first_name[0] + person.middle_name[0]).lower()
    return f"{translit(person.last_name).lower()}.{initials}@mail56.example"


# --- Education and work histories ------------------------------------------------------------

PEDAGOGY = [
    ("Педагогическое образование (математика и информатика)", "ОГПУ"),
    ("Педагогическое образование (русский язык и литература)", "ОГПУ"),
    ("Педагогическое образование (история и обществознание)", "ОГТИ"),
    ("Педагогическое образование (биология и химия)", "ОГПУ"),
    ("Начальное образование", "ОГТИ"),
    ("Физическая культура", "ОГПУ"),
    ("Педагогика и психология", "БГТИ"),
]
PRESCHOOL_PEDAGOGY = ("Дошкольное образование", "ОГПУ")
INSTITUTIONS = {
    "ОГПУ": "Оренбургский государственный педагогический университет",
    "ОГТИ": "Орский гуманитарно-технологический институт (филиал) ОГУ",
    "БГТИ": "Бузулукский гуманитарно-технологический институт (филиал) ОГУ",
    "ОГУ": "Оренбургский государственный университет",
    "РАНХиГС": "Оренбургский филиал РАНХиГС",
    "ИРО": "Институт развития образования Оренбургской области",
}
MANAGEMENT_DEGREES = [
    ("management", "Менеджмент (менеджмент в образовании)", "ОГУ"),
    ("state_municipal_management", "Государственное и муниципальное управление", "РАНХиГС"),
    ("hr_management", "Управление персоналом", "ОГУ"),
]
RETRAINING = [
    ("management", "Менеджмент в образовании", 520, "ИРО"),
    ("state_municipal_management", "Государственное и муниципальное управление в образовании",
     504, "РАНХиГС"),
    ("management_economics", "Менеджмент и экономика образовательной организации", 280, "ОГПУ"),
]  # fmt: skip
SHORT_COURSES = [
    ("pedagogy", "Реализация требований обновлённых ФГОС НОО и ООО", 36, "ИРО"),
    ("other", "Оказание первой помощи в образовательной организации", 16, "ИРО"),
    ("management", "Управление образовательной организацией: нормативная база", 72, "ИРО"),
]


def _day(today: datetime.date, years_ago: int, month: int, day: int = 1) -> datetime.date:
    return datetime.date(today.year - years_ago, month, day)


def _history(
    person: DemoCandidate, rng: random.Random, today: datetime.date, workplaces: Sequence[str]
) -> tuple[list[dict], list[dict], list[dict]]:
    """Return education, DPO and work records that make the person's route true.

    degree — a management degree after the pedagogical one (route 1); dpo — a pedagogical degree
    and retraining of 250+ hours (route 2); short_dpo — only a 72-hour course; young — under five
    years of service; college — no higher education; counsellor — years as a senior counsellor
    («старшая вожатая»), which the form files under «иная должность».
    """
    current, previous = workplaces
    preschool = "preschool" in person.target or person.post == SENIOR_TEACHER
    speciality, institution = PRESCHOOL_PEDAGOGY if preschool else rng.choice(PEDAGOGY)
    graduated = today.year - rng.randint(11, 22)
    if person.route == "young":
        graduated = today.year - 3 if today.month >= 9 else today.year - 4
    if person.route == "counsellor":
        graduated = today.year - 13
    education = []
    if person.route == "college":
        education.append(
            {
                "level": EducationLevel.SECONDARY_VOCATIONAL,
                "field": "pedagogy",
                "speciality": "Дошкольное образование",
                "institution": "Бугурусланский педагогический колледж",
                "graduation_year": graduated,
            }
        )
    else:
        education.append(
            {
                "level": EducationLevel.HIGHER,
                "field": "pedagogy",
                "speciality": speciality,
                "institution": INSTITUTIONS[institution],
                "graduation_year": graduated,
            }
        )
    if person.route == "degree":
        field, name, where = rng.choice(MANAGEMENT_DEGREES)
        education.append(
            {
                "level": EducationLevel.HIGHER,
                "field": field,
                "speciality": name,
                "institution": INSTITUTIONS[where],
                "graduation_year": min(today.year - 1, graduated + rng.randint(5, 9)),
            }
        )
    dpo = []
    if person.route in ("dpo", "young", "counsellor"):
        field, name, hours, where = rng.choice(RETRAINING)
        dpo.append(
            {
                "programme": name,
                "field": field,
                "hours": hours,
                "year": today.year - rng.randint(1, 4),
                "provider": INSTITUTIONS[where],
            }
        )
    if person.route == "short_dpo":
        field, name, hours, where = SHORT_COURSES[2]
        dpo.append(
            {
                "programme": name,
                "field": field,
                "hours": hours,
                "year": today.year - 2,
                "provider": INSTITUTIONS[where],
            }
        )
    if person.route != "young" and rng.random() < 0.6:
        field, name, hours, where = rng.choice(SHORT_COURSES[:2])
        dpo.append(
            {
                "programme": name,
                "field": field,
                "hours": hours,
                "year": today.year - rng.randint(0, 2),
                "provider": INSTITUTIONS[where],
            }
        )
    return education, dpo, _work(person, rng, today, graduated, current, previous, preschool)


def _work(
    person: DemoCandidate,
    rng: random.Random,
    today: datetime.date,
    graduated: int,
    current: str,
    previous: str,
    preschool: bool,
) -> list[dict]:
    first_post = "Воспитатель" if preschool else person.post
    if person.route == "counsellor":
        return [
            _job(current, "Старшая вожатая", WorkKind.OTHER, _day(today, 13, 9), _day(today, 4, 8)),
            _job(current, person.post, WorkKind.PEDAGOGICAL, _day(today, 4, 9), None),
        ]
    if person.route == "young":
        start = datetime.date(graduated, 9, 1)
        return [_job(current, person.post, WorkKind.PEDAGOGICAL, start, None)]
    if person.route == "college":
        return [
            _job(previous, "Воспитатель", WorkKind.PEDAGOGICAL, datetime.date(graduated, 9, 1),
                 _day(today, 9, 8)),
            _job(current, person.post, WorkKind.PEDAGOGICAL, _day(today, 9, 9), None),
        ]  # fmt: skip
    # A teacher (or educator) since graduation; a deputy for the last few years.
    if person.post.startswith("Заместитель") or person.post == SENIOR_TEACHER:
        promoted = today.year - rng.randint(3, min(8, today.year - graduated - 6))
        teacher_post = first_post if person.post != first_post else "Учитель"
        if not preschool and teacher_post == "Учитель":
            teacher_post = rng.choice(["Учитель математики", "Учитель истории", "Учитель биологии"])
        kind = WorkKind.PEDAGOGICAL if person.post == SENIOR_TEACHER else WorkKind.MANAGEMENT
        return [
            _job(previous, teacher_post, WorkKind.PEDAGOGICAL, datetime.date(graduated, 9, 1),
                 datetime.date(promoted, 8, 31)),
            _job(current, person.post, kind, datetime.date(promoted, 9, 1), None),
        ]  # fmt: skip
    moved = today.year - rng.randint(2, 6)
    return [
        _job(previous, person.post, WorkKind.PEDAGOGICAL, datetime.date(graduated, 9, 1),
             datetime.date(moved, 8, 31)),
        _job(current, person.post, WorkKind.PEDAGOGICAL, datetime.date(moved, 9, 1), None),
    ]  # fmt: skip


def _job(
    organization: str,
    post: str,
    kind: str,
    started: datetime.date,
    ended: datetime.date | None,
) -> dict:
    return {
        "organization_name": organization,
        "post": post,
        "kind": kind,
        "started_on": started,
        "ended_on": ended,
    }


# --- Documents -------------------------------------------------------------------------------

DOCUMENTS = [
    ("application", "Заявление.pdf", "Zayavlenie o vklyuchenii v kadrovyi rezerv"),
    ("questionnaire", "Анкета кандидата.pdf", "Anketa kandidata"),
    ("diploma", "Диплом.pdf", "Diplom o vysshem obrazovanii (kopiya)"),
    ("recommendation", "Представление руководителя.pdf", "Predstavlenie rukovoditelya"),
    ("consent", "Согласие на обработку ПДн.pdf", "Soglasie na obrabotku personalnykh dannykh"),
]
DPO_DOCUMENT = (
    "dpo_certificate",
    "Диплом о переподготовке.pdf",
    "Diplom o perepodgotovke (kopiya)",
)


def demo_pdf(title: str, lines: Sequence[str] = ()) -> bytes:
    """Return a small but complete one-page PDF (cross-reference table included) with text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    operations = ["BT", "/F1 16 Tf", "72 770 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        operations += ["0 -22 Td", f"({escape(line)}) Tj"]
    operations.append("ET")
    stream = "\n".join(operations).encode("latin-1", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def _upload(
    nomination: Nomination, kind: str, name: str, title: str, user: User, extra: str = ""
) -> Document:
    candidate = nomination.candidate
    content = demo_pdf(
        title,
        [
            f"{translit(candidate.last_name)} {translit(candidate.first_name)} "
            f"{translit(candidate.middle_name)}",
            f"Kadrovyi rezerv Orenburgskoi oblasti, zayavka No {nomination.pk}",
            *([extra] if extra else []),
        ],
    )
    return application_document_upload(
        nomination=nomination,
        kind=kind,
        uploaded_file=SimpleUploadedFile(name, content, content_type="application/pdf"),
        actor=user,
    )


# --- Time ------------------------------------------------------------------------------------


def moment(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """Return an aware moment of the day in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Stamps:
    """Timestamps to move back to the story's days, written in a few bulk updates at the end."""

    def __init__(self) -> None:
        self._rows: dict[tuple[type[models.Model], tuple[str, ...]], list] = defaultdict(list)

    def add(self, model: type[models.Model], pk: int, **values: object) -> None:
        self._rows[(model, tuple(sorted(values)))].append(model(pk=pk, **values))

    def apply(self) -> None:
        for (model, fields), rows in self._rows.items():
            model.objects.bulk_update(rows, fields, batch_size=500)
        self._rows.clear()


def restamp_last_change(nomination: Nomination, when: datetime.datetime) -> None:
    """Put the nomination's latest status change (and its «status changed») on a past moment."""
    change = nomination.status_changes.order_by("-id").first()
    if change is not None:
        StatusChange.objects.filter(pk=change.pk).update(created_at=when)
    Nomination.objects.filter(pk=nomination.pk).update(status_changed_at=when)


def _restamp(nomination: Nomination, moments: list[datetime.datetime], stamps: Stamps) -> None:
    """Put the nomination's history on the story's days: one moment per status change."""
    changes = list(nomination.status_changes.order_by("id").values_list("pk", "to_status"))
    submitted = None
    for (pk, to_status), when in zip(changes, moments, strict=True):
        stamps.add(StatusChange, pk, created_at=when)
        submitted = when if to_status == S.SUBMITTED else submitted
    stamps.add(
        Nomination,
        nomination.pk,
        created_at=moments[0],
        status_changed_at=moments[-1],
        submitted_at=submitted,
    )


# --- Seeding the people ----------------------------------------------------------------------


@dataclass
class Staff:
    ministry: User
    coordinators: dict[str, User]


def _staff() -> Staff | None:
    ministry = (
        User.objects.filter(username="ministry").first()
        or User.objects.filter(role=Role.MINISTRY).order_by("pk").first()
    )
    if ministry is None:
        return None
    coordinators = {
        municipality: user
        for municipality, username in COORDINATORS.items()
        if (user := User.objects.filter(username=username, role=Role.MUNICIPAL).first())
    }
    return Staff(ministry=ministry, coordinators=coordinators)


def _workplaces(
    person: DemoCandidate,
    rng: random.Random,
    municipality: Municipality,
    taken: set[int],
) -> tuple[Organization | None, str]:
    """Return the person's organization from the registry and the name of a former one."""
    kind = {
        "head-preschool": "preschool",
        "deputy-preschool": "preschool",
        "director-additional": "additional",
        "director-vocational": "vocational",
        "deputy-vocational": "vocational",
    }.get(person.target, "general")
    organizations = list(
        Organization.objects.filter(municipality=municipality, is_active=True)
        .exclude(pk__in=taken)
        .order_by("inn")
    )
    # The first few by INN host the development stage's reservists and internships.
    pool = [o for o in organizations[5:] if o.kind == kind] or organizations
    organization = rng.choice(pool) if pool else None
    others = [o for o in organizations if o.kind == (organization.kind if organization else kind)]
    former = rng.choice(others) if others else organization
    if organization is not None:
        taken.add(organization.pk)
    return organization, former.short_name if former else "МОБУ «СОШ № 1»"


def _open_nomination(
    person: DemoCandidate,
    *,
    staff: Staff,
    profile: dict,
    position: PositionKind,
    email: str,
    rng: random.Random,
) -> Nomination:
    if person.last_name in SELF_NOMINATED:
        candidate = candidate_register(email=email, password=None, profile=profile)
        return nomination_create(
            candidate=candidate,
            position_kind=position,
            municipality=candidate.municipality,
            source=NominationSource.SELF,
            actor=candidate.user,
            motivation="Хочу развиваться как руководитель: восемь лет веду методическую работу "
            "школы и готов к новой ответственности.",
        )
    coordinator = staff.coordinators.get(person.municipality)
    return candidate_nominate(
        actor=coordinator or staff.ministry,
        email=email,
        profile=profile,
        position_kind=position,
        source=NominationSource.MUNICIPAL_AUTHORITY
        if coordinator or rng.random() < 0.5
        else NominationSource.ORGANIZATION_HEAD,
        motivation=rng.choice(MOTIVATIONS),
        audit_source=AuditSource.COMMAND,
    )


def _fill(
    nomination: Nomination,
    person: DemoCandidate,
    rng: random.Random,
    today: datetime.date,
    former: str,
) -> list[Document]:
    """Fill the application as the candidate would: records first, then the documents."""
    user = nomination.candidate.user
    current = (
        nomination.candidate.organization.short_name if nomination.candidate.organization else ""
    )
    education, dpo, work = _history(person, rng, today, (current or former, former))
    partial = person.story == "draft"
    for data in education:
        education_record_add(nomination=nomination, actor=user, data=data)
    for data in dpo:
        dpo_record_add(nomination=nomination, actor=user, data=data)
    for data in work[-1:] if partial else work:
        work_record_add(nomination=nomination, actor=user, data=data)
    documents = list(DOCUMENTS)
    if dpo and any(record["hours"] >= 250 for record in dpo) and person.story != "returned":
        documents.append(DPO_DOCUMENT)
    if partial:
        documents = documents[:2]
    if person.story == "resubmitted":
        # The first recommendation was signed by the wrong person; it is replaced below.
        documents = [d for d in documents if d[0] != "recommendation"]
        documents.append(("recommendation", "Рекомендация.pdf", "Rekomendatsiya"))
    return [_upload(nomination, kind, name, title, user) for kind, name, title in documents]


def _review(
    nomination: Nomination,
    person: DemoCandidate,
    *,
    staff: Staff,
    today: datetime.date,
    documents: list[Document],
    moments: list[datetime.datetime],
    stamps: Stamps,
) -> None:
    """Walk the nomination through its story's statuses, as the candidate and the ministry do."""
    user = nomination.candidate.user
    ministry = staff.ministry
    wave_start = {
        "summer": today - SUMMER_WAVE_STARTED_DAYS_AGO * DAY,
        "autumn": today - AUTUMN_WAVE_STARTED_DAYS_AGO * DAY,
    }.get(person.wave)
    day = today - person.age_days * DAY
    for position, status in enumerate(STORIES[person.story]):
        actor = user if status == S.SUBMITTED else ministry
        reason = ""
        if status == S.SUBMITTED:
            day += (6 if position == 0 else 5) * DAY
        elif status == S.DOCUMENT_CHECK:
            day += 2 * DAY if position == 1 else DAY
        elif status == S.ASSESSMENT:
            day = wave_start or day + 3 * DAY
        else:
            day += 4 * DAY
        if status == S.DOCUMENT_CHECK:
            check = eligibility_evaluate(nomination=nomination, actor=ministry, today=day)
            stamps.add(EligibilityCheck, check.pk, evaluated_at=moment(day, 11, 30))
        if status in (S.RETURNED, S.NOT_ADMITTED):
            reason = person.note  # what the candidate reads in their account
        if status == S.ADMITTED:
            check = nomination.eligibility_checks.order_by("-evaluated_at", "-id").first()
            if person.story == "override":
                eligibility_override(check=check, actor=ministry, eligible=True, reason=person.note)
                stamps.add(EligibilityCheck, check.pk, override_at=moment(day - DAY, 15, 10))
            for document in documents:
                if not document.is_checked:
                    document_mark_checked(document=document, actor=ministry)
                    document.is_checked = True
                    stamps.add(Document, document.pk, checked_at=moment(day - DAY, 14, 0))
        if status == S.SUBMITTED and position > 0:
            # Back from revision: the right recommendation replaces the wrong one.
            wrong = nomination.documents.get(kind="recommendation")
            application_document_delete(nomination=nomination, document=wrong, actor=user)
            documents[:] = [d for d in documents if d.pk != wrong.pk]
            replaced = _upload(
                nomination,
                "recommendation",
                "Представление директора.pdf",
                "Predstavlenie rukovoditelya",
                user,
                extra="Podpisano direktorom",
            )
            documents.append(replaced)
            stamps.add(Document, replaced.pk, uploaded_at=moment(day - DAY, 19, 40))
        nomination = nomination_transition(
            nomination=nomination,
            to_status=status,
            actor=actor,
            reason=reason,
            source=AuditSource.COMMAND,
        )
        moments.append(moment(day, 9 + position % 8, 5 * (position * 7 % 12)))
    if person.story in ("document_check", "resubmitted"):
        # The specialist has started checking the documents.
        for document in documents[:3]:
            if not document.is_checked:
                document_mark_checked(document=document, actor=ministry)
                stamps.add(Document, document.pk, checked_at=moment(day, 16, 20))


def seed_people(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Nominate the roster and walk each application to where its story ends."""
    staff = _staff()
    if staff is None:
        return ["Кандидаты не созданы: нет специалиста министерства."]
    existing = set(Candidate.objects.values_list("email", flat=True))
    municipalities = {m.name: m for m in Municipality.objects.all()}
    positions = {p.code: p for p in PositionKind.objects.all()}
    taken = set(Candidate.objects.exclude(organization=None).values_list("organization", flat=True))
    stamps = Stamps()
    created = 0
    for person in ROSTER:
        email = email_of(person)
        if email in existing:
            continue
        municipality = municipalities[person.municipality]
        organization, former = _workplaces(person, rng, municipality, taken)
        profile = {
            "last_name": person.last_name,
            "first_name": person.first_name,
            "middle_name": person.middle_name,
            "birth_date": datetime.date(
                today.year - rng.randint(29, 47), rng.randint(1, 12), rng.randint(1, 28)
            ),
            "phone": f"+7 ({rng.choice(MOBILE_CODES)}) {rng.randint(100, 999)}-"
            f"{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            "municipality": municipality,
            "organization": organization,
            "position": person.post,
        }
        if person.story == "draft_empty":
            profile["phone"] = ""
        nomination = _open_nomination(
            person,
            staff=staff,
            profile=profile,
            position=positions[person.target],
            email=email,
            rng=rng,
        )
        opened = today - person.age_days * DAY
        moments = [moment(opened, 10, rng.randint(0, 59))]
        created += 1
        if person.story == "draft_empty":
            _restamp(nomination, moments, stamps)
            continue
        user = nomination.candidate.user
        record = consent_give(user=user, purpose=ConsentPurpose.PERSONAL_DATA)
        stamps.add(ConsentRecord, record.pk, given_at=moment(opened + DAY, 19, rng.randint(0, 59)))
        documents = _fill(nomination, person, rng, today, former)
        for document in documents:
            stamps.add(
                Document, document.pk, uploaded_at=moment(opened + DAY, 20, rng.randint(0, 59))
            )
        _review(
            nomination,
            person,
            staff=staff,
            today=today,
            documents=documents,
            moments=moments,
            stamps=stamps,
        )
        _restamp(nomination, moments, stamps)
    stamps.apply()
    return [f"Кандидатов с заявками: {created} (всего в сценарии {len(ROSTER)})."]


def _people_have_data() -> bool:
    return Candidate.objects.filter(email__in=[email_of(person) for person in ROSTER]).exists()


# --- The commission --------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoMember:
    username: str
    role: Role
    names: tuple[str, str, str]
    seat: CommissionRole
    position: str


MEMBERS = [
    DemoMember(
        "ministry",
        Role.MINISTRY,
        ("Кузнецова", "Елена", "Викторовна"),
        CommissionRole.CHAIR,
        "Начальник отдела кадровой политики министерства образования Оренбургской области",
    ),
    DemoMember(
        "expert02",
        Role.EXPERT,
        ("Жуков", "Николай", "Васильевич"),
        CommissionRole.DEPUTY_CHAIR,
        "Проректор Института развития образования Оренбургской области",
    ),
    DemoMember(
        "ministry02",
        Role.MINISTRY,
        ("Абрамова", "Светлана", "Игоревна"),
        CommissionRole.SECRETARY,
        "Главный специалист отдела кадровой политики министерства образования",
    ),
    DemoMember(
        "expert",
        Role.EXPERT,
        ("Лебедева", "Наталья", "Геннадьевна"),
        CommissionRole.MEMBER,
        "Доцент кафедры управления образованием ОГПУ",
    ),
    DemoMember(
        "expert03",
        Role.EXPERT,
        ("Садыкова", "Лилия", "Ринатовна"),
        CommissionRole.MEMBER,
        "Директор гимназии, заслуженный учитель Российской Федерации",
    ),
]


def _member_account(demo: DemoMember) -> User:
    user = User.objects.filter(username=demo.username).first()
    if user is not None:
        return user
    last_name, first_name, middle_name = demo.names
    return account_services.user_create(
        username=demo.username,
        password=None,  # the additional members do not sign in to the demo
        role=demo.role,
        last_name=last_name,
        first_name=first_name,
        middle_name=middle_name,
        email=f"{demo.username}@obr56.example",
        actor=None,
        source=AuditSource.COMMAND,
    )


def seed_commission(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Form the ministry's commission: the demo ministry user chairs it, the demo expert sits."""
    staff = _staff()
    if staff is None:
        return ["Комиссия не создана: нет специалиста министерства."]
    commission = commission_create(
        name=COMMISSION_NAME, actor=staff.ministry, source=AuditSource.COMMAND
    )
    for demo in MEMBERS:
        commission_member_add(
            commission=commission,
            user=_member_account(demo),
            actor=staff.ministry,
            role=demo.seat,
            position=demo.position,
            source=AuditSource.COMMAND,
        )
    return [f"Комиссия: «{COMMISSION_NAME}», членов {len(MEMBERS)}."]


def _commission_has_data() -> bool:
    return Commission.objects.filter(name=COMMISSION_NAME).exists()


# --- The commission's meetings (called by the assessment stage's demo) ----------------------

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
    """Return the proposed category and readiness: the higher the score, the sooner."""
    if person.score >= 80:
        return "operational", "ready_now"
    if person.score >= 70:
        return "operational", "one_two_years"
    return "prospective", "one_two_years" if person.score >= 60 else "three_plus_years"


def seed_meetings(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Hold the summer wave's meeting in the past and plan the next one with its agenda.

    The assessment stage's demo calls this once the wave's nominations reached «рассмотрение
    комиссией» with their results; without them, or with meetings already there, it does nothing.
    """
    commission = Commission.objects.filter(name=COMMISSION_NAME).first()
    staff = _staff()
    if commission is None or staff is None or commission.meetings.exists():
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
    held = [(p, n) for p, n in summer if p.story in ("included", "refused")]
    planned = [(p, n) for p, n in summer if p.story == "review"]
    lines = []
    if held:
        lines.append(_hold_meeting(commission, held, seats, staff.ministry, today))
    if planned:
        lines.append(_plan_meeting(commission, planned, seats, staff.ministry, today))
    return lines


def _hold_meeting(
    commission: Commission,
    held: list[tuple[DemoCandidate, Nomination]],
    seats: list[CommissionMember],
    ministry: User,
    today: datetime.date,
) -> str:
    date = today - HELD_MEETING_DAYS_AGO * DAY
    meeting = commission_meeting_create(commission=commission, date=date, actor=ministry)
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
            actor=ministry,
            reason=person.note if person.story == "refused" else "",
        )
        items.append((item, nomination))
    commission_meeting_close(meeting=meeting, protocol_number=HELD_PROTOCOL, actor=ministry)
    memberships = list(ReserveMembership.objects.filter(decision_item__meeting=meeting))
    membership_record_order(
        memberships=memberships,
        order_number=INCLUSION_ORDER,
        order_date=date + 7 * DAY,
        actor=ministry,
    )
    # The meeting took place on its day: move its record there.
    decided = moment(date, 15, 30)
    CommissionMeeting.objects.filter(pk=meeting.pk).update(held_at=moment(date, 16, 45))
    AgendaItem.objects.filter(meeting=meeting).update(decided_at=decided)
    Vote.objects.filter(agenda_item__meeting=meeting).update(cast_at=moment(date, 15, 0))
    MembershipEvent.objects.filter(membership__in=memberships).update(created_at=decided)
    for _item, nomination in items:
        restamp_last_change(nomination, decided)
    included = sum(1 for item, _ in items if item.decision == Decision.INCLUDE)
    return (
        f"Заседание {date:%d.%m.%Y} (протокол № {HELD_PROTOCOL}): включено в резерв "
        f"{included}, отказано {len(items) - included}."
    )


def _plan_meeting(
    commission: Commission,
    planned: list[tuple[DemoCandidate, Nomination]],
    seats: list[CommissionMember],
    ministry: User,
    today: datetime.date,
) -> str:
    date = today + PLANNED_MEETING_IN_DAYS * DAY
    meeting = commission_meeting_create(commission=commission, date=date, actor=ministry)
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


# --- The topics, in order --------------------------------------------------------------------
TOPICS = [
    (_commission_has_data, seed_commission),
    (_people_have_data, seed_people),
]


def has_data() -> bool:
    """Return whether every topic of the selection stage already has demo data."""
    return all(has() for has, _ in TOPICS)


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the topics that have no data yet, in order; return lines for the report."""
    lines: list[str] = []
    # The services write to the candidates once a change commits; the demo people have no
    # mailboxes, so the letters go nowhere.
    with override_settings(EMAIL_BACKEND=DUMMY_EMAIL), transaction.atomic():
        for has, topic in TOPICS:
            if not has():
                lines += topic(rng=rng, today=today)
    return lines
