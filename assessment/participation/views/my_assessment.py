"""The participant's «Моя оценка»: every instrument with its deadline and status, and the tasks
that experts rate."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assessment import access
from assessment.models import ExpertAssignment, Result
from assessment.models.experts import MIN_EXPERTS
from assessment.models.instruments import EXPERT_KINDS
from assessment.models.work import WRITTEN_KINDS
from assessment.participation.selectors import participations_of
from assessment.participation.views.common import own_item
from assessment.participation.views.work import work_page


@login_required
def my_assessment(request: HttpRequest) -> HttpResponse:
    """List the user's campaigns with every assigned instrument, its deadline and status."""
    if not access.can_view_own_assessment(request.user):
        raise Http404
    participations = participations_of(access.own_participations(request.user))
    computed = set(
        Result.objects.filter(
            participant_id__in=[p.participant.pk for p in participations]
        ).values_list("participant_id", flat=True)
    )
    for participation in participations:
        participant = participation.participant
        participation.result_open = access.result_is_shown_to(request.user, participant)
        participation.has_result = participant.pk in computed
    return render(
        request, "assessment/participant/my_assessment.html", {"participations": participations}
    )


@login_required
def expert_task(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Show an expert-rated instrument's task, what the experts assess, and its status."""
    participant, item = own_item(request, participant_pk, item_pk, tuple(EXPERT_KINDS))
    if item.instrument.kind in WRITTEN_KINDS:
        return work_page(request, participant, item)
    rated = ExpertAssignment.objects.filter(participant=participant, campaign_instrument=item)
    counts = rated.aggregate(
        assigned=Count("id"), submitted=Count("id", filter=Q(submitted_at__isnull=False))
    )
    variant = item.instrument.variant_for(participant.position_kind_id)
    return render(
        request,
        "assessment/participant/expert_task.html",
        {
            "participant": participant,
            "item": item,
            "instrument": item.instrument,
            "variant": variant,
            "task": variant.task if variant is not None else item.instrument.task,
            "criteria": item.instrument.criteria_for(variant),
            "rated": counts["submitted"] >= MIN_EXPERTS,
            "assigned": counts["assigned"],
        },
    )
