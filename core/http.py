"""What a request says about its client."""

from django.http import HttpRequest


def client_ip(request: HttpRequest | None) -> str | None:
    """Return the client's address as the web server saw it."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None
