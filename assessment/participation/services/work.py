"""The participant's written work: a text and files saved as a draft, then handed in and locked.

Until the work is handed in the experts see nothing and cannot rate it; once it is, the experts
assigned to it are told by mail. Every write checks the instrument's window (its deadline).
"""

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from assessment.models import (
    CampaignInstrument,
    ExpertAssignment,
    Participant,
    WorkFile,
    WorkSubmission,
)
from assessment.models.work import MAX_FILES, MAX_TEXT_LENGTH, WRITTEN_KINDS
from assessment.participation.services.window import ensure_open
from audit.services import audit_record
from core.mail import Letter, mail_many_on_commit
from core.text_documents import text_document_kind


def _ensure_written_and_open(participant: Participant, item: CampaignInstrument) -> None:
    if item.instrument.kind not in WRITTEN_KINDS:
        raise ValidationError("Этот инструмент оценки не предполагает письменной работы.")
    ensure_open(participant=participant, campaign_instrument=item, kind=item.instrument.kind)


def _locked_submission(participant: Participant, item: CampaignInstrument) -> WorkSubmission:
    """Return the work locked for update, created if there is none; refuse a handed-in one."""
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    work, _ = WorkSubmission.objects.get_or_create(
        participant=participant, campaign_instrument=item
    )
    work = WorkSubmission.objects.select_for_update().get(pk=work.pk)
    if work.is_submitted:
        raise ValidationError(
            f"Работа уже сдана {timezone.localtime(work.submitted_at):%d.%m.%Y в %H:%M}: "
            "изменить её нельзя."
        )
    return work


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            f"Текст длиннее {MAX_TEXT_LENGTH:,} знаков: сократите его или приложите "
            "работу файлом.".replace(",", " ")
        )
    return text


def work_save_draft(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    text: str,
    actor,
    request: HttpRequest | None = None,
) -> WorkSubmission:
    """Save the text of the work as a draft; refuse after hand-in or the deadline."""
    _ensure_written_and_open(participant, campaign_instrument)
    text = _clean_text(text)
    with transaction.atomic():
        work = _locked_submission(participant, campaign_instrument)
        started = not work.text and text
        work.text = text
        work.save(update_fields=["text", "saved_at"])
        # Autosave writes every few seconds; the log records that the work began and its end.
        if started:
            audit_record(
                actor=actor,
                action="assessment.work.start",
                obj=work,
                changes={"знаков": (None, len(text))},
                request=request,
            )
    return work


def work_file_add(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    uploaded_file: UploadedFile,
    actor,
    request: HttpRequest | None = None,
) -> WorkFile:
    """Attach a PDF, DOCX or ODT file (checked by its content) to the draft of the work."""
    _ensure_written_and_open(participant, campaign_instrument)
    content_type, extension = text_document_kind(uploaded_file)
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    original_name = (uploaded_file.name or "работа")[-255:]
    with transaction.atomic():
        work = _locked_submission(participant, campaign_instrument)
        if work.files.count() >= MAX_FILES:
            raise ValidationError(
                f"К работе можно приложить не больше {MAX_FILES} файлов: удалите лишний."
            )
        work_file = WorkFile(
            submission=work,
            original_name=original_name,
            content_type=content_type,
            size=uploaded_file.size,
            sha256=digest.hexdigest(),
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        # The stored name is random, its extension the one the content shows.
        work_file.file.save(f"{uuid.uuid4().hex}{extension}", uploaded_file, save=False)
        try:
            work_file.save()
            work.save(update_fields=["saved_at"])
            audit_record(
                actor=actor,
                action="assessment.work.file_add",
                obj=work,
                changes={"файл": (None, original_name)},
                request=request,
            )
        except Exception:
            work_file.file.delete(save=False)
            raise
    return work_file


def work_file_remove(*, work_file: WorkFile, actor, request: HttpRequest | None = None) -> None:
    """Remove a file from the draft of the work, and from storage once committed."""
    work = work_file.submission
    _ensure_written_and_open(work.participant, work.campaign_instrument)
    with transaction.atomic():
        _locked_submission(work.participant, work.campaign_instrument)
        name = work_file.original_name
        work_file.delete()
        audit_record(
            actor=actor,
            action="assessment.work.file_remove",
            obj=work,
            changes={"файл": (name, None)},
            request=request,
        )
        transaction.on_commit(lambda: work_file.file.delete(save=False))


def _experts_told(work: WorkSubmission) -> list[Letter]:
    assignments = ExpertAssignment.objects.filter(
        participant_id=work.participant_id, campaign_instrument_id=work.campaign_instrument_id
    ).select_related("expert")
    instrument = work.campaign_instrument.instrument
    letters = []
    for assignment in assignments:
        path = reverse("assessment:expert_assignment", args=[assignment.pk])
        letters.append(
            Letter(
                subject=f"Кадровый резерв: работа сдана — {instrument.name}",
                body=(
                    f"Здравствуйте, {assignment.expert.first_name or assignment.expert}!\n\n"
                    f"Участник оценки сдал работу «{instrument.name}». Её можно прочитать и "
                    f"оценить на портале: раздел «Мои оценки» ({path}).\n"
                ),
                recipients=[assignment.expert.email],
            )
        )
    return letters


def work_submit(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    text: str | None = None,
    actor,
    request: HttpRequest | None = None,
) -> WorkSubmission:
    """Hand the work in: it needs a text or a file; afterwards nothing in it changes."""
    existing = WorkSubmission.objects.filter(
        participant=participant, campaign_instrument=campaign_instrument
    ).first()
    if existing is not None and existing.is_submitted:
        return existing
    _ensure_written_and_open(participant, campaign_instrument)
    cleaned = _clean_text(text) if text is not None else None
    with transaction.atomic():
        work = _locked_submission(participant, campaign_instrument)
        if cleaned is not None:
            work.text = cleaned
        if not work.text.strip() and not work.files.exists():
            raise ValidationError(
                "Сдавать пока нечего: напишите ответ в поле или приложите файл с работой."
            )
        work.submitted_at = timezone.now()
        work.save(update_fields=["text", "saved_at", "submitted_at"])
        audit_record(
            actor=actor,
            action="assessment.work.submit",
            obj=work,
            changes={
                "сдано": (None, work.submitted_at),
                "знаков": (None, len(work.text)),
                "файлов": (None, work.files.count()),
            },
            request=request,
        )
        mail_many_on_commit(_experts_told(work))
    return work
