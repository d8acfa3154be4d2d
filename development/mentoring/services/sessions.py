"""Mentoring sessions: the mentor logs a meeting, the mentee confirms and rates it or disputes it.

A session is answered once: the answer locks the row and checks that it is still pending, so a
double click or a second tab cannot answer it twice. The mentor may correct it only until then.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts.notifications.services import notification_create
from assessment.models import Competency
from audit.services import audit_record
from development import access
from development.mentoring.services.notifications import notify_session_disputed_on_commit
from development.mentoring.services.pairs import lock_pair
from development.models import (
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    SessionConfirmation,
)


def _check_session_fields(mentorship: Mentorship, date: datetime.date, topics: str) -> None:
    today = timezone.localdate()
    if date > today:
        raise ValidationError("Дата встречи не может быть в будущем.")
    if mentorship.started_on and date < mentorship.started_on:
        raise ValidationError(
            f"Пара действует с {mentorship.started_on:%d.%m.%Y}: встреча не может быть раньше."
        )
    if not topics.strip():
        raise ValidationError("Укажите темы встречи.")


def session_create(
    *,
    mentorship: Mentorship,
    date: datetime.date,
    duration_minutes: int,
    format: str,
    topics: str,
    competencies: Iterable[Competency] = (),
    agreed_actions: str = "",
    actor,
    request: HttpRequest | None = None,
) -> MentoringSession:
    """Log a meeting of an active pair; it waits for the mentee's confirmation."""
    with transaction.atomic():
        locked = lock_pair(mentorship)
        if locked.status != MentorshipStatus.ACTIVE:
            raise ValidationError("Встречи записывают только в действующей паре.")
        if not access.is_mentor_of_pair(actor, locked):
            raise ValidationError("Встречу записывает наставник пары.")
        _check_session_fields(locked, date, topics)
        session = MentoringSession(
            mentorship=locked,
            date=date,
            duration_minutes=duration_minutes,
            format=format,
            topics=topics.strip(),
            agreed_actions=agreed_actions.strip(),
        )
        session.full_clean(exclude=["mentorship"])
        session.save()
        session.competencies.set(list(competencies))
        audit_record(
            actor=actor,
            action="mentoring_session.create",
            obj=session,
            changes={"date": [None, date], "duration_minutes": [None, duration_minutes]},
            request=request,
        )
        notification_create(
            user=locked.mentee.user,
            text=f"Встреча с наставником {date:%d.%m.%Y} ждёт подтверждения.",
            kind="session_to_confirm",
            url=reverse("development:my_mentor"),
        )
    return session


SESSION_FIELDS = ("date", "duration_minutes", "format", "topics", "agreed_actions")


def session_update(
    *,
    session: MentoringSession,
    actor,
    competencies: Iterable[Competency] | None = None,
    request: HttpRequest | None = None,
    **fields,
) -> MentoringSession:
    """Correct a logged meeting while the mentee has not answered it."""
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown session fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = (
            MentoringSession.objects.select_for_update(of=("self",))
            .select_related("mentorship__mentor")
            .get(pk=session.pk)
        )
        if not access.is_mentor_of_pair(actor, locked.mentorship):
            raise ValidationError("Исправить встречу может только наставник пары.")
        if locked.confirmation != SessionConfirmation.PENDING:
            raise ValidationError(
                f"Встреча уже {locked.get_confirmation_display()}: исправить её нельзя."
            )
        changes = {}
        for name, value in fields.items():
            value = value.strip() if isinstance(value, str) else value
            if getattr(locked, name) != value:
                changes[name] = [getattr(locked, name), value]
                setattr(locked, name, value)
        _check_session_fields(locked.mentorship, locked.date, locked.topics)
        locked.full_clean(exclude=["mentorship"])
        if changes:
            locked.save(update_fields=list(changes))
        if competencies is not None:
            before = set(locked.competencies.values_list("code", flat=True))
            after = {competency.code for competency in competencies}
            if before != after:
                locked.competencies.set(list(competencies))
                changes["competencies"] = [sorted(before), sorted(after)]
        if changes:
            audit_record(
                actor=actor,
                action="mentoring_session.update",
                obj=locked,
                changes=changes,
                request=request,
            )
    return locked


def session_answer(
    *,
    session: MentoringSession,
    confirmed: bool,
    usefulness: int | None,
    comment: str = "",
    actor,
    request: HttpRequest | None = None,
) -> MentoringSession:
    """Record the mentee's answer: the meeting is confirmed and rated, or disputed with a reason."""
    comment = comment.strip()
    if confirmed and usefulness is None:
        raise ValidationError("Оцените пользу встречи от 1 до 5.")
    if usefulness is not None and not 1 <= usefulness <= 5:
        raise ValidationError("Польза оценивается от 1 до 5.")
    if not confirmed and not comment:
        raise ValidationError("Напишите, что не так со встречей: без комментария оспорить нельзя.")
    with transaction.atomic():
        locked = (
            MentoringSession.objects.select_for_update(of=("self",))
            .select_related("mentorship__mentee", "mentorship__mentor__user")
            .get(pk=session.pk)
        )
        if not access.is_mentee_of_pair(actor, locked.mentorship):
            raise ValidationError("Подтвердить встречу может только наставляемый этой пары.")
        if locked.confirmation != SessionConfirmation.PENDING:
            raise ValidationError(
                f"На эту встречу уже ответили: {locked.get_confirmation_display()}."
            )
        locked.confirmation = (
            SessionConfirmation.CONFIRMED if confirmed else SessionConfirmation.DISPUTED
        )
        locked.usefulness = usefulness
        locked.mentee_comment = comment
        locked.answered_at = timezone.now()
        locked.save(update_fields=["confirmation", "usefulness", "mentee_comment", "answered_at"])
        audit_record(
            actor=actor,
            action="mentoring_session.transition",
            obj=locked,
            changes={
                "confirmation": [SessionConfirmation.PENDING, locked.confirmation],
                "usefulness": [None, usefulness],
            },
            request=request,
        )
        if not confirmed:
            notify_session_disputed_on_commit(locked)
    return locked
