"""Pages of the selection stage: staff side (the pipeline, the review page, nominating)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from candidates import access
from candidates.experience import length_of_service
from candidates.exports import pipeline_export_response
from candidates.forms_staff import (
    PAGE_SIZE,
    SORTS,
    NominateForm,
    OverrideForm,
    PipelineFilterForm,
)
from candidates.models import (
    Document,
    EligibilityCheck,
    Nomination,
    NominationSource,
    NominationStatus,
    ReserveMembership,
    StatusChange,
    WorkKind,
)
from candidates.selectors import nomination_missing_items, status_counts
from candidates.services.documents import document_mark_checked
from candidates.services.eligibility import eligibility_evaluate, eligibility_override
from candidates.services.profiles import candidate_nominate
from candidates.views.staff_review import review_checks_context
from candidates.views.staff_transitions import nomination_for_staff, review_actions, to_review
from core.views import show_errors
from governance.selectors import regulation_in_force

# What happens next where the staff have no button to press.
WAITING_ON: dict[NominationStatus, str] = {
    NominationStatus.DRAFT: "Кандидат ещё заполняет заявку и не подал её.",
    NominationStatus.RETURNED: (
        "Заявка у кандидата на доработке: после исправлений он подаст её снова."
    ),
    NominationStatus.COMMISSION_REVIEW: (
        "Решение о включении в резерв принимает комиссия на заседании."
    ),
    NominationStatus.INCLUDED: "Кандидат включён в кадровый резерв.",
    NominationStatus.NOT_ADMITTED: "Кандидат не допущен к отбору; работа с заявкой завершена.",
    NominationStatus.REFUSED: (
        "Комиссия отказала во включении в резерв; работа с заявкой завершена."
    ),
}

_ROW_RELATIONS = (
    "candidate",
    "candidate__organization",
    "position_kind",
    "municipality",
    "membership",
)


def membership_of(nomination: Nomination) -> ReserveMembership | None:
    """Return the nomination's reserve membership, or None before inclusion."""
    try:
        return nomination.membership
    except ReserveMembership.DoesNotExist:
        return None


def _filtered(request: HttpRequest) -> tuple[PipelineFilterForm, QuerySet, QuerySet]:
    """Return the filter form, the rows it selects, and the same rows whatever their status."""
    form = PipelineFilterForm(request.GET, user=request.user)
    visible = access.pipeline_nominations_visible_to(request.user)
    rows = form.filter(visible).select_related(*_ROW_RELATIONS).order_by(*SORTS[form.sort_key()])
    return form, rows, form.filter(visible, with_status=False)


@login_required
def pipeline(request: HttpRequest) -> HttpResponse:
    """List the nominations of the user's territory with filters, counts and pages."""
    if not access.can_view_pipeline(request.user):
        raise Http404
    form, rows, any_status = _filtered(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    regulation = regulation_in_force()
    for nomination in page:
        membership = membership_of(nomination)
        nomination.membership_row = membership
        if membership is not None:
            nomination.category_name = regulation.category_name(membership.category)
            nomination.readiness_name = regulation.readiness_name(membership.readiness)
    counts = status_counts(any_status)
    page_numbers = [
        None if number == Paginator.ELLIPSIS else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return render(
        request,
        "candidates/staff/pipeline.html",
        {
            "form": form,
            "page": page,
            "page_numbers": page_numbers,
            "territory": access.lists_limited_to(request.user) or "",
            "counts": counts,
            "total": sum(item["count"] for item in counts),
            "current_status": form.cleaned_data.get("status", "") if form.is_valid() else "",
            "sort": form.sort_key(),
            "show_municipality": "municipality" in form.fields,
            "can_export": access.can_export_pipeline(request.user),
            "can_nominate": access.can_nominate(request.user),
        },
    )


@login_required
def pipeline_export(request: HttpRequest) -> FileResponse:
    """Download the filtered list of nominations as an .xlsx workbook."""
    if not access.can_export_pipeline(request.user):
        raise Http404
    form, rows, _ = _filtered(request)
    return pipeline_export_response(
        rows, actor=request.user, filters=form.describe(), request=request
    )


def _service_summary(work_records, today: datetime.date) -> dict[str, str]:
    """Return the pedagogical and management service computed from the work history."""
    summary = {}
    for kind in (WorkKind.PEDAGOGICAL, WorkKind.MANAGEMENT):
        periods = [
            record.period(today)
            for record in work_records
            if record.kind == kind and record.started_on <= today
        ]
        summary[kind.value] = str(length_of_service(periods))
    return summary


@login_required
def nomination_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a nomination to staff: profile, documents, eligibility, timeline and actions."""
    nomination = nomination_for_staff(request, pk)
    candidate = nomination.candidate
    personal_data_access_log(
        actor=request.user,
        subject=candidate,
        purpose="просмотр заявки в кадровый резерв (профиль, образование, стаж, документы)",
        request=request,
    )
    today = timezone.localdate()
    work_records = list(candidate.work_records.all())
    check = (
        EligibilityCheck.objects.filter(nomination=nomination)
        .select_related("regulation_version", "evaluated_by", "override_by")
        .first()
    )
    user = request.user
    can_review = access.can_review_nomination(user, nomination)
    membership = membership_of(nomination)
    regulation = regulation_in_force()
    return render(
        request,
        "candidates/staff/nomination.html",
        {
            "nomination": nomination,
            "candidate": candidate,
            "education_records": candidate.education_records.all(),
            "dpo_records": candidate.dpo_records.all(),
            "work_records": work_records,
            "service": _service_summary(work_records, today),
            "documents": nomination.documents.select_related("checked_by"),
            "missing_items": (
                nomination_missing_items(nomination)
                if nomination.status in access.EDITABLE_BY_CANDIDATE
                else []
            ),
            "check": check,
            "status_changes": StatusChange.objects.filter(nomination=nomination).select_related(
                "actor"
            ),
            "membership": membership,
            "membership_category": regulation.category_name(membership.category)
            if membership
            else "",
            "membership_readiness": regulation.readiness_name(membership.readiness)
            if membership
            else "",
            "can_review": can_review,
            "waiting_on": WAITING_ON.get(nomination.status, ""),
            "actions": review_actions(nomination) if can_review else [],
            "can_check_documents": access.can_check_documents(user, nomination),
            "can_evaluate": access.can_evaluate_eligibility(user, nomination),
            "can_override": check is not None and access.can_override_eligibility(user),
            "override_form": OverrideForm(),
            **review_checks_context(user, nomination, regulation),
        },
    )


@require_POST
@login_required
def document_check(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """Mark one of the nomination's documents as checked, or take the mark back."""
    nomination = nomination_for_staff(request, pk)
    if not access.can_check_documents(request.user, nomination):
        raise PermissionDenied
    document = get_object_or_404(Document, pk=document_pk, nomination=nomination)
    checked = request.POST.get("checked") == "1"
    document_mark_checked(document=document, actor=request.user, checked=checked, request=request)
    state = "отмечен как проверенный" if checked else "снова не проверен"
    messages.success(request, f"Документ «{document.get_kind_display()}» {state}.")
    return to_review(nomination)


@require_POST
@login_required
def eligibility_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Evaluate the candidate against the qualification requirements in force."""
    nomination = nomination_for_staff(request, pk)
    if not access.can_evaluate_eligibility(request.user, nomination):
        raise PermissionDenied
    check = eligibility_evaluate(nomination=nomination, actor=request.user, request=request)
    verdict = "соответствует" if check.is_eligible else "не соответствует"
    messages.success(request, f"Проверка выполнена: кандидат {verdict} требованиям.")
    return to_review(nomination)


@require_POST
@login_required
def eligibility_override_view(request: HttpRequest, pk: int, check_pk: int) -> HttpResponse:
    """Record the attestation commission's recommendation admitting by exception."""
    nomination = nomination_for_staff(request, pk)
    if not access.can_override_eligibility(request.user):
        raise PermissionDenied
    check = get_object_or_404(EligibilityCheck, pk=check_pk, nomination=nomination)
    latest = EligibilityCheck.objects.filter(nomination=nomination).values_list("pk", flat=True)
    if latest.first() != check.pk:
        messages.error(request, "С тех пор проверка выполнена заново. Обновите страницу.")
        return to_review(nomination)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Исключение допускается только по рекомендации аттестационной комиссии: укажите "
            "номер и дату протокола и текст рекомендации.",
        )
        return to_review(nomination)
    try:
        eligibility_override(
            check=check,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            recommendation_number=form.cleaned_data["recommendation_number"],
            recommendation_date=form.cleaned_data["recommendation_date"],
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, "Рекомендация аттестационной комиссии записана.")
    return to_review(nomination)


@login_required
def nominate(request: HttpRequest) -> HttpResponse:
    """«Выдвинуть кандидата»: create the person's account and draft, and invite them."""
    if not access.can_nominate(request.user):
        raise Http404
    form = NominateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            nomination = candidate_nominate(
                actor=request.user,
                email=data["email"],
                profile=form.profile(),
                position_kind=data["position_kind"],
                source=NominationSource(data["source"]),
                motivation=data["motivation"].strip(),
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                f"Кандидат {nomination.candidate.full_name} выдвинут. Приглашение заполнить "
                f"анкету отправлено на {nomination.candidate.email}.",
            )
            return to_review(nomination)
    return render(request, "candidates/staff/nominate.html", {"form": form})
