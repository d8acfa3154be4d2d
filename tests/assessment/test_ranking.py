"""The campaign ranking: order, filters, the .xlsx export, a query count that does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import PositionGroup
from assessment.results.services.results import results_compute
from audit.models import PersonalDataAccess
from registry.models import Municipality
from tests.assessment.factories import make_campaign, make_participant, submit_self_assessment
from tests.xlsx import is_safe_text, sheet_cells

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]


@pytest.fixture
def campaign(db):
    return make_campaign(kinds=["self_assessment"], weights={"self_assessment": 100})


def _add(campaign, value: int, **kwargs):
    participant = make_participant(campaign=campaign, **kwargs)
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, value))
    return participant


def _url(campaign, name="campaign_ranking") -> str:
    return reverse(f"assessment:{name}", args=[campaign.pk])


def _names(response) -> list[str]:
    return [p.candidate.last_name for p in response.context["page"]]


def test_participants_are_listed_by_rank(client, ministry_user, campaign):
    _add(campaign, 2, last_name="Вторая")
    _add(campaign, 4, last_name="Первая")
    _add(campaign, 2, last_name="Вторая-бис")
    _add(campaign, 1, last_name="Последняя")
    results_compute(campaign=campaign)
    client.force_login(ministry_user)

    response = client.get(_url(campaign))

    assert _names(response) == ["Первая", "Вторая", "Вторая-бис", "Последняя"]
    assert [p.result.rank for p in response.context["page"]] == [1, 2, 2, 4]


def test_filters_narrow_the_table(client, ministry_user, campaign):
    orsk = Municipality.objects.get(name="город Орск")
    _add(campaign, 4, last_name="Оренбургская")
    _add(campaign, 1, last_name="Орская", municipality=orsk)
    deputy = _add(campaign, 3, last_name="Заместитель")
    deputy.position_group = PositionGroup.DEPUTY
    deputy.save()
    results_compute(campaign=campaign)
    client.force_login(ministry_user)

    assert _names(client.get(_url(campaign), {"municipality": orsk.pk})) == ["Орская"]
    assert _names(client.get(_url(campaign), {"passed": "no"})) == ["Орская"]
    assert _names(client.get(_url(campaign), {"position_group": "deputy"})) == ["Заместитель"]
    assert _names(client.get(_url(campaign), {"q": "оренб"})) == ["Оренбургская"]


def test_a_coordinator_ranks_their_municipality_only(client, municipal_user, campaign):
    _add(campaign, 4, last_name="Своя")
    _add(campaign, 2, last_name="Чужая", municipality=Municipality.objects.get(name="город Орск"))
    results_compute(campaign=campaign)
    client.force_login(municipal_user)

    response = client.get(_url(campaign))

    assert _names(response) == ["Своя"]
    assert "municipality" not in response.context["form"].fields


def test_the_export_escapes_formulas_and_logs_each_person(client, ministry_user, campaign):
    _add(campaign, 4, last_name="=HYPERLINK(1)")
    _add(campaign, 1, last_name="Обычная")
    results_compute(campaign=campaign)
    client.force_login(ministry_user)

    response = client.get(_url(campaign, "campaign_ranking_export"))

    cells = sheet_cells(b"".join(response.streaming_content))
    rows = [tuple(cell.value for cell in row) for row in cells]
    assert rows[1][:3] == ("Место", "ФИО", "Муниципальное образование")
    assert rows[2][0] == 1
    assert rows[2][1].startswith("=HYPERLINK(1)")
    assert is_safe_text(cells[2][1], rows[2][1])
    assert rows[3][5] == "нет"
    assert PersonalDataAccess.objects.filter(actor=ministry_user).count() == 2


def test_the_ranking_query_count_does_not_grow_with_the_campaign(
    client, ministry_user, campaign, django_assert_num_queries
):
    for value in (1, 2, 3):
        _add(campaign, value)
    results_compute(campaign=campaign)
    client.force_login(ministry_user)
    with CaptureQueriesContext(connection) as small:
        client.get(_url(campaign))
    for n in range(27):
        _add(campaign, 1 + n % 4)
    results_compute(campaign=campaign)

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(_url(campaign))

    assert len(response.context["page"]) == 30


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user"])
def test_other_roles_get_404(client, persona, request, campaign):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url(campaign)).status_code == 404
    assert client.get(_url(campaign, "campaign_ranking_export")).status_code == 404


def test_recomputing_returns_only_to_a_page_of_the_portal(client, ministry_user, campaign):
    _add(campaign, 3)
    client.force_login(ministry_user)
    url = _url(campaign, "campaign_recompute")

    back = client.post(url, {"next": reverse("assessment:campaign_progress", args=[campaign.pk])})
    away = client.post(url, {"next": "https://example.com/phish"})

    assert back["Location"] == reverse("assessment:campaign_progress", args=[campaign.pk])
    assert away["Location"] == _url(campaign)
    assert campaign.participants.get().result.total > 0
