"""Mentoring: mentors with their strengths, pairs for part of the cohort, sessions and answers."""

import datetime
import random
from dataclasses import dataclass

from accounts.models import Role
from audit.models import AuditSource
from candidates.models import ReserveMembership
from demo.builders import (
    DAY,
    candidates_workplaces,
    current_competencies,
    demo_account,
    ministry_user,
)
from demo.development.cohort import reassess
from development.mentoring.services.pairs import mentorship_confirm, mentorship_propose
from development.mentoring.services.registry import mentor_create
from development.mentoring.services.sessions import session_answer, session_create
from development.models import Mentor, Mentorship
from registry.models import Organization


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
    DemoMentor("mentor", ("Григорьев", "Сергей", "Петрович"), "город Оренбург", "general",
               "Директор", 18, 3, (("K05", 4), ("K02", 4), ("K03", 3), ("K01", 3))),
    DemoMentor("mentor02", ("Ковалёва", "Татьяна", "Ивановна"), "город Оренбург", "preschool",
               "Заведующий", 14, 2, (("K06", 4), ("K03", 4), ("K04", 3))),
    DemoMentor("mentor03", ("Исмагилов", "Ринат", "Фаридович"),
               "Оренбургский муниципальный район", "general",
               "Директор", 11, 2, (("K04", 4), ("K08", 4), ("K02", 3))),
    DemoMentor("mentor04", ("Фёдорова", "Людмила", "Андреевна"), "город Орск", "general",
               "Директор", 16, 2, (("K02", 4), ("K07", 4), ("K05", 3))),
    DemoMentor("mentor05", ("Орлов", "Виктор", "Сергеевич"), "город Бузулук", "general",
               "Директор", 9, 2, (("K05", 3), ("K06", 4), ("K09", 3))),
    DemoMentor("mentor06", ("Сидоренко", "Наталья", "Викторовна"), "город Новотроицк", "additional",
               "Директор", 12, 1, (("K08", 4), ("K09", 4)), is_available=False),
]  # fmt: skip
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
    (140, 90, "in_person", "Знакомство, разбор результатов оценки и целей плана",
     "Прочитать положение о закупках школы", ("K05", "K01"), "confirmed", 5),
    (112, 60, "online", "Муниципальное задание и план ФХД",
     "Составить проект плана ФХД", ("K05",), "confirmed", 4),
    (84, 90, "in_person", "Разбор плана-графика закупок на практике",
     "Подготовить обоснование цены контракта", ("K05",), "confirmed", 5),
    (56, 60, "online", "Внутренняя система оценки качества",
     "Провести мини-аудит ВСОКО", ("K02",), "disputed", None),
    (28, 90, "in_person", "Совещание при директоре: как готовить и вести",
     "Провести совещание по итогам четверти", ("K03",), "confirmed", 4),
    (6, 60, "online", "Итоги совещания и обратная связь", "", ("K03", "K02"), "", None),
]  # fmt: skip


def _mentor_organization(demo: DemoMentor, taken: set[int]) -> Organization | None:
    organizations = Organization.objects.filter(
        municipality__name=demo.municipality, is_active=True
    ).exclude(pk__in=taken)
    return (
        organizations.filter(kind=demo.kind).order_by("-inn").first()
        or organizations.order_by("-inn").first()
    )


def _seed_mentors(ministry) -> dict[str, Mentor]:
    competencies = current_competencies()
    # Reservists' workplaces stay out: a mentor never comes from the mentee's organization.
    taken = candidates_workplaces()
    mentors = {}
    for demo in MENTORS:
        organization = _mentor_organization(demo, taken)
        if organization is None:
            continue
        taken.add(organization.pk)
        mentors[demo.username] = mentor_create(
            user=demo_account(
                username=demo.username,
                role=Role.MENTOR,
                names=demo.names,
                email=f"{demo.username}@obr56.example",
            ),
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
    competencies = current_competencies()
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


def seed_mentoring(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Add mentors with strengths, pairs for part of the cohort, their sessions and answers."""
    ministry = ministry_user()
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
            reassessed += reassess(membership, today, rng)
    return [
        f"Наставников: {len(mentors)}, пар: {pairs}, встреч: {sessions}, "
        f"повторных оценок: {reassessed}."
    ]
