"""The expert's download of a file of the work they rate, logged as access to personal data."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from assessment.experts.selectors import work_for_assignment
from assessment.experts.views.rating import assignment_for
from assessment.participation.views.work import serve_work_file
from audit.services import personal_data_access_log


@login_required
@require_GET
def expert_work_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """Serve a file of the handed-in work of the expert's own assignment, after the declaration."""
    assignment = assignment_for(request, pk)
    if assignment.no_conflict_declared_at is None:
        raise Http404
    work = work_for_assignment(assignment)
    if work.submission is None:
        raise Http404  # nothing is shown to experts before the work is handed in
    work_file = get_object_or_404(work.submission.files, pk=file_pk)
    personal_data_access_log(
        actor=request.user,
        subject=assignment.participant.candidate,
        purpose=f"экспертная оценка: скачивание работы «{work_file.original_name}»",
        request=request,
    )
    return serve_work_file(work_file)
