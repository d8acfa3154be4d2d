"""The participant's next steps in the assessment stage: instruments open to answer, by their
deadlines, and a finished campaign's result to look at."""

import datetime

from django.urls import reverse

from assessment import access
from assessment.models import CampaignStatus, InstrumentKind, Result
from assessment.models.work import WRITTEN_KINDS
from assessment.participation.selectors import participations_of
from core.next_steps import NEWS, NextStep

# A finished campaign's result is offered on the home page for this long after it ends.
RESULT_NEWS_DAYS = 120


def _what_to_do(kind: str, status: str, name: str) -> str | None:
    """Return the step for an instrument in the status, or None when nothing is to be done."""
    if kind == InstrumentKind.SELF_ASSESSMENT:
        return (
            f"Заполните и отправьте самооценку «{name}»"
            if status == "not_started"
            else (f"Завершите самооценку «{name}»: черновик сохранён, осталось отправить")
        )
    if kind == InstrumentKind.KNOWLEDGE_TEST:
        return (
            f"Пройдите тест «{name}»"
            if status == "not_started"
            else f"Завершите тест «{name}»: время идёт"
        )
    if kind == InstrumentKind.FEEDBACK_360:
        return (
            f"Пригласите коллег ответить на оценку 360° «{name}»"
            if status == "not_started"
            else None
        )
    if kind in WRITTEN_KINDS:
        return (
            f"Напишите и сдайте работу «{name}»"
            if status == "not_started"
            else (f"Сдайте работу «{name}»: черновик сохранён")
        )
    return None


def next_steps_for(user, *, today: datetime.date) -> list[NextStep]:
    """Return the person's open instruments with their deadlines and results to look at."""
    if not access.can_view_own_assessment(user):
        return []
    participations = participations_of(access.own_participations(user))
    steps = []
    for participation in participations:
        for row in participation.items:
            if row.status not in ("not_started", "draft") or not row.campaign_instrument.is_open():
                continue
            text = _what_to_do(row.instrument.kind, row.status, row.instrument.name)
            if text:
                steps.append(NextStep(text=text, url=row.url, due=row.campaign_instrument.deadline))
    horizon = today - datetime.timedelta(days=RESULT_NEWS_DAYS)
    finished = [
        p.participant
        for p in participations
        if p.participant.campaign.status == CampaignStatus.CLOSED
        and p.participant.campaign.ends_on >= horizon
    ]
    computed = set(
        Result.objects.filter(participant__in=finished).values_list("participant_id", flat=True)
    )
    steps += [
        NextStep(
            text=f"Оценка «{participant.campaign.name}» завершена: посмотрите свой результат",
            url=reverse("assessment:result_detail", args=[participant.pk]),
            note="Профиль компетенций, сильные стороны, дефициты и отчёт в .docx.",
            priority=NEWS,
        )
        for participant in finished
        if participant.pk in computed
    ]
    return steps
