"""What the stage's pages share: a service call shown as messages, the 404, the page size."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest

from core.views import show_errors

PAGE_SIZE = 50
T = TypeVar("T")


def attempt(request: HttpRequest, action: Callable[[], T], success: str) -> T | None:
    """Run a service call; show its refusal, or the success message, as page messages."""
    try:
        result = action()
    except ValidationError as error:
        show_errors(request, error)
        return None
    messages.success(request, success)
    return result


def require(allowed: bool) -> None:
    """Answer 404 unless the policy allows."""
    if not allowed:
        raise Http404


def show_form_errors(request: HttpRequest, form: Form) -> None:
    """Put a form's errors on the next page, for forms posted from a page they do not render."""
    refusals = [message for errors in form.errors.values() for message in errors]
    show_errors(request, ValidationError(refusals))
