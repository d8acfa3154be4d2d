"""360° feedback: the participant's invitations, and the colleague's form at a personal link
(no account needed)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from assessment.models import FeedbackInvitation, InstrumentKind
from assessment.participation.forms import (
    FeedbackCommentForm,
    InvitationForm,
    displayed_ratings,
    ratings_from_post,
)
from assessment.participation.selectors import feedback_summary, indicator_blocks
from assessment.participation.services.feedback import (
    LinkRefused,
    feedback_submit,
    invitation_by_token,
    invitation_create,
)
from assessment.participation.views.common import own_item

KINDS = (InstrumentKind.FEEDBACK_360,)
# The colleague's 1–4 scale: how often the behaviour is seen.
FREQUENCY_SCALE = (
    (1, "почти никогда"),
    (2, "иногда"),
    (3, "как правило"),
    (4, "всегда, служит примером"),
)
REFUSED_STATUS = {"unknown": 404, "used": 410, "expired": 410, "closed": 410}


@login_required
def feedback_page(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Invite colleagues; see who was invited and has answered, and the groups' averages."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    can_invite = item.is_open()
    if request.method == "POST" and not can_invite:
        messages.error(request, "Приглашать коллег больше нельзя: срок этого инструмента истёк.")
        return redirect("assessment:feedback", participant.pk, item.pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_create(
                participant=participant,
                campaign_instrument=item,
                actor=request.user,
                request=request,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Приглашение отправлено: {invitation.respondent_name}, "
                f"{invitation.respondent_email}.",
            )
            return redirect("assessment:feedback", participant.pk, item.pk)
    now = timezone.now()
    invitations = list(
        FeedbackInvitation.objects.filter(participant=participant, campaign_instrument=item)
    )
    for invitation in invitations:
        invitation.answered = invitation.used_at is not None
        invitation.expired = not invitation.answered and invitation.expires_at <= now
    return render(
        request,
        "assessment/participant/feedback.html",
        {
            "participant": participant,
            "item": item,
            "instrument": item.instrument,
            "form": form,
            "can_invite": can_invite,
            "invitations": invitations,
            "answered": sum(1 for invitation in invitations if invitation.answered),
            "summary": feedback_summary(participant, item),
        },
        status=400 if request.method == "POST" else 200,
    )


def _refused(request: HttpRequest, error: LinkRefused) -> HttpResponse:
    return render(
        request,
        "assessment/feedback/refused.html",
        {"message": error.messages[0], "state": error.state},
        status=REFUSED_STATUS[error.state],
    )


@never_cache
def feedback_form(request: HttpRequest, token: str) -> HttpResponse:
    """The colleague's form at their personal link: rate the statements once, anonymously."""
    try:
        invitation = invitation_by_token(token)
    except LinkRefused as error:
        return _refused(request, error)
    comment_form = FeedbackCommentForm(request.POST or None)
    answers: dict = {}
    error_message = ""
    if request.method == "POST":
        answers = ratings_from_post(request.POST)
        if comment_form.is_valid():
            try:
                feedback_submit(
                    token=token, answers=answers, comment=comment_form.cleaned_data["comment"]
                )
            except LinkRefused as error:
                return _refused(request, error)
            except ValidationError as error:
                error_message = " ".join(error.messages)
            else:
                return redirect("assessment:feedback_thanks")
    given = displayed_ratings(answers)
    blocks = indicator_blocks(invitation.campaign_instrument)
    for block in blocks:
        for indicator in block.indicators:
            indicator.answer = given.get(indicator.pk)
    return render(
        request,
        "assessment/feedback/form.html",
        {
            "invitation": invitation,
            "person": invitation.participant.candidate.full_name,
            "valid_until": invitation.expires_at - datetime.timedelta(minutes=1),
            "blocks": blocks,
            "scale": FREQUENCY_SCALE,
            "comment_form": comment_form,
            "error_message": error_message,
            "show_missing": bool(error_message),
        },
        status=400 if request.method == "POST" else 200,
    )


def feedback_thanks(request: HttpRequest) -> HttpResponse:
    """Thank the colleague; the page holds nothing about whom they rated."""
    return render(request, "assessment/feedback/thanks.html")
