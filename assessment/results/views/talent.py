"""The talent review: the 9-box of a campaign, a person's ratings and calibration notes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assessment import access
from assessment.models import CampaignStatus, Participant, PerformanceRating, TalentReviewNote
from assessment.results.forms import PerformanceForm, TalentNoteForm
from assessment.results.selectors.talent import (
    BOX_TITLES,
    PERFORMANCE_TITLES,
    POTENTIAL_TITLES,
    latest_ratings,
    talent_grid,
)
from assessment.results.services.talent import performance_rate, talent_note_add
from assessment.results.wording import result_verdict
from assessment.scoring import POTENTIAL_BAND, potential_bands, potential_of
from audit.services import personal_data_access_log
from core.views import query_id, show_errors


@login_required
def talent_review(request: HttpRequest) -> HttpResponse:
    """Show the 9-box of a campaign; a chosen cell lists the people in it."""
    if not access.can_view_talent_review(request.user):
        raise Http404
    campaigns = list(
        access.campaigns_visible_to(request.user)
        .filter(participants__result__isnull=False)
        .distinct()
        .order_by("-starts_on", "-id")
    )
    campaign = None
    chosen = request.GET.get("campaign", "")
    if chosen:
        campaign = next((c for c in campaigns if c.pk == query_id(request, "campaign")), None)
        if campaign is None:
            raise Http404
    elif campaigns:
        # A finished campaign's results are final; a running one's place almost nobody yet.
        closed = [c for c in campaigns if c.status == CampaignStatus.CLOSED]
        campaign = (closed or campaigns)[0]
    context = {"campaigns": campaigns, "campaign": campaign}
    if campaign is not None:
        grid = talent_grid(campaign, access.talent_participants_visible_to(request.user))
        box = request.GET.get("box", "")
        selected = None
        if box == "unrated":
            selected = {"title": "Без оценки результативности", "people": grid.unrated}
        elif len(box) == 3 and box[0] in "123" and box[1] == "-" and box[2] in "123":
            key = (int(box[0]), int(box[2]))
            selected = {
                "title": f"{BOX_TITLES[key]}: потенциал {POTENTIAL_TITLES[key[0]]}, "
                f"результативность — {PERFORMANCE_TITLES[key[1]]}",
                "people": grid.cells.get(key, []),
            }
        context.update(
            {
                "grid": grid,
                "rows": grid.rows(),
                "box": box,
                "selected": selected,
                "bands": potential_bands(campaign.pass_threshold),
                "band": POTENTIAL_BAND,
                "performance_titles": PERFORMANCE_TITLES,
            }
        )
    return render(request, "assessment/talent/review.html", context)


def _talent_participant(request: HttpRequest, pk: int) -> Participant:
    if not access.can_view_talent_review(request.user):
        raise Http404
    return get_object_or_404(
        access.talent_participants_visible_to(request.user).select_related(
            "candidate__organization", "campaign", "municipality"
        ),
        pk=pk,
    )


@login_required
def talent_person(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a person's place on the 9-box, the history of ratings and notes, and the forms."""
    participant = _talent_participant(request, pk)
    personal_data_access_log(
        actor=request.user,
        subject=participant.candidate,
        purpose="талант-ревью: результативность и заметки калибровки",
        request=request,
    )
    result = getattr(participant, "result", None)
    verdict = result_verdict(result, participant.campaign.pass_threshold)
    rating = latest_ratings([participant.candidate_id]).get(participant.candidate_id)
    potential = (
        potential_of(result.total, participant.campaign.pass_threshold)
        if verdict.is_final
        else None
    )
    can_rate = access.can_rate_performance(request.user, participant)
    return render(
        request,
        "assessment/talent/person.html",
        {
            "participant": participant,
            "candidate": participant.candidate,
            "campaign": participant.campaign,
            "result": result,
            "verdict": verdict,
            "rating": rating,
            "potential": potential,
            "potential_title": POTENTIAL_TITLES.get(potential, ""),
            "box_title": BOX_TITLES.get((potential, rating.rating)) if rating and potential else "",
            "ratings": PerformanceRating.objects.filter(candidate=participant.candidate)
            .select_related("rated_by")
            .order_by("-rated_at", "-id"),
            "notes": TalentReviewNote.objects.filter(candidate=participant.candidate)
            .select_related("author", "campaign")
            .order_by("-created_at", "-id"),
            "can_rate": can_rate,
            "performance_form": PerformanceForm(),
            "note_form": TalentNoteForm(),
            "box_titles": {f"{p}-{r}": title for (p, r), title in BOX_TITLES.items()},
        },
    )


@login_required
@require_POST
def talent_rate(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a performance rating with its basis."""
    participant = _talent_participant(request, pk)
    if not access.can_rate_performance(request.user, participant):
        raise Http404
    form = PerformanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Выберите оценку результативности и укажите её основание.")
    else:
        try:
            performance_rate(
                participant=participant,
                rating=form.cleaned_data["rating"],
                basis=form.cleaned_data["basis"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, "Оценка результативности записана.")
    return redirect("assessment:talent_person", pk)


@login_required
@require_POST
def talent_note(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a calibration note about the person."""
    participant = _talent_participant(request, pk)
    if not access.can_rate_performance(request.user, participant):
        raise Http404
    form = TalentNoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Заметка пуста.")
    else:
        try:
            talent_note_add(
                participant=participant,
                note=form.cleaned_data["note"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, "Заметка добавлена.")
    return redirect("assessment:talent_person", pk)
