"""Staff's review actions on a nomination: the status buttons, «на оценку» into a campaign."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from candidates import access
from candidates.extensions import assessment_enrolment
from candidates.forms_staff import REASON_LABELS, REVIEW_ACTIONS, TransitionForm
from candidates.models import Nomination, NominationStatus
from candidates.services.nominations import TRANSITIONS, allowed_targets, nomination_transition
from core.views import show_errors


def nomination_for_staff(request: HttpRequest, pk: int) -> Nomination:
    """Return the nomination if the user may open it on the staff side, else 404."""
    return get_object_or_404(
        access.pipeline_nominations_visible_to(request.user).select_related(
            "candidate__user",
            "candidate__organization",
            "candidate__municipality",
            "position_kind",
            "municipality",
            "nominated_by",
        ),
        pk=pk,
    )


def review_actions(nomination: Nomination) -> list[dict]:
    """Return the review actions open from the nomination's status, reasons where required."""
    targets = set(allowed_targets(nomination))
    actions = [
        {
            "status": status.value,
            "label": label,
            "needs_reason": TRANSITIONS[status].needs_reason,
            "reason_label": REASON_LABELS.get(status, "Причина"),
        }
        for status, label in REVIEW_ACTIONS.items()
        if status in targets
    ]
    for action in actions:
        if action["status"] == NominationStatus.ASSESSMENT:
            enrolment = assessment_enrolment()
            action["campaigns"] = enrolment.campaigns()
            action["campaigns_url"] = enrolment.campaigns_url()
    # The way forward first; the actions that need a written reason after it.
    return sorted(actions, key=lambda action: action["needs_reason"])


def to_review(nomination: Nomination) -> HttpResponse:
    return redirect("candidates:staff_nomination", pk=nomination.pk)


@require_POST
@login_required
def nomination_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the nomination to the status of the button pressed, if its state still allows."""
    nomination = nomination_for_staff(request, pk)
    if not access.can_review_nomination(request.user, nomination):
        raise PermissionDenied
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Неизвестное действие. Обновите страницу и повторите.")
        return to_review(nomination)
    target = NominationStatus(form.cleaned_data["to_status"])
    if target == NominationStatus.ASSESSMENT:
        return _send_to_assessment(request, nomination, form.cleaned_data["campaign"])
    try:
        nomination = nomination_transition(
            nomination=nomination,
            to_status=target,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Заявка переведена в статус «{target.label}».")
    return to_review(nomination)


def _send_to_assessment(
    request: HttpRequest, nomination: Nomination, campaign_id: int | None
) -> HttpResponse:
    """Move the nomination to «оценка» and into the chosen campaign, both or neither."""
    enrolment = assessment_enrolment()
    campaigns = dict(enrolment.campaigns())
    if campaigns and campaign_id not in campaigns:
        messages.error(request, "Выберите кампанию оценки, в которую направляется кандидат.")
        return to_review(nomination)
    try:
        with transaction.atomic():
            nomination = nomination_transition(
                nomination=nomination,
                to_status=NominationStatus.ASSESSMENT,
                actor=request.user,
                request=request,
            )
            joined = (
                enrolment.enrol(
                    nomination=nomination,
                    campaign_id=campaign_id,
                    actor=request.user,
                    request=request,
                )
                if campaigns
                else ""
            )
    except ValidationError as error:
        show_errors(request, error)
        return to_review(nomination)
    if joined:
        messages.success(request, f"Заявка направлена на оценку. {joined}")
    else:
        messages.warning(
            request,
            "Заявка направлена на оценку, но открытых кампаний оценки нет: создайте кампанию "
            "в разделе «Оценка → Кампании оценки» и добавьте кандидата на её странице "
            "«Участники».",
        )
    return to_review(nomination)
