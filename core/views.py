"""Small helpers the apps' views share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def show_errors(request: HttpRequest, error: ValidationError) -> None:
    """Put each message of a service's refusal on the next page."""
    for message in error.messages:
        messages.error(request, message)
