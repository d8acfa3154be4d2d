"""Reads of the expert's pages: the participant's written work an assignment rates."""

from dataclasses import dataclass, field

from assessment.models import ExpertAssignment, WorkFile, WorkSubmission
from assessment.models.work import WRITTEN_KINDS


@dataclass
class AssignedWork:
    """The work an expert rates: shown only once handed in; until then the rating waits."""

    is_written: bool
    submission: WorkSubmission | None = None
    files: list[WorkFile] = field(default_factory=list)

    @property
    def awaited(self) -> bool:
        """Return whether the rating waits for the participant to hand the work in."""
        return self.is_written and self.submission is None


def work_for_assignment(assignment: ExpertAssignment) -> AssignedWork:
    """Return the handed-in work the assignment rates; a draft is never shown to experts."""
    if assignment.campaign_instrument.instrument.kind not in WRITTEN_KINDS:
        return AssignedWork(is_written=False)
    submission = WorkSubmission.objects.filter(
        participant_id=assignment.participant_id,
        campaign_instrument_id=assignment.campaign_instrument_id,
        submitted_at__isnull=False,
    ).first()
    if submission is None:
        return AssignedWork(is_written=True)
    return AssignedWork(is_written=True, submission=submission, files=list(submission.files.all()))
