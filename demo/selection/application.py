"""What a demo candidate puts in the application: education, DPO and work records, documents."""

import datetime
import random
from collections.abc import Sequence

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from candidates.models import Document, EducationLevel, Nomination, WorkKind
from candidates.services.records import (
    application_document_upload,
    dpo_record_add,
    education_record_add,
    work_record_add,
)
from demo.builders import demo_pdf, translit
from demo.selection.roster import SENIOR_TEACHER, DemoCandidate
from governance.reference import MANAGEMENT_POST, OTHER_POST

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


DOCUMENTS = [
    ("application", "Заявление.pdf", "Zayavlenie o vklyuchenii v kadrovyi rezerv"),
    ("questionnaire", "Анкета кандидата.pdf", "Anketa kandidata"),
    ("diploma", "Диплом.pdf", "Diplom o vysshem obrazovanii (kopiya)"),
    ("recommendation", "Представление руководителя.pdf", "Predstavlenie rukovoditelya"),
    ("employment_record", "Сведения о трудовой деятельности СТД-Р.pdf", "Svedeniya STD-R"),
    ("no_criminal_record", "Справка об отсутствии судимости.pdf", "Spravka o nesudimosti"),
    ("consent", "Согласие на обработку ПДн.pdf", "Soglasie na obrabotku personalnykh dannykh"),
]
DPO_DOCUMENT = (
    "dpo_certificate",
    "Диплом о переподготовке.pdf",
    "Diplom o perepodgotovke (kopiya)",
)


def application_fill(
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
    education, dpo, work = records_of(person, rng, today, (current or former, former))
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
        # The first recommendation was signed by the wrong person; it is replaced on return.
        documents = [d for d in documents if d[0] != "recommendation"]
        documents.append(("recommendation", "Рекомендация.pdf", "Rekomendatsiya"))
    return [upload(nomination, kind, name, title, user) for kind, name, title in documents]


def upload(
    nomination: Nomination, kind: str, name: str, title: str, user: User, extra: str = ""
) -> Document:
    """Upload a one-page PDF that names the candidate and the application, as the user."""
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


# --- Education and work histories ------------------------------------------------------------


def records_of(
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
    level, institution = EducationLevel.HIGHER, INSTITUTIONS[institution]
    if person.route == "college":
        level, speciality = EducationLevel.SECONDARY_VOCATIONAL, "Дошкольное образование"
        institution = "Бугурусланский педагогический колледж"
    education = [_education(level, "pedagogy", speciality, institution, graduated)]
    if person.route == "degree":
        field, name, where = rng.choice(MANAGEMENT_DEGREES)
        year = min(today.year - 1, graduated + rng.randint(5, 9))
        education.append(_education(EducationLevel.HIGHER, field, name, INSTITUTIONS[where], year))
    dpo = []
    if person.route in ("dpo", "young", "counsellor"):
        dpo.append(_course(rng.choice(RETRAINING), today.year - rng.randint(1, 4)))
    if person.route == "short_dpo":
        dpo.append(_course(SHORT_COURSES[2], today.year - 2))
    if person.route != "young" and rng.random() < 0.6:
        dpo.append(_course(rng.choice(SHORT_COURSES[:2]), today.year - rng.randint(0, 2)))
    return education, dpo, _work(person, rng, today, graduated, current, previous, preschool)


def _education(level: str, field: str, speciality: str, institution: str, year: int) -> dict:
    # Before the two-level system (2011) pedagogical universities graduated specialists.
    degree = ""
    if level == EducationLevel.HIGHER:
        degree = "specialist" if year <= 2014 else "bachelor"
        if field != "pedagogy":
            degree = "master" if year > 2014 else "specialist"
    return {
        "level": level,
        "degree": degree,
        "field": field,
        "speciality": speciality,
        "institution": institution,
        "graduation_year": year,
    }


def _course(course: tuple[str, str, int, str], year: int) -> dict:
    field, name, hours, where = course
    return {
        "programme": name,
        "field": field,
        "hours": hours,
        "year": year,
        "provider": INSTITUTIONS[where],
    }


def _day(today: datetime.date, years_ago: int, month: int, day: int = 1) -> datetime.date:
    return datetime.date(today.year - years_ago, month, day)


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
        # Four years and nine months on pedagogical posts: three months short of the five the
        # rules ask — admitted by the attestation commission's recommendation.
        start = today - datetime.timedelta(days=4 * 365 + 270)
        return [
            _job(current, "Старшая вожатая", WorkKind.PEDAGOGICAL, start, _day(today, 3, 8, 31)),
            _job(current, person.post, WorkKind.PEDAGOGICAL, _day(today, 3, 9), None),
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


def _post_code(post: str, kind: str) -> str:
    """Return the post's place in the official list (governance.reference)."""
    if kind == WorkKind.MANAGEMENT:
        return MANAGEMENT_POST
    for prefix, code in (
        ("Старший воспитатель", "senior_educator"),
        ("Воспитатель", "educator"),
        ("Старшая вожатая", "senior_counsellor"),
        ("Учитель", "teacher"),
    ):
        if post.startswith(prefix):
            return code
    return OTHER_POST


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
        "post_code": _post_code(post, kind),
        "kind": kind,
        "started_on": started,
        "ended_on": ended,
    }
