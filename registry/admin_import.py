"""The registry's Excel import and export in the admin: upload → preview → confirm.

Only administrators import (registry.access.can_import_registry); to anyone else the import
pages do not exist (404). Nothing is written before the confirmation, and the confirmation
applies exactly the plan that was previewed (services.registry_import_apply with its
fingerprint), once.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache

from core.spreadsheets import XLSX_CONTENT_TYPE
from registry import access, pending_imports
from registry.forms import RegistryUploadForm
from registry.importing.report import ImportReport
from registry.resources import export_response, registry_template_xlsx
from registry.services import registry_import_apply, registry_import_preview

ALREADY_DONE = (
    "Этот импорт уже выполнен, отменён или устарел — повторно в реестр ничего не записано. "
    "Если нужно, загрузите файл ещё раз."
)


class RegistryImportAdminMixin:
    """Adds the import, template and export pages and the export action to OrganizationAdmin."""

    change_list_template = "admin/registry/organization/change_list.html"
    actions = ["export_selected"]

    def get_urls(self) -> list:
        prefix = "registry_organization"
        own = [
            path("import/", self._importer(self.import_view), name=f"{prefix}_import"),
            path(
                "import/confirm/",
                self._importer(self.import_confirm_view),
                name=f"{prefix}_import_confirm",
            ),
            path(
                "import/template/",
                self._importer(self.import_template_view),
                name=f"{prefix}_import_template",
            ),
            path("export/", self.admin_site.admin_view(self.export_view), name=f"{prefix}_export"),
        ]
        return own + super().get_urls()

    def _importer(self, view: Callable) -> Callable:
        """Wrap an import page: sign-in required, and 404 to anyone who may not import."""

        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not access.can_import_registry(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return never_cache(wrapper)

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        extra_context = {
            **(extra_context or {}),
            "can_import_registry": access.can_import_registry(request.user),
            "can_export_registry": access.can_export_registry(request.user),
        }
        return super().changelist_view(request, extra_context)

    def _context(self, request: HttpRequest, title: str, **context) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "changelist_url": reverse("admin:registry_organization_changelist"),
            **context,
        }

    def _preview(
        self, request: HttpRequest, report: ImportReport, token: str | None
    ) -> TemplateResponse:
        title = "Импорт реестра: проверка файла"
        return TemplateResponse(
            request,
            "admin/registry/organization/import_preview.html",
            self._context(
                request,
                title,
                report=report,
                token=token,
                has_changes=bool(report.created or report.updated),
            ),
        )

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Show the upload form; on upload, plan the import and show the preview."""
        form = RegistryUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            stored = pending_imports.store_upload(upload)
            report = registry_import_preview(path=stored, file_name=upload.name)
            token = None
            if report.is_valid and (report.created or report.updated):
                token = pending_imports.remember(
                    request, path=stored, file_name=upload.name, fingerprint=report.fingerprint
                )
            else:
                pending_imports.discard(stored)
            return self._preview(request, report, token)
        return TemplateResponse(
            request,
            "admin/registry/organization/import.html",
            self._context(request, "Импорт реестра из Excel", form=form),
        )

    def import_confirm_view(self, request: HttpRequest) -> HttpResponse:
        """Apply the previewed plan once, or cancel it; anything else writes nothing."""
        changelist = redirect("admin:registry_organization_changelist")
        if request.method != "POST":
            return redirect("admin:registry_organization_import")
        upload = pending_imports.take(request, request.POST.get("token", ""))
        if upload is None:
            messages.error(request, ALREADY_DONE)
            return changelist
        if "cancel" in request.POST:
            pending_imports.discard(upload)
            messages.info(request, "Импорт отменён, в реестр ничего не записано.")
            return changelist
        report = registry_import_apply(
            path=upload.path,
            actor=request.user,
            file_name=upload.file_name,
            request=request,
            expected_fingerprint=upload.fingerprint,
        )
        if report.applied:
            pending_imports.discard(upload)
            messages.success(
                request, f"Импорт из файла «{upload.file_name}» выполнен: {report.summary()}."
            )
            return changelist
        if report.stale and report.is_valid and (report.created or report.updated):
            token = pending_imports.remember(
                request,
                path=upload.path,
                file_name=upload.file_name,
                fingerprint=report.fingerprint,
            )
            messages.warning(
                request,
                "Пока открыт предпросмотр, реестр изменился. Проверьте изменения ещё раз "
                "и подтвердите импорт.",
            )
            return self._preview(request, report, token)
        pending_imports.discard(upload)
        if report.stale and report.is_valid:
            messages.info(
                request,
                f"Реестр уже совпадает с файлом «{upload.file_name}»: импорт был выполнен "
                "раньше, повторно ничего не записано.",
            )
            return changelist
        return self._preview(request, report, None)

    def import_template_view(self, request: HttpRequest) -> FileResponse:
        """Download the blank registry template."""
        return FileResponse(
            registry_template_xlsx(),
            as_attachment=True,
            filename="шаблон-реестра-организаций.xlsx",
            content_type=XLSX_CONTENT_TYPE,
        )

    def export_view(self, request: HttpRequest) -> FileResponse:
        """Download the organizations of the changelist, with its search and filters."""
        if not (self.has_view_permission(request) and access.can_export_registry(request.user)):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return export_response(changelist.get_queryset(request))

    @admin.action(description="Выгрузить выбранные организации в Excel", permissions=["view"])
    def export_selected(self, request: HttpRequest, queryset) -> FileResponse:
        """Download the organizations ticked in the changelist."""
        return export_response(queryset)
