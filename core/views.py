"""Small helpers the apps' views share: a service's refusal on the page, the confirmation step."""

import re
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


# The largest value a database integer key holds (PostgreSQL bigint, SQLite INTEGER).
MAX_ID = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value: object) -> int | None:
    """Return a positive whole number a database key can hold, or None for anything else.

    `str.isdigit()` is not enough: it accepts «²» and other Unicode digits that int() refuses,
    and numbers past the database's range make SQLite raise instead of finding nothing.
    """
    text = value.strip() if isinstance(value, str) else ""
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def query_id(request: HttpRequest, name: str) -> int | None:
    """Return the query parameter as a key (parse_id), or None when absent or not one."""
    return parse_id(request.GET.get(name, ""))
