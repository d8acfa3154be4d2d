"""Pages of the selection stage: an application document's download, for whom the policy allows."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from audit.services import personal_data_access_log
from candidates import access
from candidates.models import Document

# A download's name ends as its content is, whatever the person called the file.
DOWNLOAD_EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}


def download_name(document: Document) -> str:
    """Return the file name to save under, its extension matching the stored content."""
    name = document.original_name or "документ"
    extensions = DOWNLOAD_EXTENSIONS.get(document.content_type, ())
    if extensions and not name.lower().endswith(extensions):
        return name + extensions[0]
    return name


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a document to whoever the policy allows, as an attachment; log the download."""
    document = get_object_or_404(
        access.documents_visible_to(request.user).select_related("nomination__candidate"), pk=pk
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    personal_data_access_log(
        actor=request.user,
        subject=document.nomination.candidate,
        purpose=f"скачивание документа: {document.get_kind_display()}",
        request=request,
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(document),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
