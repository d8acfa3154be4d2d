"""Consent pages: the ministry publishes a new text; a person accepts it at the next visit."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.http import next_path
from governance import access
from governance.consent import (
    consent_give,
    consent_text_publish,
    consent_withdraw,
    consents_to_renew,
)
from governance.models import ConsentPurpose, ConsentText


class ConsentPublishForm(forms.Form):
    purpose = forms.ChoiceField(label="Согласие", choices=ConsentPurpose.choices)
    text = forms.CharField(
        label="Новый текст согласия",
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Оператор и его адрес, цель, перечень данных, действий и способов обработки, "
        "третьи лица, срок и порядок отзыва (152-ФЗ, ст. 9 ч. 4).",
    )


@login_required
@require_http_methods(["GET", "POST"])
def consent_texts(request: HttpRequest) -> HttpResponse:
    """List the consent texts' versions; publish a new one."""
    if not access.can_change_regulation(request.user):
        raise Http404
    form = ConsentPublishForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                published = consent_text_publish(
                    purpose=form.cleaned_data["purpose"],
                    text=form.cleaned_data["text"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as error:
                form.add_error("text", error)
            else:
                messages.success(
                    request,
                    f"Опубликована версия {published.version}. Давшие согласие раньше увидят "
                    "новый текст при следующем входе.",
                )
                return redirect("governance:consent_texts")
        status = 400
    texts = ConsentText.objects.order_by("purpose", "-version")
    return render(
        request, "governance/consent_texts.html", {"texts": texts, "form": form}, status=status
    )


def _next(request: HttpRequest) -> str:
    return next_path(request, "/")


@login_required
@require_http_methods(["GET", "POST"])
def consent_renew(request: HttpRequest) -> HttpResponse:
    """Show the new texts the person has not accepted; accept or withdraw each."""
    texts = consents_to_renew(request.user)
    if request.method == "POST":
        purpose = request.POST.get("purpose", "")
        if purpose not in {text.purpose for text in texts}:
            return redirect(_next(request))
        if request.POST.get("decision") == "accept":
            consent_give(user=request.user, purpose=purpose, request=request)
            messages.success(request, "Согласие в новой редакции записано.")
        else:
            consent_withdraw(user=request.user, purpose=purpose, request=request)
            messages.warning(request, "Согласие отозвано: обработка этих данных прекращена.")
        if len(texts) > 1:
            return redirect(f"{request.path}?next={_next(request)}")
        return redirect(_next(request))
    if not texts:
        return redirect(_next(request))
    return render(
        request, "governance/consent_renew.html", {"texts": texts, "next": _next(request)}
    )
