"""Pages of the competency model (everyone) and the knowledge-test bank with its import."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assessment import access
from assessment.framework.forms import BankUploadForm
from assessment.framework.question_bank import (
    BankRow,
    FileRefused,
    TableNotFound,
    question_bank_import,
    read_bank_file,
    template_workbook,
)
from assessment.framework.selectors import (
    bank_questions,
    competency_model,
    knowledge_tests,
    question_counts,
    section_counts,
)
from assessment.scoring import LEVEL_BANDS
from core.spreadsheets import XLSX_CONTENT_TYPE

SESSION_KEY = "assessment_bank_import"


@login_required
def model_page(request: HttpRequest) -> HttpResponse:
    """Show the current competency model: its basis, functions, levels and targets by post."""
    if not access.can_view_competency_model(request.user):
        raise Http404
    return render(
        request,
        "assessment/model.html",
        {
            "model": competency_model(),
            "can_edit": access.can_edit_competency_model(request.user),
            "bands": LEVEL_BANDS,
        },
    )


def _staff_only(request: HttpRequest) -> None:
    if not access.can_manage_question_bank(request.user):
        raise Http404


@login_required
def bank_import(request: HttpRequest) -> HttpResponse:
    """Show the bank by competency; check an uploaded file and show its preview or its errors."""
    _staff_only(request)
    form = BankUploadForm(request.POST or None, request.FILES or None)
    instrument = form.fields["instrument"].queryset.first()
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        instrument = form.cleaned_data["instrument"]
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "bank"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                rows, errors = read_bank_file(path, instrument=instrument)
            except (FileRefused, TableNotFound) as error:
                rows, errors = [], []
                context["refusal"] = error.message
        context |= {"rows": rows, "errors": errors, "file_name": upload.name}
        if rows and not errors:
            request.session[SESSION_KEY] = {
                "instrument_id": instrument.pk,
                "file_name": upload.name,
                "rows": [row.as_dict() for row in rows],
            }
        else:
            request.session.pop(SESSION_KEY, None)
    context |= {
        "instrument": instrument,
        "counts": question_counts(instrument),
        "sections": section_counts(instrument),
        "questions": bank_questions(instrument),
    }
    return render(
        request,
        "assessment/bank/import.html",
        context,
        status=400 if context.get("errors") or context.get("refusal") else 200,
    )


@login_required
@require_POST
def bank_import_confirm(request: HttpRequest) -> HttpResponse:
    """Write the previewed questions, all or none."""
    _staff_only(request)
    pending = request.session.get(SESSION_KEY)
    if not pending:
        messages.error(request, "Нечего загружать: сначала выберите файл и проверьте его.")
        return redirect("assessment:bank_import")
    instrument = get_object_or_404(knowledge_tests(), pk=pending["instrument_id"])
    rows = [BankRow.from_dict(data) for data in pending["rows"]]
    try:
        added = question_bank_import(
            instrument=instrument, rows=rows, actor=request.user, request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"В банк теста «{instrument}» добавлено вопросов: {added} ({pending['file_name']}).",
        )
    request.session.pop(SESSION_KEY, None)
    return redirect("assessment:bank_import")


@login_required
def bank_template(request: HttpRequest) -> HttpResponse:
    """Download the bank template with the competency codes of the current test."""
    _staff_only(request)
    instrument = knowledge_tests().first()
    if instrument is None:
        raise Http404
    response = HttpResponse(template_workbook(instrument), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="bank_voprosov_shablon.xlsx"'
    return response
