"""Pages of the selection stage: the application's consent to the processing of personal data."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from candidates.forms_applicant import ConsentGiveForm
from candidates.views.applicant import application_context, own_nomination, posted
from governance.consent import consent_active, consent_give, consent_text_in_force
from governance.consent import consent_withdraw as consent_withdraw_service
from governance.models import ConsentPurpose


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the consent text in force and let the person give consent."""
    nomination = own_nomination(request, pk)
    user = nomination.candidate.user
    form = ConsentGiveForm(posted(request))
    if request.method == "POST" and form.is_valid():
        consent_give(user=user, purpose=ConsentPurpose.PERSONAL_DATA, request=request)
        messages.success(request, "Согласие на обработку персональных данных записано.")
        return redirect("candidates:applicant_consent", pk=pk)
    context = application_context(request, nomination, "consent")
    context |= {
        "form": form,
        "consent": consent_active(user, ConsentPurpose.PERSONAL_DATA),
        "consent_text": consent_text_in_force(ConsentPurpose.PERSONAL_DATA),
        "history": user.consents.filter(text__purpose=ConsentPurpose.PERSONAL_DATA)
        .select_related("text")
        .order_by("-given_at", "-id"),
    }
    return render(request, "candidates/applicant/consent.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then withdraw the consent; processing of the data stops."""
    nomination = own_nomination(request, pk)
    user = nomination.candidate.user
    if request.method == "POST":
        try:
            consent_withdraw_service(
                user=user, purpose=ConsentPurpose.PERSONAL_DATA, request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.warning(
                request,
                "Согласие отозвано. Обработка ваших персональных данных прекращена: заявки не "
                "будут рассматриваться, пока вы снова не дадите согласие.",
            )
        return redirect("candidates:applicant_consent", pk=pk)
    context = application_context(request, nomination, "consent")
    context["consent"] = consent_active(user, ConsentPurpose.PERSONAL_DATA)
    if context["consent"] is None:
        messages.info(request, "Действующего согласия нет — отзывать нечего.")
        return redirect("candidates:applicant_consent", pk=pk)
    return render(request, "candidates/applicant/consent_withdraw.html", context)
