"""`make run`'s SQLite must not answer 500 where PostgreSQL answers cleanly.

scripts/run-tests runs the `sqlite` tests a second time on a SQLite file; the SQLite-only
ones (its connection options, the walk over every list page) skip on PostgreSQL.
"""

import threading

import pytest
from django.db import connection, connections
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from candidates.models import Nomination, NominationSource, NominationStatus
from candidates.services.nominations import nomination_create, nomination_transition
from core.views import MAX_ID, parse_id
from registry.models import PositionKind
from tests.candidates.factories import make_candidate, make_nomination

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

HOSTILE = [str(MAX_ID + 1), "²", "-1"]
PARAMETERS = [
    "municipality",
    "campaign",
    "page",
    "position_kind",
    "organization",
    "mentor",
    "cohort",
    "status",
    "kind",
    "box",
    "quarter",
    "term_months",
    "category",
    "readiness",
    "active",
    "sort",
    "q",
]


@pytest.fixture
def on_sqlite(db):
    """Skip on PostgreSQL: scripts/run-tests runs the `sqlite` tests on SQLite too."""
    if connection.vendor != "sqlite":
        pytest.skip("make run's SQLite only")


def _pages_without_arguments(resolver: URLResolver | None = None, namespace: str = "") -> list:
    names = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names += _pages_without_arguments(entry, inner)
        elif (
            isinstance(entry, URLPattern)
            and entry.name
            and "<" not in str(entry.pattern)
            and not str(entry.pattern).startswith("^")
        ):
            names.append(f"{namespace}{entry.name}")
    return names


def test_the_connection_queues_writers_instead_of_failing(on_sqlite):
    options = connection.settings_dict["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [("42", 42), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), ("²", None), ("0", None)],
)
def test_parse_id_takes_only_keys_the_database_holds(text, expected):
    assert parse_id(text) == expected


@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "candidate_user"])
def test_no_list_page_answers_500_to_a_hostile_integer(request, client, persona, on_sqlite):
    client.force_login(request.getfixturevalue(persona))
    client.raise_request_exception = False
    failures = []
    for name in _pages_without_arguments():
        if name.startswith("admin:") or name.endswith("logout"):
            continue
        for value in HOSTILE:
            response = client.get(reverse(name), dict.fromkeys(PARAMETERS, value))
            if response.status_code >= 500:
                failures.append((name, value, response.status_code))

    assert failures == []


def test_a_second_application_for_the_same_post_is_refused_with_a_message(client, db):
    candidate = make_candidate()
    client.force_login(candidate.user)
    kind = PositionKind.objects.get(code="director-general")
    url = reverse("candidates:applicant_nominations")
    data = {"position_kind": kind.pk, "municipality": candidate.municipality_id}

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == 302
    assert second.status_code == 200
    assert "уже есть незавершённая заявка" in second.content.decode()
    assert Nomination.objects.filter(candidate=candidate).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_identical_submissions_at_once_give_one_application_and_one_refusal():
    candidate = make_candidate()
    kind = PositionKind.objects.get(code="director-general")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            start.wait()
            nomination_create(
                candidate=candidate,
                position_kind=kind,
                municipality=candidate.municipality,
                source=NominationSource.SELF,
                actor=candidate.user,
            )
            outcomes.append("created")
        except Exception as error:
            outcomes.append(type(error).__name__ + ": " + str(error)[:80])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    refusal, created = sorted(outcomes)
    assert created == "created"
    assert refusal.startswith("ValidationError") and "незавершённая заявка" in refusal
    assert Nomination.objects.filter(candidate=candidate).count() == 1
    assert not any("locked" in outcome for outcome in outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_identical_transitions_at_once_give_one_winner_and_no_locked_database(
    ministry_user,
):
    nomination = make_nomination(status=NominationStatus.ADMITTED)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def send_to_assessment() -> None:
        try:
            start.wait()
            nomination_transition(
                nomination=nomination, to_status=NominationStatus.ASSESSMENT, actor=ministry_user
            )
            outcomes.append("moved")
        except Exception as error:
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send_to_assessment) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    refusal, moved = sorted(outcomes)
    assert moved == "moved"
    assert refusal.startswith("ValidationError") and "уже в статусе" in refusal, refusal
