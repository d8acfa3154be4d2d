"""Neighbouring municipalities: the seeded pairs and their upkeep in the admin."""

import json
from pathlib import Path

from django.db.models import F
from django.urls import reverse

from audit.models import AuditEvent
from development.mentoring.selectors import neighbour_set
from development.models import NeighbourPair
from registry.models import Municipality

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "municipality_neighbours.json"
ADD = reverse("admin:development_neighbourpair_add")


def ids(*names: str) -> frozenset[int]:
    return frozenset(Municipality.objects.filter(name__in=names).values_list("pk", flat=True))


def test_the_migration_loads_every_confirmed_pair_and_none_of_the_doubtful():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    pairs = neighbour_set()
    assert len(pairs) == len(data["pairs"]) == NeighbourPair.objects.count()
    assert ids("город Оренбург", "Оренбургский муниципальный район") in pairs
    assert ids("ЗАТО Комаровский", "Ясненский городской округ") in pairs
    assert ids("Сакмарский муниципальный район", "Тюльганский муниципальный район") in pairs
    assert ids("город Оренбург", "город Орск") not in pairs
    for doubtful in data["left_out"]:
        assert ids(*doubtful["pair"]) not in pairs, doubtful
    named = {name for pair in data["pairs"] for name in pair}
    assert named <= set(Municipality.objects.values_list("name", flat=True))


def test_each_pair_is_stored_once_with_the_smaller_id_first():
    assert not NeighbourPair.objects.filter(first_id__gte=F("second_id")).exists()


def test_the_ministry_adds_a_pair_in_either_order_and_it_is_audited(client, ministry_user):
    client.force_login(ministry_user)
    orsk = Municipality.objects.get(name="город Орск")
    novotroitsk = Municipality.objects.get(name="город Новотроицк")
    high, low = sorted((orsk, novotroitsk), key=lambda item: -item.pk)
    response = client.post(ADD, {"first": high.pk, "second": low.pk})
    assert response.status_code == 302
    pair = NeighbourPair.objects.get(first=low, second=high)
    assert AuditEvent.objects.filter(
        action="neighbour_pair.create", object_id=str(pair.pk)
    ).exists()
    again = client.post(ADD, {"first": low.pk, "second": high.pk})
    assert "уже есть" in again.content.decode()


def test_the_ministry_removes_a_pair(client, ministry_user):
    client.force_login(ministry_user)
    pair = NeighbourPair.objects.first()
    url = reverse("admin:development_neighbourpair_delete", args=[pair.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not NeighbourPair.objects.filter(pk=pair.pk).exists()
    assert AuditEvent.objects.filter(
        action="neighbour_pair.delete", object_id=str(pair.pk)
    ).exists()


def test_a_coordinator_has_no_admin_for_pairs(client, municipal_user):
    client.force_login(municipal_user)
    response = client.get(reverse("admin:development_neighbourpair_changelist"))
    assert response.status_code in (302, 403, 404)


def test_the_back_office_shows_mentors_pairs_and_sessions(client, ministry_user):
    from tests.development.mentoring_factories import (
        make_mentor,
        make_pair,
        make_reservist,
        make_session,
    )

    pair = make_pair(make_mentor(strengths={"K05": 4}), make_reservist())
    session = make_session(pair)
    client.force_login(ministry_user)
    for name, pk in [
        ("mentor", pair.mentor_id),
        ("mentorship", pair.pk),
        ("mentoringsession", session.pk),
    ]:
        assert client.get(reverse(f"admin:development_{name}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:development_{name}_change", args=[pk])).status_code == 200
        assert client.get(reverse(f"admin:development_{name}_add")).status_code == 403
