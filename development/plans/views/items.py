"""A plan's items: adding, re-dating and removing them in a draft; evidence once approved."""

import mimetypes
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from core.views import show_errors
from development import access
from development.models import DevelopmentPlan, PlanItem, PlanItemStatus, PracticeStatus
from development.plans.forms import (
    CompletionEvidenceForm,
    PlanItemActivityForm,
    PlanItemCustomForm,
    PracticeEvidenceForm,
    RedateForm,
)
from development.plans.selectors import uncovered_gaps
from development.plans.services.evidence import (
    plan_item_add_completion,
    plan_item_add_practice,
    plan_item_start,
)
from development.plans.services.items import plan_item_add, plan_item_redate, plan_item_remove
from development.plans.views.plans import plan_for

EVIDENCE_FIELDS = {"completion": "completion_file", "practice": "practice_file"}
EVIDENCE_NAMES = {"completion": "podtverzhdenie", "practice": "primenenie"}


def _item_for(request: HttpRequest, pk: int, item_pk: int) -> tuple[DevelopmentPlan, PlanItem]:
    plan = plan_for(request, pk)
    item = get_object_or_404(
        PlanItem.objects.select_related(
            "activity__host_organization", "competency", "practice_confirmer", "plan__candidate"
        ),
        pk=item_pk,
        plan=plan,
    )
    return plan, item


def _editable(request: HttpRequest, pk: int) -> DevelopmentPlan:
    plan = plan_for(request, pk)
    if not access.can_edit_plan(request.user, plan):
        raise Http404
    return plan


@login_required
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an item to a draft: an activity of the catalogue or an own task."""
    plan = _editable(request, pk)
    which = request.POST.get("which", "activity")
    data = request.POST if request.method == "POST" else None
    activity_form = PlanItemActivityForm(data if which == "activity" else None, prefix="activity")
    custom_form = PlanItemCustomForm(data if which == "custom" else None, prefix="custom")
    form = activity_form if which == "activity" else custom_form
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            plan_item_add(
                plan=plan,
                actor=request.user,
                due_date=values["due_date"],
                activity=values.get("activity"),
                title=values.get("title", ""),
                competency=values.get("competency"),
                reason=values.get("reason", ""),
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Пункт добавлен в план.")
            return redirect("development:plan_detail", plan.pk)
    return render(
        request,
        "development/plans/item_add.html",
        {
            "plan": plan,
            "activity_form": activity_form,
            "custom_form": custom_form,
            "uncovered": uncovered_gaps(plan),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def item_redate(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Move a draft item's due date."""
    plan, item = _item_for(request, pk, item_pk)
    if not access.can_edit_plan(request.user, plan):
        raise Http404
    form = RedateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Укажите новый срок в формате дд.мм.гггг.")
        return redirect("development:plan_detail", pk)
    try:
        plan_item_redate(
            item=item, actor=request.user, due_date=form.cleaned_data["due_date"], request=request
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Срок пункта «{item.title}» изменён.")
    return redirect("development:plan_detail", pk)


@login_required
@require_POST
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Remove an item from a draft."""
    plan = _editable(request, pk)
    item = PlanItem.objects.filter(pk=item_pk, plan=plan).first()
    if item is not None:
        try:
            plan_item_remove(item=item, actor=request.user, request=request)
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, f"Пункт «{item.title}» удалён из плана.")
    return redirect("development:plan_detail", pk)


@login_required
def item_detail(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Show an item with its evidence; the reservist adds evidence here."""
    plan, item = _item_for(request, pk, item_pk)
    can_work = access.can_work_on_items(request.user, plan) and item.status != PlanItemStatus.DONE
    return render(
        request, "development/plans/item.html", _item_context(request, plan, item, can_work)
    )


def _practice_form(item: PlanItem, data=None, files=None) -> PracticeEvidenceForm:
    return PracticeEvidenceForm(
        data,
        files,
        prefix="practice",
        confirmers=access.practice_confirmers_for(item),
        initial={
            "description": item.practice_description,
            "link": item.practice_link,
            "confirmer": item.practice_confirmer_id,
        },
    )


def _item_context(request, plan, item, can_work, *, completion_form=None, practice_form=None):
    item.is_overdue = item.overdue_on(timezone.localdate())
    return {
        "plan": plan,
        "item": item,
        "is_own": access.is_own_plan(request.user, plan),
        "can_work": can_work,
        "can_describe_practice": can_work and not item.practice_is_locked,
        "has_confirmers": bool(access.practice_confirmers_for(item)),
        "reviews": item.reviews.select_related("reviewer"),
        "can_propose": access.can_propose_practice(request.user, item),
        "practice": access.good_practices_visible_to(request.user).filter(item=item).first(),
        "completion_form": completion_form or CompletionEvidenceForm(prefix="completion"),
        "practice_form": practice_form or _practice_form(item),
    }


def _worked_item(request: HttpRequest, pk: int, item_pk: int) -> tuple[DevelopmentPlan, PlanItem]:
    plan, item = _item_for(request, pk, item_pk)
    if not access.can_work_on_items(request.user, plan):
        raise Http404
    return plan, item


def _after_evidence(request: HttpRequest, item: PlanItem, what: str) -> HttpResponse:
    item.refresh_from_db()
    if item.status == PlanItemStatus.DONE:
        messages.success(request, f"{what} Пункт «{item.title}» выполнен.")
        return redirect("development:plan_detail", item.plan_id)
    if not item.completion_file:
        missing = "добавьте подтверждение выполнения (сертификат или отчёт тьютора)"
    elif item.practice_status == PracticeStatus.PENDING:
        missing = f"нужно подтверждение применения: запрос отправлен ({item.practice_confirmer})"
    else:
        missing = "опишите применение в практике и отправьте его на подтверждение"
    messages.success(request, f"{what} Чтобы пункт считался выполненным, {missing}.")
    return redirect("development:item_detail", item.plan_id, item.pk)


def _invalid(request: HttpRequest, plan, item, *, completion_form=None, practice_form=None):
    context = _item_context(
        request,
        plan,
        item,
        True,
        completion_form=completion_form,
        practice_form=practice_form,
    )
    return render(request, "development/plans/item.html", context, status=400)


@login_required
@require_POST
def item_start(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Mark the item started; the plan starts with its first item."""
    _, item = _worked_item(request, pk, item_pk)
    try:
        plan_item_start(item=item, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Вы приступили к пункту «{item.title}».")
    return redirect("development:item_detail", pk, item_pk)


@login_required
@require_POST
def item_completion(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Attach the evidence of completion."""
    plan, item = _worked_item(request, pk, item_pk)
    form = CompletionEvidenceForm(request.POST, request.FILES, prefix="completion")
    if form.is_valid():
        try:
            plan_item_add_completion(
                item=item,
                actor=request.user,
                uploaded_file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return _after_evidence(request, item, "Подтверждение выполнения сохранено.")
    return _invalid(request, plan, item, completion_form=form)


@login_required
@require_POST
def item_practice(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Attach the evidence of use in practice."""
    plan, item = _worked_item(request, pk, item_pk)
    form = _practice_form(item, request.POST, request.FILES)
    if form.is_valid():
        try:
            plan_item_add_practice(
                item=item,
                actor=request.user,
                confirmer=form.cleaned_data["confirmer"],
                description=form.cleaned_data["description"],
                uploaded_file=form.cleaned_data["file"],
                link=form.cleaned_data["link"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _after_evidence(
                request, item, "Описание применения сохранено и отправлено на подтверждение."
            )
    return _invalid(request, plan, item, practice_form=form)


@login_required
def evidence_download(request: HttpRequest, pk: int, item_pk: int, kind: str) -> FileResponse:
    """Serve an evidence file to whoever may see the plan or confirm the item; log it."""
    if kind not in EVIDENCE_FIELDS:
        raise Http404
    item = get_object_or_404(
        PlanItem.objects.select_related("plan__candidate"), pk=item_pk, plan=pk
    )
    if not access.can_view_evidence(request.user, item):
        raise Http404
    plan = item.plan
    field_file = getattr(item, EVIDENCE_FIELDS[kind])
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    label = "выполнения" if kind == "completion" else "применения в практике"
    personal_data_access_log(
        actor=request.user,
        subject=plan.candidate,
        purpose=f"скачивание подтверждения {label}: {item.title}"[:200],
        request=request,
    )
    extension = PurePath(field_file.name).suffix.lower()
    content_type = mimetypes.types_map.get(extension, "application/octet-stream")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{EVIDENCE_NAMES[kind]}-{item.pk}{extension}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
