"""Logs an operator can ship: one JSON line per event, with the request id and the user id.

No personal data goes into a line: the user is named by id only, and a traceback is folded
into the same line. The request id comes from nginx (X-Request-ID) or is made here, and is
sent back in the response, so a user's complaint can be matched to the log.
"""

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

_current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "current_request", default=None
)
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id_of(request: HttpRequest) -> str:
    """Return the request's id: the proxy's X-Request-ID when well-formed, else a new one."""
    given = request.headers.get("X-Request-ID", "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    """Give every request an id, remember the request for the log lines it causes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = request_id_of(request)
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        response.headers.setdefault("X-Request-ID", request.request_id)
        return response


class RequestContextFilter(logging.Filter):
    """Put the current request's id and user id on every record (or "-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None) or _current_request.get()
        record.request_id = getattr(request, "request_id", "-") if request is not None else "-"
        # Only a user already loaded: logging must not query the database on its own.
        user = getattr(request, "_cached_user", None) if request is not None else None
        record.user_id = getattr(user, "pk", None) or "-"
        return True


class OneLineJsonFormatter(logging.Formatter):
    """Format a record as one JSON object on one line."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "user_id": getattr(record, "user_id", "-"),
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            line["status"] = status
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
