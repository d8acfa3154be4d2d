"""The participant's written work (case, management project, portfolio): the task, the draft
saved as they type, files, and the hand-in that locks it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessment.models import (
    CampaignInstrument,
    ExpertAssignment,
    Participant,
    WorkFile,
    WorkSubmission,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.models.work import MAX_FILES, MAX_TEXT_LENGTH, WRITTEN_KINDS
from assessment.participation.forms import WorkFileForm, WorkTextForm
from assessment.participation.services.work import (
    work_file_add,
    work_file_remove,
    work_save_draft,
    work_submit,
)
from assessment.participation.views.common import hh_mm, json_body, own_item
from core.russian import quantity
from core.text_documents import KINDS_NAMED
from core.uploads import document_max_bytes, size_label
from core.views import Confirmation, confirmation_page, is_confirmed, show_errors

KINDS = tuple(WRITTEN_KINDS)


def _work_of(participant: Participant, item: CampaignInstrument) -> WorkSubmission | None:
    return WorkSubmission.objects.filter(participant=participant, campaign_instrument=item).first()


def _page_url(participant: Participant, item: CampaignInstrument) -> str:
    return reverse("assessment:task", args=[participant.pk, item.pk])


def work_page(request: HttpRequest, participant: Participant, item: CampaignInstrument):
    """Render the task with the participant's work: editable until handed in or the deadline."""
    work = _work_of(participant, item)
    files = list(work.files.all()) if work is not None else []
    submitted = work is not None and work.is_submitted
    rated = ExpertAssignment.objects.filter(participant=participant, campaign_instrument=item)
    counts = rated.aggregate(
        assigned=Count("id"), submitted=Count("id", filter=Q(submitted_at__isnull=False))
    )
    # The case has a variant per post: the participant sees theirs and the rubric it is rated by.
    variant = item.instrument.variant_for(participant.position_kind_id)
    editable = not submitted and item.is_open()
    return render(
        request,
        "assessment/participant/work.html",
        {
            "participant": participant,
            "item": item,
            "instrument": item.instrument,
            "variant": variant,
            "task": variant.task if variant is not None else item.instrument.task,
            "criteria": item.instrument.criteria_for(variant),
            "work": work,
            "files": files,
            "submitted": submitted,
            "editable": editable,
            "rated": counts["submitted"] >= MIN_EXPERTS,
            "text_form": WorkTextForm(initial={"text": work.text if work else ""}),
            "file_form": WorkFileForm(),
            "can_add_file": editable and len(files) < MAX_FILES,
            "max_files": MAX_FILES,
            "max_text": MAX_TEXT_LENGTH,
            "max_size": size_label(document_max_bytes()),
            "kinds_named": KINDS_NAMED,
            "saved_at": hh_mm(work.saved_at) if work is not None else "",
        },
    )


@login_required
@require_POST
def work_save(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Save the text as a draft (the button, for pages without the script), or hand it in."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    form = WorkTextForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("text", []):
            messages.error(request, error)
        return redirect(_page_url(participant, item))
    text = form.cleaned_data["text"]
    if request.POST.get("action") == "submit":
        return _submit(request, participant, item, text)
    try:
        work = work_save_draft(
            participant=participant,
            campaign_instrument=item,
            text=text,
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Черновик сохранён в {hh_mm(work.saved_at)}.")
    return redirect(_page_url(participant, item))


def _submit(
    request: HttpRequest, participant: Participant, item: CampaignInstrument, text: str
) -> HttpResponse:
    """Keep the text as the draft, ask before the hand-in, then hand it in."""
    if not is_confirmed(request):
        try:
            work = work_save_draft(
                participant=participant,
                campaign_instrument=item,
                text=text,
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
            return redirect(_page_url(participant, item))
        files = [f.original_name for f in work.files.all()]
        if not work.text.strip() and not files:
            messages.error(
                request, "Сдавать пока нечего: напишите ответ в поле или приложите файл с работой."
            )
            return redirect(_page_url(participant, item))
        return confirmation_page(
            request,
            Confirmation(
                title=f"Сдать работу «{item.instrument.name}»?",
                details=[
                    (
                        "Текст ответа",
                        quantity(len(work.text.strip()), "знак", "знака", "знаков")
                        if work.text.strip()
                        else "нет",
                    ),
                    ("Файлы", "; ".join(files) or "нет"),
                ],
                consequences=[
                    f"Черновик сохранён в {hh_mm(work.saved_at)}.",
                    "После сдачи изменить текст и файлы будет нельзя.",
                    "Эксперты получат работу и оценят её по критериям, каждый независимо.",
                ],
                confirm_label="Да, сдать работу",
                cancel_url=_page_url(participant, item),
                danger=False,
            ),
        )
    try:
        work_submit(
            participant=participant,
            campaign_instrument=item,
            text=text,
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, "Работа сдана. Эксперты получат её и оценят.")
    return redirect(_page_url(participant, item))


@login_required
@require_POST
def work_autosave(request: HttpRequest, participant_pk: int, item_pk: int) -> JsonResponse:
    """Save the text the page's script sends as JSON; answer with the time it was saved."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    try:
        text = json_body(request).get("text", "")
        if not isinstance(text, str):
            raise ValidationError("Запрос повреждён: обновите страницу.")
        work = work_save_draft(
            participant=participant,
            campaign_instrument=item,
            text=text,
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=409)
    return JsonResponse({"saved_at": hh_mm(work.saved_at), "length": len(work.text)})


@login_required
@require_POST
def work_file_upload(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Attach a file to the draft of the work."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    form = WorkFileForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect(_page_url(participant, item))
    try:
        added = work_file_add(
            participant=participant,
            campaign_instrument=item,
            uploaded_file=form.cleaned_data["file"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Файл «{added.original_name}» приложен к работе.")
    return redirect(_page_url(participant, item))


def _own_file(request: HttpRequest, participant_pk: int, item_pk: int, pk: int) -> WorkFile:
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    return get_object_or_404(
        WorkFile.objects.select_related(
            "submission__participant", "submission__campaign_instrument"
        ),
        pk=pk,
        submission__participant=participant,
        submission__campaign_instrument=item,
    )


@login_required
@require_POST
def work_file_delete(
    request: HttpRequest, participant_pk: int, item_pk: int, pk: int
) -> HttpResponse:
    """Remove a file from the draft of the work."""
    work_file = _own_file(request, participant_pk, item_pk, pk)
    try:
        work_file_remove(work_file=work_file, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Файл «{work_file.original_name}» удалён.")
    return redirect("assessment:task", participant_pk, item_pk)


@login_required
@require_GET
def work_file_download(
    request: HttpRequest, participant_pk: int, item_pk: int, pk: int
) -> FileResponse:
    """Let the participant download a file of their own work."""
    return serve_work_file(_own_file(request, participant_pk, item_pk, pk))


def serve_work_file(work_file: WorkFile) -> FileResponse:
    """Serve a file of a written work as an attachment, named as its content is."""
    try:
        handle = work_file.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = work_file.original_name
    extension = "." + work_file.file.name.rsplit(".", 1)[-1].lower()
    if not name.lower().endswith(extension):
        name += extension
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=work_file.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
