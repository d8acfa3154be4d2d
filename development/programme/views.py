"""The comprehensive programme: its page (everyone signed in) and its .docx."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.docx import DOCX_CONTENT_TYPE
from development import access
from development.extensions import induction_links
from development.programme import texts
from development.programme.document import programme_document, programme_filename
from development.programme.selectors import TITLE, own_target_post, programme_overview


def _readable(request: HttpRequest) -> None:
    if not access.can_view_programme(request.user):
        raise Http404


@login_required
def programme_page(request: HttpRequest) -> HttpResponse:
    """Show the programme: passport, modules, tracks, support, career path, partners, resources."""
    _readable(request)
    programme = programme_overview(timezone.localdate())
    # A reservist first sees the track of their own post; «все треки» (an empty choice) shows all.
    own_post = own_target_post(request.user)
    chosen = request.GET.get("track", own_post)
    track = next((t for t in programme.tracks if t.post.code == chosen), None)
    return render(
        request,
        "development/programme/page.html",
        {
            "title": programme.passport.title if programme.passport else TITLE,
            "programme": programme,
            "track": track,
            "own_track": track is not None and track.post.code == own_post,
            "career": texts.career_path(programme.regulation),
            "moves": texts.CAREER_MOVES,
            "eligibility": texts.eligibility_lines(programme.regulation),
            "induction": texts.induction_paragraphs(),
            "induction_links": induction_links(request.user),
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
