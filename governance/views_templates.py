"""Pages of the documents' Word templates: the list, a download, a new version's upload."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.docx import DOCX_CONTENT_TYPE
from governance import access
from governance.document_templates import KINDS
from governance.document_templates.rendering import template_fields
from governance.document_templates.services import (
    document_template_restore,
    document_template_upload,
)
from governance.document_templates.store import template_in_force
from governance.models import DocumentTemplate


class TemplateUploadForm(forms.Form):
    file = forms.FileField(
        label="Файл шаблона (.docx)",
        help_text="Скачайте действующий шаблон, измените текст в Word, не трогая поля в "
        "фигурных скобках, и загрузите его здесь.",
    )
    note = forms.CharField(
        label="Что изменено",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _allowed(request: HttpRequest) -> None:
    if not access.can_change_regulation(request.user):
        raise Http404


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    """List the documents' templates: the version in force of each and its history."""
    _allowed(request)
    for code in KINDS:
        template_in_force(code)  # the shipped default becomes version 1 when none is there
    versions = DocumentTemplate.objects.select_related("uploaded_by").order_by("kind", "-version")
    by_kind = {code: [] for code in KINDS}
    for version in versions:
        by_kind.setdefault(version.kind, []).append(version)
    return render(
        request,
        "governance/template_list.html",
        {"kinds": [(KINDS[code], by_kind[code]) for code in KINDS]},
    )


def _kind_or_404(code: str):
    if code not in KINDS:
        raise Http404
    return KINDS[code]


@login_required
def template_detail(request: HttpRequest, code: str) -> HttpResponse:
    """Show one template's fields and versions; upload a new version."""
    _allowed(request)
    kind = _kind_or_404(code)
    form = TemplateUploadForm()
    status = 200
    if request.method == "POST":
        form = TemplateUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                template = document_template_upload(
                    kind=code,
                    file=form.cleaned_data["file"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                messages.success(request, f"Действует версия {template.version} шаблона.")
                return redirect("governance:template_detail", code=code)
        status = 400
    template_in_force(code)
    versions = DocumentTemplate.objects.filter(kind=code).select_related("uploaded_by")
    return render(
        request,
        "governance/template_detail.html",
        {
            "kind": kind,
            "versions": versions.order_by("-version"),
            "fields": sorted(template_fields(kind.sample())),
            "form": form,
        },
        status=status,
    )


@login_required
def template_download(request: HttpRequest, code: str, version: int) -> HttpResponse:
    """Serve a version of a template as the .docx to edit in Word."""
    _allowed(request)
    _kind_or_404(code)
    template = get_object_or_404(DocumentTemplate, kind=code, version=version)
    response = HttpResponse(bytes(template.content), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{code}-v{version}.docx"'
    return response


@login_required
@require_POST
def template_restore(request: HttpRequest, code: str, version: int) -> HttpResponse:
    """Put an earlier version of a template back in force."""
    _allowed(request)
    _kind_or_404(code)
    template = get_object_or_404(DocumentTemplate, kind=code, version=version)
    document_template_restore(template=template, actor=request.user, request=request)
    messages.success(request, f"Снова действует версия {version} шаблона.")
    return redirect("governance:template_detail", code=code)
