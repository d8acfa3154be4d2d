"""Fixtures of the applicant's pages: a private media folder and a signed-in applicant."""

import struct
import zlib

import pytest
from django.test import Client
from django.urls import reverse

from candidates.models import Nomination, NominationStatus
from tests.candidates.factories import make_candidate, make_nomination

# What `import *` brings into a test module: the fixtures only.
__all__ = ["applicant", "draft", "private_media", "stranger_nomination"]


def png_bytes() -> bytes:
    """Return a real 1×1 white PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def stored_files(root) -> list:
    """Return every file under the media folder."""
    return [path for path in root.rglob("*") if path.is_file()]


def url(name: str, nomination: Nomination, *args) -> str:
    return reverse(f"candidates:{name}", args=[nomination.pk, *args])


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Keep uploaded files in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def draft(db) -> Nomination:
    """A complete draft with the required documents, ready to submit."""
    return make_nomination(status=NominationStatus.DRAFT)


@pytest.fixture
def applicant(draft) -> Client:
    """The test client signed in as the draft's candidate."""
    client = Client()
    client.force_login(draft.candidate.user)
    return client


@pytest.fixture
def stranger_nomination(db) -> Nomination:
    """Another candidate's nomination, with its own records and documents."""
    return make_nomination(candidate=make_candidate(), status=NominationStatus.DRAFT)
