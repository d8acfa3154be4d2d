"""The well-being pulse: the person's own page, and the staff aggregates of five or more."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.views import show_errors
from development import access
from development.wellbeing.forms import PulseForm, QuarterForm, WithdrawForm
from development.wellbeing.questionnaire import (
    EMERGENCY,
    INDEX_RULE,
    LOW_INDEX_THRESHOLD,
    NOT_A_DIAGNOSIS,
    PULSE_ITEMS,
    WHERE_TO_TURN,
)
from development.wellbeing.selectors import (
    month_label,
    own_chart_data,
    own_trend,
    pulse_summary,
)
from development.wellbeing.services import (
    pulse_answer_submit,
    pulse_consent_give,
    pulse_consent_withdraw,
)
from governance.consent import consent_active, consent_text_in_force
from governance.models import ConsentPurpose

MY_PULSE = "development:wellbeing"
NOT_ELIGIBLE = (
    "Новые ответы принимаются только от резервистов, включённых в резерв, и от наставников."
)


def _require_own_pulse(request: HttpRequest) -> None:
    if not access.can_open_own_pulse(request.user):
        raise Http404


def _render_own(
    request: HttpRequest,
    *,
    form: PulseForm | None = None,
    withdraw_form: WithdrawForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the person's page in whatever state they are: no consent, answered or not."""
    user = request.user
    today = timezone.localdate()
    consent = consent_active(user, ConsentPurpose.WELLBEING)
    can_answer = access.can_answer_pulse(user)
    points = own_trend(user) if consent else []
    this_month = next(
        (
            point
            for point in points
            if (point.submitted_on.year, point.submitted_on.month) == (today.year, today.month)
        ),
        None,
    )
    if consent and can_answer and form is None:
        form = PulseForm(
            answers=[line.answer for line in this_month.answers] if this_month else None
        )
    context = {
        "consent": consent,
        "consent_text": None if consent else consent_text_in_force(ConsentPurpose.WELLBEING),
        "can_answer": can_answer,
        "form": form if consent and can_answer else None,
        "withdraw_form": withdraw_form or WithdrawForm(),
        "month": month_label(today),
        "this_month": this_month,
        "points": list(reversed(points)),
        "chart": own_chart_data(points),
        "items": PULSE_ITEMS,
        "low_threshold": LOW_INDEX_THRESHOLD,
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "where_to_turn": WHERE_TO_TURN,
        "emergency": EMERGENCY,
        "index_rule": INDEX_RULE,
    }
    return render(request, "development/wellbeing/my_pulse.html", context, status=status)


@login_required
def pulse(request: HttpRequest) -> HttpResponse:
    """Show the person's pulse: the consent, this month's questions, their own trend."""
    _require_own_pulse(request)
    return _render_own(request)


@login_required
@require_POST
def pulse_consent(request: HttpRequest) -> HttpResponse:
    """Record the person's consent to take part in the pulse."""
    _require_own_pulse(request)
    try:
        pulse_consent_give(user=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request, "Согласие записано. Ответьте на пять вопросов о последнем месяце."
        )
    return redirect(MY_PULSE)


@login_required
@require_POST
def pulse_answer(request: HttpRequest) -> HttpResponse:
    """Save this month's answers and show the index."""
    _require_own_pulse(request)
    form = PulseForm(request.POST)
    if not form.is_valid():
        if consent_active(request.user, ConsentPurpose.WELLBEING) is None:
            messages.error(request, "Сначала дайте согласие на участие в опросе.")
            return redirect(MY_PULSE)
        if not access.can_answer_pulse(request.user):
            messages.error(request, NOT_ELIGIBLE)
            return redirect(MY_PULSE)
        return _render_own(request, form=form, status=400)
    try:
        _, created = pulse_answer_submit(user=request.user, answers=form.answers(), request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request,
            "Ответы сохранены." if created else "Ответы за этот месяц обновлены.",
        )
    return redirect(MY_PULSE)


@login_required
@require_POST
def pulse_withdraw(request: HttpRequest) -> HttpResponse:
    """Withdraw the consent and delete the person's answers, once they confirm it."""
    _require_own_pulse(request)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        if consent_active(request.user, ConsentPurpose.WELLBEING) is None:
            messages.info(request, "Согласие уже отозвано.")
            return redirect(MY_PULSE)
        return _render_own(request, withdraw_form=form, status=400)
    try:
        deleted = pulse_consent_withdraw(user=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request,
            f"Согласие отозвано, удалено ответов: {deleted}. Вы можете вернуться к опросу, "
            "когда захотите, — для этого нужно будет снова дать согласие.",
        )
    return redirect(MY_PULSE)


@login_required
def pulse_summary_view(request: HttpRequest) -> HttpResponse:
    """Show staff the quarter's aggregates of their territory; groups under five stay hidden."""
    if not access.can_view_pulse_summary(request.user):
        raise Http404
    form = QuarterForm(request.GET or None, today=timezone.localdate())
    summary = pulse_summary(request.user, form.selected())
    return render(
        request,
        "development/wellbeing/summary.html",
        {
            "form": form,
            "summary": summary,
            "items": PULSE_ITEMS,
            "low_threshold": LOW_INDEX_THRESHOLD,
            "index_rule": INDEX_RULE,
            "not_a_diagnosis": NOT_A_DIAGNOSIS,
        },
    )
