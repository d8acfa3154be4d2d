"""The well-being pulse: consent and monthly answers of the reservists and mentors."""

import datetime
import random

from django.db.models import Q

from accounts.models import Role, User
from audit.models import AuditSource
from candidates.models import MembershipStatus
from development.models import PulseResponse, SupportStatus
from development.wellbeing.questionnaire import LOW_INDEX_MAX, PULSE_ITEMS
from development.wellbeing.services import pulse_answer_submit, pulse_consent_give
from development.wellbeing.support import support_request_create

PULSE_MONTHS = 6  # how far back the demo answers go


def _pulse_answers(rng: random.Random, level: float) -> list[int]:
    """Draw five WHO-5 answers around a person's level of well-being (0–5)."""
    return [min(5, max(0, round(level + rng.uniform(-1.2, 1.2)))) for _ in PULSE_ITEMS]


def seed_wellbeing(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Give the pulse consent for the reservists and mentors and their monthly answers.

    Everyone answers once a month since joining the reserve (the last six months at most),
    now and then skipping a month, but never this month or the one before. The demo «candidate»
    has not answered this month yet, so the questions are waiting.
    """
    people = list(
        User.objects.filter(
            Q(role=Role.MENTOR, mentor_profile__isnull=False)
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
    asked = _ask_for_a_conversation(today)
    return [
        f"Опрос благополучия (ВОЗ-5): участников {len(people)}, ответов {answers}, "
        f"просьб о разговоре {asked}."
    ]


def _ask_for_a_conversation(today: datetime.date) -> int:
    """Let one reservist whose latest index is low ask the coordinator for a conversation."""
    low = (
        PulseResponse.objects.filter(user__role=Role.CANDIDATE, index__lte=LOW_INDEX_MAX)
        .exclude(municipality=None)
        .exclude(user__support_requests__status=SupportStatus.OPEN)
        .order_by("-submitted_on", "user_id")
        .select_related("user")
        .first()
    )
    if low is None:
        return 0
    support_request_create(user=low.user, contact=low.user.email, consent=True)
    return 1


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


def wellbeing_has_data() -> bool:
    """Return whether anyone has answered the pulse."""
    return PulseResponse.objects.exists()
