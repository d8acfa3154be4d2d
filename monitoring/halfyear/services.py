"""The half-yearly report's workflow: start (prefilled), save, submit, comment, accept, return.

Each transition locks the report, checks its state, records a ReportEvent and an audit event,
and tells the next person in the portal and by mail once the change is committed.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from accounts.notifications.services import notification_create
from audit.services import audit_record
from candidates.models import MembershipStatus, ReserveMembership
from governance.selectors import regulation_in_force
from monitoring import access
from monitoring.halfyear.periods import owes_condition, previous_due
from monitoring.halfyear.prefill import prefill_texts
from monitoring.models import HalfYearReport, ReportEvent, ReportStatus

TEXT_LIMIT = 5000


def _url(report: HalfYearReport) -> str:
    return reverse("monitoring:report", args=[report.pk])


def _tell(user: User | None, report: HalfYearReport, text: str, kind: str) -> None:
    if user is None or not user.is_active:
        return
    notification_create(
        user=user,
        text=text,
        kind=kind,
        url=_url(report),
        mail_subject=f"Кадровый резерв: {text[:120]}",
        mail_body="\n".join([text, "", "Отчёт открыт на портале «Кадровый резерв»."]),
    )


def _step(report, *, action: str, before: str, actor, comment: str = "", request=None) -> None:
    ReportEvent.objects.create(
        report=report,
        from_status=before,
        to_status=report.status,
        action=action,
        comment=comment,
        actor=actor,
    )
    audit_record(
        actor=actor,
        action=f"halfyear_report.{action}",
        obj=report,
        changes={
            "статус": (before, report.status),
            **({"комментарий": (None, comment)} if comment else {}),
        },
        request=request,
    )


def _locked(report: HalfYearReport) -> HalfYearReport:
    return (
        HalfYearReport.objects.select_for_update(of=("self",))
        .select_related("membership__candidate__user", "membership__municipality")
        .get(pk=report.pk)
    )


def report_start(
    *,
    membership: ReserveMembership,
    due_on: datetime.date,
    actor,
    request: HttpRequest | None = None,
) -> HalfYearReport:
    """Return the reservist's report for the date, drafting it from the plan the first time."""
    regulation = regulation_in_force()
    if (due_on.month, due_on.day) not in set(regulation.reporting_dates):
        raise ValidationError("Отчёты сдаются к датам, установленным Положением.")
    if membership.status != MembershipStatus.ACTIVE:
        raise ValidationError("Отчёт пишут только резервисты, состоящие в резерве.")
    if not ReserveMembership.objects.filter(owes_condition(due_on), pk=membership.pk).exists():
        raise ValidationError(
            f"К {due_on:%d.%m.%Y} отчёт не нужен: вы включены в резерв незадолго до этой даты."
        )
    existing = HalfYearReport.objects.filter(membership=membership, due_on=due_on).first()
    if existing is not None:
        return existing
    period_start = previous_due(regulation, due_on)
    try:
        with transaction.atomic():
            report = HalfYearReport.objects.create(
                membership=membership,
                due_on=due_on,
                period_start=period_start,
                **prefill_texts(membership, period_start=period_start, due_on=due_on),
            )
            audit_record(
                actor=actor,
                action="halfyear_report.create",
                obj=report,
                changes={"срок сдачи": (None, due_on)},
                request=request,
            )
    except IntegrityError:  # a second tab started it at the same moment
        return HalfYearReport.objects.get(membership=membership, due_on=due_on)
    return report


def _check_texts(done: str, applied: str, difficulties: str, *, submitting: bool) -> None:
    problems = {}
    for name, text in (("done", done), ("applied", applied), ("difficulties", difficulties)):
        if len(text) > TEXT_LIMIT:
            problems[name] = f"Не больше {TEXT_LIMIT} знаков."
    if submitting:
        if not done.strip():
            problems["done"] = "Напишите, что выполнено по плану за полугодие."
        if not applied.strip():
            problems["applied"] = (
                "Напишите, что из пройденного применено в работе; если ничего — так и напишите."
            )
    if problems:
        raise ValidationError(problems)


def report_save(
    *,
    report: HalfYearReport,
    actor,
    done: str,
    applied: str,
    difficulties: str,
    submit: bool = False,
    request: HttpRequest | None = None,
) -> HalfYearReport:
    """Save the reservist's texts; with `submit`, hand the report in for review."""
    done, applied, difficulties = done.strip(), applied.strip(), difficulties.strip()
    _check_texts(done, applied, difficulties, submitting=submit)
    with transaction.atomic():
        locked = _locked(report)
        if not access.can_edit_report(actor, locked):
            raise ValidationError("Отчёт уже сдан: изменить его можно, только если его вернут.")
        locked.done, locked.applied, locked.difficulties = done, applied, difficulties
        fields = ["done", "applied", "difficulties"]
        if not submit:
            locked.save(update_fields=fields)
            return locked
        before = locked.status
        now = timezone.now()
        locked.status = ReportStatus.SUBMITTED
        locked.submitted_at = now
        locked.first_submitted_at = locked.first_submitted_at or now
        locked.save(update_fields=[*fields, "status", "submitted_at", "first_submitted_at"])
        _step(locked, action="submit", before=before, actor=actor, request=request)
        name = locked.membership.candidate.full_name
        for mentor in User.objects.filter(
            mentor_profile__mentorships__membership=locked.membership_id,
            mentor_profile__mentorships__status="active",
        ).distinct():
            _tell(
                mentor,
                locked,
                f"{name} сдал(а) полугодовой отчёт: прокомментируйте его.",
                "report_to_comment",
            )
        for coordinator in User.objects.filter(
            role=Role.MUNICIPAL, municipality=locked.membership.municipality_id, is_active=True
        ):
            _tell(
                coordinator,
                locked,
                f"Полугодовой отчёт резервиста {name} ждёт рассмотрения.",
                "report_to_review",
            )
    return locked


def report_comment(
    *, report: HalfYearReport, actor, comment: str, request: HttpRequest | None = None
) -> HalfYearReport:
    """Record the mentor's comment on a submitted report."""
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": "Напишите комментарий."})
    with transaction.atomic():
        locked = _locked(report)
        if not access.can_comment_report(actor, locked):
            raise ValidationError("Комментировать можно только сданный отчёт своего наставляемого.")
        locked.mentor_comment = comment[:TEXT_LIMIT]
        locked.mentor_commented_by = actor
        locked.mentor_commented_at = timezone.now()
        locked.save(update_fields=["mentor_comment", "mentor_commented_by", "mentor_commented_at"])
        _step(
            locked,
            action="comment",
            before=locked.status,
            actor=actor,
            comment=comment,
            request=request,
        )
        _tell(
            locked.membership.candidate.user,
            locked,
            "Наставник прокомментировал ваш полугодовой отчёт.",
            "report_commented",
        )
    return locked


def _review(report, *, actor, target: str, comment: str, request) -> HalfYearReport:
    with transaction.atomic():
        locked = _locked(report)
        if not access.can_review_report(actor, locked):
            raise ValidationError("Отчёт уже рассмотрен или ещё не сдан. Обновите страницу.")
        before = locked.status
        locked.status = target
        locked.review_comment = comment[:TEXT_LIMIT]
        locked.reviewed_by = actor
        locked.reviewed_at = timezone.now()
        locked.save(update_fields=["status", "review_comment", "reviewed_by", "reviewed_at"])
        action = "accept" if target == ReportStatus.ACCEPTED else "return"
        _step(locked, action=action, before=before, actor=actor, comment=comment, request=request)
        text = (
            "Ваш полугодовой отчёт принят."
            if target == ReportStatus.ACCEPTED
            else "Ваш полугодовой отчёт возвращён на доработку."
        )
        _tell(locked.membership.candidate.user, locked, text, f"report_{action}")
    return locked


def report_accept(
    *, report: HalfYearReport, actor, comment: str = "", request: HttpRequest | None = None
) -> HalfYearReport:
    """Accept a submitted report."""
    return _review(
        report, actor=actor, target=ReportStatus.ACCEPTED, comment=comment.strip(), request=request
    )


def report_return(
    *, report: HalfYearReport, actor, comment: str, request: HttpRequest | None = None
) -> HalfYearReport:
    """Return a submitted report to the reservist with what to correct."""
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": "Напишите, что доработать."})
    return _review(
        report, actor=actor, target=ReportStatus.RETURNED, comment=comment, request=request
    )
