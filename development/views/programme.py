"""The comprehensive programme: its page and its .docx document."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.docx import DOCX_CONTENT_TYPE
from development import access
from development.documents import programme_document, programme_filename
from development.selectors_programme import TITLE, programme_overview


def _readable(request: HttpRequest) -> None:
    if not access.can_view_programme(request.user):
        raise Http404


@login_required
def programme_page(request: HttpRequest) -> HttpResponse:
    """Show the programme: modules by year, competencies, support, results and indicators."""
    _readable(request)
    return render(
        request,
        "development/programme/page.html",
        {
            "title": TITLE,
            "programme": programme_overview(timezone.localdate()),
            "can_edit": access.can_manage_catalogue(request.user),
        },
    )


@login_required
def programme_download(request: HttpRequest) -> HttpResponse:
    """Download the programme as .docx, built from the data at this moment."""
    _readable(request)
    programme = programme_overview(timezone.localdate())
    response = HttpResponse(programme_document(programme), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{programme_filename(programme)}"'
    return response
