"""The well-being pulse: the person's own page, and the staff aggregates of five or more."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.views import show_errors
from development import access
from development.wellbeing.forms import PulseForm, QuarterForm, SupportForm, WithdrawForm
from development.wellbeing.questionnaire import (
    EMERGENCY,
    INDEX_RULE,
    LOW_INDEX_MAX,
    NOT_A_DIAGNOSIS,
    PULSE_ITEMS,
    SCALE_WORDS,
    SOURCE,
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
from development.wellbeing.support import (
    open_request_of,
    support_contacts_for,
    support_request_close,
    support_request_create,
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
    support_form: SupportForm | None = None,
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
        "has_old_scale": any(point.is_old_scale for point in points),
        "chart": own_chart_data(points),
        "items": PULSE_ITEMS,
        "scale_words": sorted(SCALE_WORDS.items()),
        "low_threshold": LOW_INDEX_MAX,
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "where_to_turn": WHERE_TO_TURN,
        "emergency": EMERGENCY,
        "index_rule": INDEX_RULE,
        "source": SOURCE,
        # A low index offers concrete help: whom to call, and a conversation on request.
        "contacts": support_contacts_for(user) if this_month and this_month.is_low else [],
        "support_request": open_request_of(user),
        "support_form": support_form or SupportForm(initial={"contact": _contact_of(user)}),
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
            "low_threshold": LOW_INDEX_MAX,
            "index_rule": INDEX_RULE,
            "not_a_diagnosis": NOT_A_DIAGNOSIS,
        },
    )


def _contact_of(user) -> str:
    return ", ".join(part for part in (user.phone, user.email) if part)


@login_required
@require_POST
def support_ask(request: HttpRequest) -> HttpResponse:
    """Ask the coordinator of one's municipality for a conversation (with consent)."""
    _require_own_pulse(request)
    form = SupportForm(request.POST)
    if not form.is_valid():
        return _render_own(request, support_form=form, status=400)
    try:
        support_request_create(
            user=request.user,
            contact=form.cleaned_data["contact"],
            consent=form.cleaned_data["consent"],
            request=request,
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _render_own(request, support_form=form, status=400)
    messages.success(
        request, "Просьба отправлена: координатор свяжется с вами. Ваши ответы он не видит."
    )
    return redirect(MY_PULSE)


@login_required
def support_requests(request: HttpRequest) -> HttpResponse:
    """List the requests for a conversation in the staff member's territory."""
    if not access.can_view_support_requests(request.user):
        raise Http404
    rows = access.support_requests_visible_to(request.user).select_related(
        "user", "municipality", "handled_by"
    )
    return render(
        request,
        "development/wellbeing/support_requests.html",
        {"requests": rows.order_by("status", "-created_at")[:200]},
    )


@login_required
@require_POST
def support_request_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark that the coordinator has been in touch."""
    support = get_object_or_404(access.support_requests_visible_to(request.user), pk=pk)
    try:
        support_request_close(support=support, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, "Отмечено: вы связались.")
    return redirect("development:support_requests")
