"""Small helpers the apps' views share: a service's refusal on the page, the confirmation step."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# The field the confirmation page adds to the repeated request.
CONFIRMED_FIELD = "confirmed"
_NOT_REPEATED = {"csrfmiddlewaretoken", CONFIRMED_FIELD}


def show_errors(request: HttpRequest, error: ValidationError) -> None:
    """Put each message of a service's refusal on the next page."""
    for message in error.messages:
        messages.error(request, message)


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation step of an irreversible action says, and where «Отмена» leads.

    `consequences` are full sentences about what will happen; `details` are what the person
    entered (label, value), shown so that they check it before it becomes final.
    """

    title: str
    consequences: Sequence[str]
    confirm_label: str
    cancel_url: str
    details: Sequence[tuple[str, str]] = field(default_factory=tuple)
    danger: bool = True


def is_confirmed(request: HttpRequest) -> bool:
    """Return whether the POST comes from the confirmation step (or a button that confirms)."""
    return request.method == "POST" and request.POST.get(CONFIRMED_FIELD) == "yes"


def confirmation_page(request: HttpRequest, confirmation: Confirmation) -> HttpResponse:
    """Ask before an irreversible action: the same POST to the same address once more, confirmed.

    Works without JavaScript: the page repeats every posted field as a hidden input, so the
    view gets back exactly what was sent, with `confirmed=yes` added. Nothing is written before.
    """
    repeated = [
        (name, value)
        for name in request.POST
        if name not in _NOT_REPEATED
        for value in request.POST.getlist(name)
    ]
    return render(
        request,
        "core/confirm.html",
        {
            "confirmation": confirmation,
            "repeated": repeated,
            "action": request.get_full_path(),
            "confirmed_field": CONFIRMED_FIELD,
        },
    )
