"""Keep an uploaded nomination list between its preview and the confirmation."""

import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from core.spreadsheets import FileRefused

MAX_BYTES = 5 * 1024 * 1024
# An abandoned upload (preview never confirmed) is removed after this long.
PENDING_LIFETIME_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _pending_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "bulk_nominations"


def pending_path(token: str) -> Path:
    """Return where the upload with the token is kept; refuse anything but a token."""
    if not _TOKEN.match(token or ""):
        raise FileNotFoundError(token)
    return _pending_dir() / f"{token}.upload"


def store_upload(uploaded_file: UploadedFile) -> str:
    """Save the upload under a random name; return the token that names it."""
    if uploaded_file.size is not None and uploaded_file.size > MAX_BYTES:
        raise FileRefused(
            f"Файл больше {MAX_BYTES // (1024 * 1024)} МБ. В списке на выдвижение столько "
            "данных не бывает: проверьте, тот ли это файл."
        )
    directory = _pending_dir()
    directory.mkdir(parents=True, exist_ok=True)
    _sweep(directory)
    token = secrets.token_hex(16)
    with pending_path(token).open("wb") as target:
        for chunk in uploaded_file.chunks():
            target.write(chunk)
    return token


def _sweep(directory: Path) -> None:
    """Remove uploads whose preview was never confirmed."""
    cutoff = time.time() - PENDING_LIFETIME_SECONDS
    for path in directory.glob("*.upload"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            continue


def claim_upload(token: str) -> Path:
    """Take the upload for processing; a second claim of the same token fails.

    The rename is atomic, so of two confirmations sent at once exactly one gets the file.
    """
    source = pending_path(token)
    claimed = source.with_suffix(".claimed")
    source.rename(claimed)
    return claimed


def discard_upload(token: str) -> None:
    """Delete the upload, whether still pending or claimed."""
    try:
        path = pending_path(token)
    except FileNotFoundError:
        return
    for candidate in (path, path.with_suffix(".claimed")):
        candidate.unlink(missing_ok=True)
