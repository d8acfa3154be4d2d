"""The expert's own pages: «Мои оценки», the declaration, the materials and the rubric."""

from collections import defaultdict
from contextlib import suppress

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment import access
from assessment.experts import services as expert_services
from assessment.experts.forms import DeclarationForm, RubricForm
from assessment.experts.selectors import work_for_assignment
from assessment.models import (
    CampaignStatus,
    CompetencyLevel,
    ExpertAssignment,
    Participant,
    RubricCriterion,
    WorkSubmission,
)
from assessment.models.work import WRITTEN_KINDS
from audit.services import personal_data_access_log
from candidates.experience import length_of_service
from candidates.models import WorkKind
from core.views import Confirmation, confirmation_page, is_confirmed, show_errors


@login_required
def expert_home(request: HttpRequest) -> HttpResponse:
    """List the expert's assignments: to rate, and rated."""
    if not access.can_rate_as_expert(request.user):
        raise Http404
    assignments = (
        access.expert_assignments_of(request.user)
        .exclude(campaign_instrument__campaign__status=CampaignStatus.DRAFT)
        .select_related(
            "participant__candidate",
            "campaign_instrument__instrument",
            "campaign_instrument__campaign",
        )
        .order_by("submitted_at", "campaign_instrument__deadline", "pk")
    )
    pending = [a for a in assignments if a.submitted_at is None]
    done = [a for a in assignments if a.submitted_at is not None]
    handed_in = set(
        WorkSubmission.objects.filter(
            submitted_at__isnull=False,
            participant_id__in={a.participant_id for a in pending},
        ).values_list("participant_id", "campaign_instrument_id")
    )
    for assignment in pending:
        assignment.awaits_work = (
            assignment.campaign_instrument.instrument.kind in WRITTEN_KINDS
            and (assignment.participant_id, assignment.campaign_instrument_id) not in handed_in
        )
    return render(
        request,
        "assessment/expert/home.html",
        {"pending": pending, "done": done, "today": timezone.localdate()},
    )


def assignment_for(request: HttpRequest, pk: int) -> ExpertAssignment:
    """Return the expert's own assignment in a started campaign, else 404."""
    return get_object_or_404(
        access.expert_assignments_of(request.user)
        .exclude(campaign_instrument__campaign__status=CampaignStatus.DRAFT)
        .select_related(
            "participant__candidate__organization",
            "participant__municipality",
            "participant__position_kind",
            "campaign_instrument__instrument",
            "campaign_instrument__campaign",
        ),
        pk=pk,
    )


def _criteria(assignment: ExpertAssignment) -> list[RubricCriterion]:
    """Return the rubric of the participant's task variant, each criterion with its levels."""
    instrument = assignment.campaign_instrument.instrument
    criteria = list(
        instrument.criteria_for(instrument.variant_for(assignment.participant.position_kind_id))
    )
    levels = defaultdict(list)
    for level in CompetencyLevel.objects.filter(
        competency_id__in=[c.competency_id for c in criteria]
    ).order_by("level"):
        levels[level.competency_id].append(level)
    for criterion in criteria:
        criterion.level_list = levels[criterion.competency_id]
    return criteria


def _peer_ratings(assignment: ExpertAssignment, criteria) -> list[dict] | None:
    """Return the other experts' scores once every assigned expert has submitted, else None."""
    if not expert_services.panel_is_complete(
        participant_id=assignment.participant_id,
        campaign_instrument_id=assignment.campaign_instrument_id,
    ):
        return None
    others = (
        ExpertAssignment.objects.filter(
            participant_id=assignment.participant_id,
            campaign_instrument_id=assignment.campaign_instrument_id,
        )
        .exclude(pk=assignment.pk)
        .select_related("expert")
        .order_by("pk")
    )
    return [
        {
            "expert": other.expert,
            "scores": [other.scores.get(str(c.pk)) for c in criteria],
            "comment": other.comment,
        }
        for other in others
    ]


def _materials(participant: Participant) -> dict:
    candidate = participant.candidate
    today = timezone.localdate()
    work_records = list(candidate.work_records.all())
    service = {
        kind.label: str(
            length_of_service(
                record.period(today)
                for record in work_records
                if record.kind == kind and record.started_on <= today
            )
        )
        for kind in (WorkKind.PEDAGOGICAL, WorkKind.MANAGEMENT)
    }
    return {
        "education_records": list(candidate.education_records.all()),
        "dpo_records": list(candidate.dpo_records.all()),
        "work_records": work_records,
        "service": service,
    }


@login_required
def expert_assignment(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the declaration first, then the materials and the rubric form."""
    assignment = assignment_for(request, pk)
    participant = assignment.participant
    instrument = assignment.campaign_instrument.instrument
    variant = instrument.variant_for(participant.position_kind_id)
    context = {
        "assignment": assignment,
        "participant": participant,
        "candidate": participant.candidate,
        "instrument": instrument,
        "variant": variant,
        "task": variant.task if variant is not None else instrument.task,
        "campaign": assignment.campaign_instrument.campaign,
    }
    if assignment.no_conflict_declared_at is None:
        context["declaration_form"] = DeclarationForm()
        return render(request, "assessment/expert/declaration.html", context)
    personal_data_access_log(
        actor=request.user,
        subject=participant.candidate,
        purpose="экспертная оценка: материалы участника",
        request=request,
    )
    criteria = _criteria(assignment)
    initial = {f"criterion_{c.pk}": assignment.scores.get(str(c.pk)) for c in criteria}
    initial["comment"] = assignment.comment
    form = RubricForm(criteria=criteria, initial=initial)
    rows = [
        {"criterion": criterion, "field": form[f"criterion_{criterion.pk}"]}
        for criterion in criteria
    ]
    peers = _peer_ratings(assignment, criteria) if assignment.submitted_at else None
    work = work_for_assignment(assignment)
    score_rows = [
        {
            "criterion": criterion,
            "own": assignment.scores.get(str(criterion.pk)),
            "peers": [peer["scores"][index] for peer in peers or []],
        }
        for index, criterion in enumerate(criteria)
    ]
    context.update(
        {
            **_materials(participant),
            "form": form,
            "rows": rows,
            "score_rows": score_rows,
            "peers": peers,
            "is_submitted": assignment.submitted_at is not None,
            "campaign_runs": assignment.campaign_instrument.campaign.status
            == CampaignStatus.ACTIVE,
            "is_written": work.is_written,
            "work": work.submission,
            "work_files": work.files,
            "awaits_work": work.awaited,
        }
    )
    context["can_rate"] = context["campaign_runs"] and not work.awaited
    return render(request, "assessment/expert/assignment.html", context)


@login_required
@require_POST
def expert_declare(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the declaration; a declared relation withdraws the assignment."""
    assignment = assignment_for(request, pk)
    form = DeclarationForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors():
            messages.error(request, error)
        return redirect("assessment:expert_assignment", pk)
    try:
        kept = expert_services.expert_declare(
            assignment=assignment,
            actor=request.user,
            no_conflict=form.cleaned_data["no_conflict"],
            relation=form.cleaned_data["relation"],
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
        return redirect("assessment:expert_assignment", pk)
    if kept is None:
        messages.warning(
            request,
            "Связь с кандидатом записана, назначение снято. Министерство назначит другого "
            "эксперта.",
        )
        return redirect("assessment:expert_home")
    return redirect("assessment:expert_assignment", pk)


def _confirm_rating(
    request: HttpRequest, assignment: ExpertAssignment, criteria: list, values: dict
) -> HttpResponse:
    """Keep the scores as the draft, then ask before the submission that fixes them."""
    try:
        expert_services.expert_rating_save(
            assignment=assignment, submit=False, actor=request.user, request=request, **values
        )
    except ValidationError as error:
        show_errors(request, error)
        return redirect("assessment:expert_assignment", assignment.pk)
    missing = [str(c.competency) for c in criteria if values["scores"].get(c.pk) in (None, "")]
    if missing:
        messages.error(
            request,
            "Черновик сохранён. Чтобы отправить оценку, оцените все критерии. Не оценено: "
            + "; ".join(missing)
            + ".",
        )
        return redirect("assessment:expert_assignment", assignment.pk)
    person = assignment.participant.candidate.full_name
    return confirmation_page(
        request,
        Confirmation(
            title=f"Отправить оценку: {person}?",
            details=[(str(c.competency), str(values["scores"][c.pk])) for c in criteria]
            + ([("Комментарий", values["comment"])] if values["comment"] else []),
            consequences=[
                "Черновик сохранён; после отправки изменить оценки и комментарий нельзя.",
                "Оценки других экспертов откроются вам, когда все назначенные эксперты "
                "отправят свои.",
            ],
            confirm_label="Да, отправить оценку",
            cancel_url=reverse("assessment:expert_assignment", args=[assignment.pk]),
            danger=False,
        ),
    )


@login_required
@require_POST
def expert_rate(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the rubric as a draft or submit it."""
    assignment = assignment_for(request, pk)
    criteria = _criteria(assignment)
    form = RubricForm(request.POST, criteria=criteria)
    submit = request.POST.get("action") == "submit"
    if not form.is_valid():
        messages.error(request, "Проверьте оценки: допустимы значения от 1 до 4.")
        return redirect("assessment:expert_assignment", pk)
    values = {"scores": form.scores(), "comment": form.cleaned_data["comment"]}
    if submit and not is_confirmed(request):
        return _confirm_rating(request, assignment, criteria, values)
    try:
        expert_services.expert_rating_save(
            assignment=assignment, submit=submit, actor=request.user, request=request, **values
        )
    except ValidationError as error:
        show_errors(request, error)
        if submit and assignment.submitted_at is None:
            # What the expert entered is kept as a draft, so a refused submission loses nothing.
            with suppress(ValidationError):  # the reason was shown above
                expert_services.expert_rating_save(
                    assignment=assignment, submit=False, actor=request.user, **values
                )
    else:
        messages.success(
            request,
            "Оценка отправлена. Изменить её больше нельзя." if submit else "Черновик сохранён.",
        )
    return redirect("assessment:expert_assignment", pk)
