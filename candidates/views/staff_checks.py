"""Pages of the selection stage, staff side: the checks admission and refusal rest on.

The municipality's согласование, service periods against the трудовая книжка, the справка about
criminal records, a refusal below the pass mark, and the case forms of the person's name.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from candidates import access
from candidates.extensions import assessment_verdicts
from candidates.forms_staff import (
    MunicipalDecisionForm,
    NameFormsForm,
    RefusalGroundsForm,
)
from candidates.models import Document, Nomination, WorkRecord
from candidates.services.commission import nomination_refuse_below_pass_mark
from candidates.services.municipal_approval import nomination_municipal_decide
from candidates.services.profiles import candidate_name_forms_correct
from candidates.services.verification import document_mark_disqualifying, work_record_verify
from governance.selectors import regulation_in_force


def _nomination(request: HttpRequest, pk: int) -> Nomination:
    return get_object_or_404(
        access.pipeline_nominations_visible_to(request.user).select_related("candidate"), pk=pk
    )


def _back(nomination: Nomination) -> HttpResponse:
    return redirect("candidates:staff_nomination", pk=nomination.pk)


def _show(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def municipal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the municipality's «согласовано» or «не согласовано (причина)»."""
    nomination = _nomination(request, pk)
    if not access.can_agree_nomination(request.user, nomination):
        raise Http404
    form = MunicipalDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Выберите: согласовано или не согласовано.")
        return _back(nomination)
    try:
        nomination_municipal_decide(
            nomination=nomination,
            approved=form.cleaned_data["approved"],
            reason=form.cleaned_data["reason"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        _show(request, error)
    else:
        messages.success(request, "Решение о согласовании записано.")
    return _back(nomination)


@login_required
@require_POST
def work_verify(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    """Mark a service period as checked against the трудовая книжка or СТД-Р."""
    nomination = _nomination(request, pk)
    if not access.can_check_documents(request.user, nomination):
        raise Http404
    record = get_object_or_404(WorkRecord, pk=record_pk, candidate=nomination.candidate)
    try:
        work_record_verify(
            nomination=nomination, record=record, actor=request.user, request=request
        )
    except ValidationError as error:
        _show(request, error)
    return _back(nomination)


@login_required
@require_POST
def document_disqualifying(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """Mark the справка as showing (or not) a bar of ТК ст. 331 / 351.1."""
    nomination = _nomination(request, pk)
    if not access.can_check_documents(request.user, nomination):
        raise Http404
    document = get_object_or_404(Document, pk=document_pk, nomination=nomination)
    try:
        document_mark_disqualifying(
            nomination=nomination,
            document=document,
            disqualifying=request.POST.get("disqualifying") == "1",
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        _show(request, error)
    return _back(nomination)


@login_required
@require_POST
def refuse_below_pass_mark(request: HttpRequest, pk: int) -> HttpResponse:
    """Refuse a nomination whose total is below the pass mark, on the result's own deficits."""
    nomination = _nomination(request, pk)
    if not access.can_review_nomination(request.user, nomination):
        raise Http404
    threshold = regulation_in_force().pass_threshold
    deficits = assessment_verdicts([nomination.pk], threshold)[nomination.pk].deficits
    form = RefusalGroundsForm(request.POST, deficits=deficits)
    if not form.is_valid():
        messages.error(request, "Отметьте основания отказа из результата комплексной оценки.")
        return _back(nomination)
    try:
        nomination_refuse_below_pass_mark(
            nomination=nomination,
            grounds=form.cleaned_data["grounds"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        _show(request, error)
    else:
        messages.success(request, "Во включении в резерв отказано по результатам оценки.")
    return _back(nomination)


@login_required
@require_POST
def name_forms(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct the gender and case forms of the person's name used in documents."""
    nomination = _nomination(request, pk)
    if not access.can_change_candidate_profile(request.user):
        raise Http404
    form = NameFormsForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Заполните все падежные формы и пол.")
        return _back(nomination)
    try:
        candidate_name_forms_correct(
            candidate=nomination.candidate,
            actor=request.user,
            data=form.cleaned_data,
            request=request,
        )
    except ValidationError as error:
        _show(request, error)
    else:
        messages.success(request, "Падежные формы ФИО сохранены: документы будут их использовать.")
    return _back(nomination)
