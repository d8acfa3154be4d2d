"""Pages of the selection stage: the application's record sections and its documents."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from candidates.forms_applicant import DocumentUploadForm, DpoForm, EducationForm, WorkForm
from candidates.models import Document, DocumentKind
from candidates.services import records
from candidates.views.applicant import (
    add_service_error,
    application_context,
    own_nomination,
    posted,
    posted_files,
    refuse_if_not_editable,
)
from governance.selectors import regulation_in_force


@dataclass(frozen=True)
class RecordSection:
    """One list of records in the profile: its form, its services and its wording."""

    key: str
    title: str
    lead: str
    add_title: str
    empty_text: str
    related_name: str
    form_class: type[forms.ModelForm]
    add: Callable
    update: Callable
    remove: Callable
    row_template: str


SECTIONS = {
    "education": RecordSection(
        key="education",
        title="Образование",
        lead="Высшее и среднее профессиональное образование по диплому.",
        add_title="Добавить образование",
        empty_text="Сведений об образовании пока нет.",
        related_name="education_records",
        form_class=EducationForm,
        add=records.education_record_add,
        update=records.education_record_update,
        remove=records.education_record_remove,
        row_template="candidates/applicant/_row_education.html",
    ),
    "dpo": RecordSection(
        key="dpo",
        title="Дополнительное профессиональное образование",
        lead="Профессиональная переподготовка и повышение квалификации (ДПО). Раздел "
        "необязательный, но для должности руководителя без профильного высшего образования "
        "нужна переподготовка в области управления.",
        add_title="Добавить программу ДПО",
        empty_text="Сведений о дополнительном образовании пока нет.",
        related_name="dpo_records",
        form_class=DpoForm,
        add=records.dpo_record_add,
        update=records.dpo_record_update,
        remove=records.dpo_record_remove,
        row_template="candidates/applicant/_row_dpo.html",
    ),
    "work": RecordSection(
        key="work",
        title="Трудовая деятельность",
        lead="Места работы по трудовой книжке. Из них считается стаж на педагогических и "
        "руководящих должностях.",
        add_title="Добавить место работы",
        empty_text="Сведений о трудовой деятельности пока нет.",
        related_name="work_records",
        form_class=WorkForm,
        add=records.work_record_add,
        update=records.work_record_update,
        remove=records.work_record_remove,
        row_template="candidates/applicant/_row_work.html",
    ),
}


def _form_data(form: forms.ModelForm) -> dict:
    if hasattr(form, "record_data"):
        return form.record_data()
    return dict(form.cleaned_data)


def _own_record(nomination, section: RecordSection, record_pk: int) -> models.Model | None:
    """Return the candidate's record; None when it is gone; 404 when it is someone else's."""
    related = getattr(nomination.candidate, section.related_name)
    record = related.filter(pk=record_pk).first()
    if record is None and related.model.objects.filter(pk=record_pk).exists():
        raise Http404
    return record


@login_required
@require_http_methods(["GET", "POST"])
def record_list(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    """List a section's records and add one."""
    nomination = own_nomination(request, pk)
    config = SECTIONS[section]
    form = config.form_class(posted(request))
    if request.method == "POST":
        if refused := refuse_if_not_editable(request, nomination):
            return refused
        if form.is_valid():
            try:
                config.add(
                    nomination=nomination,
                    actor=request.user,
                    data=_form_data(form),
                    request=request,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, "Запись добавлена.")
                return redirect(f"candidates:applicant_{section}", pk=pk)
    context = application_context(request, nomination, section)
    context |= {
        "section": config,
        "records": getattr(nomination.candidate, config.related_name).all(),
        "form": form,
    }
    return render(request, "candidates/applicant/records.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request: HttpRequest, pk: int, section: str, record_pk: int) -> HttpResponse:
    """Change one record of a section."""
    nomination = own_nomination(request, pk)
    config = SECTIONS[section]
    record = _own_record(nomination, config, record_pk)
    if record is None:
        messages.error(request, "Этой записи больше нет — возможно, её удалили.")
        return redirect(f"candidates:applicant_{section}", pk=pk)
    if refused := refuse_if_not_editable(request, nomination):
        return refused
    stored = type(record).objects.get(pk=record.pk)
    form = config.form_class(posted(request), instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            config.update(
                nomination=nomination,
                record=stored,
                actor=request.user,
                data=_form_data(form),
                request=request,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Изменения сохранены.")
            return redirect(f"candidates:applicant_{section}", pk=pk)
    context = application_context(request, nomination, section)
    context |= {"section": config, "record": stored, "form": form}
    return render(request, "candidates/applicant/record_edit.html", context)


@login_required
@require_POST
def record_delete(request: HttpRequest, pk: int, section: str, record_pk: int) -> HttpResponse:
    """Remove one record of a section."""
    nomination = own_nomination(request, pk)
    config = SECTIONS[section]
    record = _own_record(nomination, config, record_pk)
    if refused := refuse_if_not_editable(request, nomination):
        return refused
    if record is None:
        messages.info(request, "Эта запись уже удалена.")
        return redirect(f"candidates:applicant_{section}", pk=pk)
    try:
        config.remove(nomination=nomination, record=record, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Запись удалена.")
    return redirect(f"candidates:applicant_{section}", pk=pk)


def _max_megabytes() -> int:
    return max(1, settings.DOCUMENT_MAX_BYTES // (1024 * 1024))


@login_required
@require_http_methods(["GET", "POST"])
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    """List the application's documents, mark the required kinds, upload a file."""
    nomination = own_nomination(request, pk)
    required = regulation_in_force().required_documents
    form = DocumentUploadForm(
        posted(request),
        posted_files(request),
        required_kinds=required,
        max_megabytes=_max_megabytes(),
    )
    if request.method == "POST":
        if refused := refuse_if_not_editable(request, nomination):
            return refused
        if form.is_valid():
            try:
                document = records.application_document_upload(
                    nomination=nomination,
                    kind=form.cleaned_data["kind"],
                    uploaded_file=form.cleaned_data["file"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as error:
                form.add_error("file", error.messages)
            else:
                messages.success(request, f"Документ «{document.get_kind_display()}» загружен.")
                return redirect("candidates:applicant_documents", pk=pk)
    uploaded = list(nomination.documents.order_by("kind", "uploaded_at"))
    present = {document.kind for document in uploaded}
    context = application_context(request, nomination, "documents")
    context |= {
        "form": form,
        "documents": uploaded,
        "required_kinds": [
            {"label": DocumentKind(kind).label, "is_present": kind in present} for kind in required
        ],
    }
    return render(request, "candidates/applicant/documents.html", context)


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """Remove a document from the application while it is editable."""
    nomination = own_nomination(request, pk)
    document = nomination.documents.filter(pk=document_pk).first()
    if document is None and Document.objects.filter(pk=document_pk).exists():
        raise Http404
    if refused := refuse_if_not_editable(request, nomination):
        return refused
    if document is None:
        messages.info(request, "Этот документ уже удалён.")
        return redirect("candidates:applicant_documents", pk=pk)
    try:
        records.application_document_delete(
            nomination=nomination, document=document, actor=request.user, request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Документ «{document.get_kind_display()}» удалён.")
    return redirect("candidates:applicant_documents", pk=pk)
