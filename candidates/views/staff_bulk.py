"""Pages of the selection stage: staff side, mass nomination from a spreadsheet."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from candidates import access
from candidates.bulk_nomination import (
    MAX_BYTES,
    MAX_ROWS,
    check_plan,
    claim_upload,
    discard_upload,
    pending_path,
    store_upload,
    template_workbook,
)
from candidates.services.bulk_nomination import nominations_create_in_bulk
from core.spreadsheets import XLSX_CONTENT_TYPE, FileRefused

SESSION_KEY = "candidates_bulk_nomination_token"
TEMPLATE_NAME = "vydvizhenie-kandidatov-shablon.xlsx"


class BulkUploadForm(forms.Form):
    file = forms.FileField(
        label="Файл со списком кандидатов",
        help_text=f"Excel (.xlsx, .xls) или LibreOffice (.ods), до {MAX_BYTES // (1024 * 1024)} МБ "
        f"и {MAX_ROWS} строк.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.ods"}),
    )


def _require_bulk(request: HttpRequest) -> None:
    if not access.can_nominate_in_bulk(request.user):
        raise Http404


def _forget_pending(request: HttpRequest) -> None:
    token = request.session.pop(SESSION_KEY, None)
    if token:
        discard_upload(token)


@login_required
def bulk_nominate(request: HttpRequest) -> HttpResponse:
    """Upload a list of candidates and preview what will be created; nothing is written yet."""
    _require_bulk(request)
    form = BulkUploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "max_rows": MAX_ROWS}
    if request.method == "POST" and form.is_valid():
        _forget_pending(request)
        try:
            token = store_upload(form.cleaned_data["file"])
        except FileRefused as error:
            form.add_error("file", error.message)
            return render(request, "candidates/staff/bulk_nominate.html", context)
        plan = check_plan(pending_path(token), request.user)
        context.update(plan=plan, file_name=form.cleaned_data["file"].name)
        if plan.is_valid:
            request.session[SESSION_KEY] = token
            context.update(
                token=token,
                form=BulkUploadForm(),
                new_accounts=sum(1 for row in plan.rows if row.existing_candidate is None),
            )
        else:
            discard_upload(token)
    return render(request, "candidates/staff/bulk_nominate.html", context)


@login_required
def bulk_nominate_template(request: HttpRequest) -> HttpResponse:
    """Download the spreadsheet template for mass nomination."""
    _require_bulk(request)
    response = HttpResponse(
        template_workbook(),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    return response


@require_POST
@login_required
def bulk_nominate_confirm(request: HttpRequest) -> HttpResponse:
    """Create every nomination of the previewed list, or none; a second press does nothing."""
    _require_bulk(request)
    token = request.POST.get("token", "")
    if request.POST.get("cancel"):
        if token and token == request.session.get(SESSION_KEY):
            _forget_pending(request)
        messages.info(request, "Загрузка списка отменена, ничего не создано.")
        return redirect("candidates:bulk_nominate")
    if not token or token != request.session.get(SESSION_KEY):
        messages.error(
            request,
            "Этот список уже обработан или его просмотр устарел. Проверьте заявки в списке "
            "или загрузите файл заново.",
        )
        return redirect("candidates:pipeline")
    try:
        path = claim_upload(token)
    except FileNotFoundError:
        request.session.pop(SESSION_KEY, None)
        messages.error(request, "Этот список уже обработан. Проверьте заявки в списке.")
        return redirect("candidates:pipeline")
    request.session.pop(SESSION_KEY, None)
    try:
        plan = check_plan(path, request.user)
        nominations = nominations_create_in_bulk(actor=request.user, plan=plan, request=request)
    except ValidationError as error:
        # Something changed since the preview (a person registered, a nomination was opened).
        return render(
            request,
            "candidates/staff/bulk_nominate.html",
            {"form": BulkUploadForm(), "max_rows": MAX_ROWS, "plan": plan, "failure": error},
        )
    finally:
        discard_upload(token)
    messages.success(
        request,
        f"Создано заявок: {len(nominations)}. Кандидатам отправлены приглашения заполнить анкету.",
    )
    return redirect("candidates:pipeline")
