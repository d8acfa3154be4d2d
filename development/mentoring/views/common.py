"""What the mentoring pages share: the page size, a service call shown as messages, the 404."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
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
