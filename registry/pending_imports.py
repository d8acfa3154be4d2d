"""Uploaded registry files that wait on the server for the administrator's confirmation.

The file is kept under MEDIA_ROOT/imports with a random name; the session maps a random token to
it and to the fingerprint of the plan the administrator saw. A token belongs to one session,
works once and expires, so a double submit or somebody else's token writes nothing.
"""

import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest

SESSION_KEY = "registry_pending_imports"
LIFETIME_SECONDS = 60 * 60
# Files of previews nobody confirmed or cancelled are removed after this long.
ABANDONED_SECONDS = 24 * 60 * 60


@dataclass
class PendingImport:
    """A previewed upload: where it is, what it was called, and the plan that was shown."""

    stored_name: str
    file_name: str
    fingerprint: str
    created_at: float

    @property
    def path(self) -> Path:
        """Return where the uploaded file is kept."""
        return uploads_folder() / self.stored_name


def uploads_folder() -> Path:
    """Return the folder of uploaded registry files, creating it readable by the server only."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _purge_abandoned(folder: Path) -> None:
    cutoff = time.time() - ABANDONED_SECONDS
    for path in folder.glob("*.upload"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def store_upload(upload: UploadedFile) -> Path:
    """Save an uploaded file under a random name and return its path."""
    folder = uploads_folder()
    _purge_abandoned(folder)
    path = folder / f"{secrets.token_hex(16)}.upload"
    with path.open("xb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


def remember(request: HttpRequest, *, path: Path, file_name: str, fingerprint: str) -> str:
    """Keep a previewed upload for this session and return the token that confirms it."""
    token = secrets.token_urlsafe(24)
    pending = dict(request.session.get(SESSION_KEY, {}))
    pending[token] = asdict(
        PendingImport(
            stored_name=path.name,
            file_name=file_name,
            fingerprint=fingerprint,
            created_at=time.time(),
        )
    )
    request.session[SESSION_KEY] = pending
    return token


def take(request: HttpRequest, token: str) -> PendingImport | None:
    """Remove the token from the session; return its upload unless it is unknown or expired."""
    pending = dict(request.session.get(SESSION_KEY, {}))
    data = pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    request.session.save()  # a second submit that arrives now no longer finds the token
    if data is None:
        return None
    upload = PendingImport(**data)
    if time.time() - upload.created_at > LIFETIME_SECONDS or not upload.path.is_file():
        discard(upload)
        return None
    return upload


def discard(upload: PendingImport | Path) -> None:
    """Delete the uploaded file."""
    path = upload.path if isinstance(upload, PendingImport) else upload
    path.unlink(missing_ok=True)
