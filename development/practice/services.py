"""The bank of good practice: a reservist offers a confirmed practice, the ministry reviews it
against the published criteria, the author may withdraw their consent at any time."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from development import access
from development.models import GoodPractice, PlanItem, PracticeState
from development.practice.criteria import CRITERIA_CODES

MAX_TITLE = 300
MAX_SUMMARY = 5000


def good_practice_propose(
    *,
    item: PlanItem,
    actor,
    title: str,
    summary: str,
    consent: bool,
    request: HttpRequest | None = None,
) -> GoodPractice:
    """Offer the item's confirmed practice to the bank, with the author's consent to publish it."""
    title, summary = title.strip(), summary.strip()
    problems = []
    if not consent:
        problems.append("Без вашего согласия практика не публикуется: отметьте согласие.")
    if not title:
        problems.append("Назовите практику.")
    if len(title) > MAX_TITLE:
        problems.append(f"Название длиннее {MAX_TITLE} знаков.")
    if not summary:
        problems.append("Опишите практику: задачу, действия, результат.")
    if len(summary) > MAX_SUMMARY:
        problems.append(f"Описание длиннее {MAX_SUMMARY} знаков.")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        locked = (
            PlanItem.objects.select_for_update().select_related("plan__candidate").get(pk=item.pk)
        )
        if not access.can_propose_practice(actor, locked):
            raise ValidationError(
                "Предложить в банк можно свою практику, применение которой подтверждено, — "
                "один раз."
            )
        if locked.competency_id is None:
            raise ValidationError("У пункта нет компетенции: банк ведётся по компетенциям.")
        practice = GoodPractice.objects.create(
            item=locked,
            title=title,
            summary=summary,
            competency_id=locked.competency_id,
            consent_given_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action="good_practice.create",
            obj=practice,
            changes={"практика": (None, title), "согласие на публикацию": (None, "дано")},
            request=request,
        )
    return practice


def good_practice_review(
    *,
    practice: GoodPractice,
    actor,
    criteria_met: Iterable[str],
    comment: str,
    request: HttpRequest | None = None,
) -> GoodPractice:
    """Review the proposal against the criteria: every one met publishes it, else it is declined
    with the reason (which criteria fail and the comment)."""
    met = [code for code in CRITERIA_CODES if code in set(criteria_met)]
    unknown = set(criteria_met) - set(CRITERIA_CODES)
    if unknown:
        raise ValidationError("Неизвестный критерий: обновите страницу.")
    comment = comment.strip()
    publish = len(met) == len(CRITERIA_CODES)
    if not publish and not comment:
        raise ValidationError("Напишите автору, чего не хватает: без этого отклонить нельзя.")
    with transaction.atomic():
        locked = GoodPractice.objects.select_for_update().get(pk=practice.pk)
        if not access.can_review_practices(actor):
            raise ValidationError("Рассматривают практики специалисты министерства.")
        if locked.state != PracticeState.PROPOSED:
            raise ValidationError("Практика уже рассмотрена.")
        if locked.consent_withdrawn_at is not None:
            raise ValidationError("Автор отозвал согласие: практика не рассматривается.")
        old = locked.state
        locked.state = PracticeState.PUBLISHED if publish else PracticeState.DECLINED
        locked.criteria_met = met
        locked.review_comment = comment
        locked.reviewed_by = actor
        locked.reviewed_at = timezone.now()
        locked.save(
            update_fields=["state", "criteria_met", "review_comment", "reviewed_by", "reviewed_at"]
        )
        audit_record(
            actor=actor,
            action="good_practice.review",
            obj=locked,
            changes={
                "состояние": (PracticeState(old).label, PracticeState(locked.state).label),
                "критерии": (None, ", ".join(met) or "ни одного"),
            },
            request=request,
        )
    return locked


def good_practice_withdraw_consent(
    *, practice: GoodPractice, actor, request: HttpRequest | None = None
) -> GoodPractice:
    """Withdraw the author's consent: the practice disappears from the bank at once."""
    with transaction.atomic():
        locked = (
            GoodPractice.objects.select_for_update()
            .select_related("item__plan__candidate")
            .get(pk=practice.pk)
        )
        if not access.is_practice_author(actor, locked):
            raise ValidationError("Отозвать согласие может только автор практики.")
        if locked.consent_withdrawn_at is not None:
            return locked
        locked.consent_withdrawn_at = timezone.now()
        locked.save(update_fields=["consent_withdrawn_at"])
        audit_record(
            actor=actor,
            action="good_practice.update",
            obj=locked,
            changes={"согласие на публикацию": ("дано", "отозвано")},
            request=request,
        )
    return locked
