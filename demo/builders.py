"""What every stage of the demo builds with: people, time, documents, quiet mail, the topic loop.

The test factories (tests/) are not used here: they write rows directly where the demo goes
through the services, and factory_boy is a development dependency that a production install,
where seed_demo also exists, does not have.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import models, transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Role, User
from assessment.models import Competency
from audit.models import AuditSource
from candidates.models import Candidate, Nomination, StatusChange

DAY = datetime.timedelta(days=1)
DUMMY_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


# --- The stage's topics ----------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """A part of a stage's demo, seeded only while it has no data of its own."""

    has_data: Callable[[], bool]
    seed: Callable[..., list[str]]


def topics_have_data(topics: Sequence[Topic]) -> bool:
    """Return whether every topic already has its demo data."""
    return all(topic.has_data() for topic in topics)


def seed_missing(topics: Sequence[Topic], *, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the topics that have no data yet, in order; return lines for the report."""
    lines: list[str] = []
    for topic in topics:
        if not topic.has_data():
            lines += topic.seed(rng=rng, today=today)
    return lines


@contextmanager
def mail_to_nowhere() -> Iterator[None]:
    """Run the block in one transaction whose letters, sent once it commits, go nowhere.

    The services write to people once a change commits; the demo people have no mailboxes.
    """
    with override_settings(EMAIL_BACKEND=DUMMY_EMAIL), transaction.atomic():
        yield


# --- People ------------------------------------------------------------------------------------


def ministry_user() -> User | None:
    """Return the demo ministry specialist, or the first ministry account when it is not there."""
    return (
        User.objects.filter(username="ministry").first()
        or User.objects.filter(role=Role.MINISTRY).order_by("pk").first()
    )


def demo_account(*, username: str, role: Role, names: Sequence[str], email: str) -> User:
    """Return the account of that username, created without a password if it is not there."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    last_name, first_name, middle_name = names
    return account_services.user_create(
        username=username,
        password=None,  # only the accounts of demo/accounts.py sign in to the demo
        role=role,
        last_name=last_name,
        first_name=first_name,
        middle_name=middle_name,
        email=email,
        actor=None,
        source=AuditSource.COMMAND,
    )


def candidates_workplaces() -> set[int]:
    """Return the organizations where candidates work, which experts and mentors must not share."""
    return set(Candidate.objects.exclude(organization=None).values_list("organization", flat=True))


def current_competencies() -> dict[str, Competency]:
    """Return the competencies of the current framework by code."""
    return {c.code: c for c in Competency.objects.filter(framework__is_current=True)}


# fmt: off
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
# fmt: on


def translit(text: str) -> str:
    """Return a Latin spelling of a Russian word, for e-mail addresses and PDF text."""
    out = []
    for char in text:
        latin = _TRANSLIT.get(char.lower(), char)
        out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


# --- Time --------------------------------------------------------------------------------------


def moment(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """Return an aware moment of the day in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Stamps:
    """Timestamps to move back to the story's days, written in a few bulk updates at the end."""

    def __init__(self) -> None:
        self._rows: dict[tuple[type[models.Model], tuple[str, ...]], list] = defaultdict(list)

    def add(self, model: type[models.Model], pk: int, **values: object) -> None:
        self._rows[(model, tuple(sorted(values)))].append(model(pk=pk, **values))

    def apply(self) -> None:
        for (model, fields), rows in self._rows.items():
            model.objects.bulk_update(rows, fields, batch_size=500)
        self._rows.clear()


def restamp_last_change(nomination: Nomination, when: datetime.datetime) -> None:
    """Put the nomination's latest status change (and its «status changed») on a past moment."""
    change = nomination.status_changes.order_by("-id").first()
    if change is not None:
        StatusChange.objects.filter(pk=change.pk).update(created_at=when)
    Nomination.objects.filter(pk=nomination.pk).update(status_changed_at=when)


# --- Documents ---------------------------------------------------------------------------------


def demo_pdf(title: str, lines: Sequence[str] = ()) -> bytes:
    """Return a small but complete one-page PDF (cross-reference table included) with text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    operations = ["BT", "/F1 16 Tf", "72 770 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        operations += ["0 -22 Td", f"({escape(line)}) Tj"]
    operations.append("ET")
    stream = "\n".join(operations).encode("latin-1", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
