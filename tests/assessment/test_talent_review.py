"""The talent review: the 9-box by thresholds, a cell's people, ratings and notes, scope."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessment.models import PerformanceRating, TalentReviewNote
from assessment.results.services.results import results_compute
from assessment.results.services.talent import performance_rate
from assessment.scoring import potential_of
from registry.models import Municipality
from tests.assessment.factories import make_campaign, make_participant, submit_self_assessment

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]
URL = reverse("assessment:talent_review")


@pytest.fixture
def campaign(db):
    return make_campaign(
        kinds=["self_assessment"], weights={"self_assessment": 100}, pass_threshold=60
    )


def _person(campaign, value: int, **kwargs):
    participant = make_participant(campaign=campaign, **kwargs)
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, value))
    return participant


def test_potential_is_cut_by_the_pass_threshold_and_twenty_points_above():
    assert [potential_of(total, 60) for total in (59.9, 60, 79.9, 80, 100)] == [1, 2, 2, 3, 3]


def test_people_are_placed_and_a_cell_lists_them(client, ministry_user, campaign):
    high = _person(campaign, 4, last_name="Высокая")  # 100 → potential 3
    middle = _person(campaign, 3, last_name="Средняя")  # 66.7 → potential 2
    _person(campaign, 1, last_name="Без-оценки")  # 0 → potential 1, no performance rating
    results_compute(campaign=campaign)
    performance_rate(participant=high, rating=3, basis="Рост результатов ОГЭ", actor=ministry_user)
    performance_rate(participant=middle, rating=1, basis="Предписания надзора", actor=ministry_user)
    performance_rate(participant=middle, rating=2, basis="Устранены нарушения", actor=ministry_user)
    client.force_login(ministry_user)

    grid = client.get(URL, {"campaign": campaign.pk}).context["grid"]
    cell = client.get(URL, {"campaign": campaign.pk, "box": "3-3"})
    unrated = client.get(URL, {"campaign": campaign.pk, "box": "unrated"})

    assert {key: [p.participant for p in people] for key, people in grid.cells.items()} == {
        (3, 3): [high],
        (2, 2): [middle],  # the latest rating counts
    }
    assert [p.participant for p in cell.context["selected"]["people"]] == [high]
    assert "Рост результатов ОГЭ" in cell.content.decode()
    assert [p.participant.candidate.last_name for p in unrated.context["selected"]["people"]] == [
        "Без-оценки"
    ]


def test_a_rating_and_a_note_are_recorded_with_history(client, ministry_user, campaign):
    person = _person(campaign, 4)
    results_compute(campaign=campaign)
    client.force_login(ministry_user)
    page = reverse("assessment:talent_person", args=[person.pk])

    client.post(
        reverse("assessment:talent_rate", args=[person.pk]),
        {"rating": "2", "basis": "Показатели школы стабильны"},
    )
    client.post(
        reverse("assessment:talent_note", args=[person.pk]),
        {"note": "Готовить к назначению через год"},
    )
    refused = client.post(
        reverse("assessment:talent_rate", args=[person.pk]),
        {"rating": "3", "basis": ""},
        follow=True,
    )

    assert PerformanceRating.objects.get().rating == 2
    note = TalentReviewNote.objects.get()
    assert (note.box, note.campaign) == ("3-2", campaign)
    assert "укажите её основание" in refused.content.decode()
    content = client.get(page).content.decode()
    assert "Показатели школы стабильны" in content
    assert "Готовить к назначению через год" in content


def test_the_service_refuses_a_rating_without_basis(db, campaign, ministry_user):
    person = _person(campaign, 4)

    with pytest.raises(ValidationError, match="основание"):
        performance_rate(participant=person, rating=2, basis=" ", actor=ministry_user)


def test_a_coordinator_reviews_their_municipality_only(
    client, municipal_user, outsider_municipal_user, campaign
):
    own = _person(campaign, 4, last_name="Своя")
    other = _person(
        campaign, 4, last_name="Чужая", municipality=Municipality.objects.get(name="город Орск")
    )
    results_compute(campaign=campaign)
    client.force_login(municipal_user)

    grid = client.get(URL).context["grid"]

    assert [p.participant for p in grid.unrated] == [own]
    assert client.get(reverse("assessment:talent_person", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("assessment:talent_rate", args=[own.pk]),
        {"rating": "3", "basis": "Отзыв управления образования"},
    )
    assert response.status_code == 302
    assert (
        client.post(reverse("assessment:talent_note", args=[other.pk]), {"note": "x"}).status_code
        == 404
    )
    client.force_login(outsider_municipal_user)
    assert client.get(reverse("assessment:talent_person", args=[own.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user", "mentor_user"])
def test_other_roles_get_404(client, persona, request, campaign):
    person = _person(campaign, 4)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.get(reverse("assessment:talent_person", args=[person.pk])).status_code == 404


def test_the_grid_query_count_does_not_grow(
    client, ministry_user, campaign, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        performance_rate(participant=_person(campaign, 3), rating=2, basis="б", actor=None)
    results_compute(campaign=campaign)
    client.force_login(ministry_user)
    with CaptureQueriesContext(connection) as small:
        client.get(URL, {"campaign": campaign.pk, "box": "2-2"})
    for _ in range(10):
        performance_rate(participant=_person(campaign, 3), rating=2, basis="б", actor=None)
    results_compute(campaign=campaign)

    with django_assert_num_queries(len(small.captured_queries)):
        client.get(URL, {"campaign": campaign.pk, "box": "2-2"})
