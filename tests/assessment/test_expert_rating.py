"""The expert's pages: declaration first, the rubric, read-only after submit, blind rating."""

import pytest
from django.urls import reverse

from assessment.models import DeclaredRelation, ExpertAssignment, InstrumentKind, Result
from audit.models import PersonalDataAccess
from tests.assessment.factories import (
    assign_expert,
    hand_in,
    make_campaign,
    make_expert,
    make_participant,
    rate,
)

CASE_CODES = ("K02", "K04", "K05", "K06", "K08")


@pytest.fixture
def campaign(db):
    return make_campaign(kinds=["case"], weights={"case": 100})


def _page(assignment) -> str:
    return reverse("assessment:expert_assignment", args=[assignment.pk])


def _rubric_post(assignment, scores: dict[str, int], *, action: str, comment: str = "") -> dict:
    criteria = {
        c.competency.code: c.pk
        for c in assignment.campaign_instrument.instrument.criteria_for(
            assignment.campaign_instrument.instrument.variant_for(
                assignment.participant.position_kind_id
            )
        )
    }
    data = {f"criterion_{criteria[code]}": str(value) for code, value in scores.items()}
    data.update({"comment": comment, "action": action})
    return data


def test_the_declaration_comes_before_the_materials(client, campaign):
    participant = make_participant(campaign=campaign, last_name="Кандидатова")
    expert = make_expert()
    assignment = assign_expert(participant, InstrumentKind.CASE, expert, declared=False)
    client.force_login(expert)

    before = client.get(_page(assignment))
    client.post(reverse("assessment:expert_declare", args=[assignment.pk]), {"no_conflict": "on"})
    after = client.get(_page(assignment))

    assert "Заявление об отсутствии конфликта интересов" in before.content.decode()
    assert "Рубрика" not in before.content.decode()
    assert "Рубрика: оцените каждый критерий" in after.content.decode()
    # The seeded case's variant for a school director, its title and its task.
    assert "Директор школы: первые сто дней" in after.content.decode()
    assert "средней общеобразовательной школы в районном центре" in after.content.decode()
    assignment.refresh_from_db()
    assert assignment.no_conflict_declared_at is not None
    assert PersonalDataAccess.objects.filter(actor=expert).exists()


def test_a_declared_relation_withdraws_the_assignment(client, ministry_user, campaign):
    participant = make_participant(campaign=campaign)
    expert = make_expert()
    assignment = assign_expert(participant, InstrumentKind.CASE, expert, declared=False)
    client.force_login(expert)

    response = client.post(
        reverse("assessment:expert_declare", args=[assignment.pk]),
        {"relation": "работали в одной школе до 2024 года"},
        follow=True,
    )

    assert "назначение снято" in response.content.decode()
    assert not ExpertAssignment.objects.exists()
    relation = DeclaredRelation.objects.get()
    assert (relation.expert, relation.candidate) == (expert, participant.candidate)


def test_the_declaration_needs_a_choice(client, campaign):
    expert = make_expert()
    assignment = assign_expert(
        make_participant(campaign=campaign), InstrumentKind.CASE, expert, declared=False
    )
    client.force_login(expert)

    response = client.post(
        reverse("assessment:expert_declare", args=[assignment.pk]), {}, follow=True
    )

    assert "Подтвердите отсутствие конфликта интересов" in response.content.decode()


def test_a_draft_is_saved_and_a_submission_is_final(client, campaign):
    expert = make_expert()
    participant = make_participant(campaign=campaign)
    hand_in(participant, InstrumentKind.CASE)
    assignment = assign_expert(participant, InstrumentKind.CASE, expert)
    client.force_login(expert)
    rate_url = reverse("assessment:expert_rate", args=[assignment.pk])

    client.post(rate_url, _rubric_post(assignment, {"K02": 2}, action="draft"))
    assignment.refresh_from_db()
    assert list(assignment.scores.values()) == [2]
    assert assignment.submitted_at is None

    refused = client.post(
        rate_url, _rubric_post(assignment, {"K02": 3}, action="submit"), follow=True
    )
    assert "оцените все критерии" in refused.content.decode()
    assignment.refresh_from_db()
    assert assignment.submitted_at is None
    assert list(assignment.scores.values()) == [3]  # kept as a draft

    full = dict.fromkeys(CASE_CODES, 3)
    asked = client.post(
        rate_url, _rubric_post(assignment, full, action="submit", comment="Сильный")
    )
    assert "Отправить оценку:" in asked.content.decode()
    assignment.refresh_from_db()
    assert assignment.submitted_at is None  # a draft until confirmed
    confirmed = {**_rubric_post(assignment, full, action="submit", comment="Сильный")}
    client.post(rate_url, {**confirmed, "confirmed": "yes"})
    again = client.post(
        rate_url,
        _rubric_post(assignment, dict.fromkeys(CASE_CODES, 1), action="submit"),
        follow=True,
    )

    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert set(assignment.scores.values()) == {3}
    assert "Оценка уже отправлена и больше не меняется." in again.content.decode()
    assert "Ваша оценка отправлена" in client.get(_page(assignment)).content.decode()


def test_ratings_are_blind_until_every_expert_has_submitted(
    client, campaign, django_capture_on_commit_callbacks
):
    participant = make_participant(campaign=campaign)
    hand_in(participant, InstrumentKind.CASE)
    first = make_expert(last_name="Первова")
    second = make_expert(last_name="Вторая-Экспертиза")
    mine = rate(
        assign_expert(participant, InstrumentKind.CASE, first),
        dict.fromkeys(CASE_CODES, 3),
        comment="Комментарий первого",
    )
    theirs = rate(
        assign_expert(participant, InstrumentKind.CASE, second),
        dict.fromkeys(CASE_CODES, 4),
        submitted=False,
        comment="Секретный комментарий второго",
    )
    client.force_login(first)

    blind = client.get(_page(mine)).content.decode()

    assert "Вторая-Экспертиза" not in blind
    assert "Секретный комментарий второго" not in blind
    assert "data-blind-note" in blind
    assert client.get(_page(theirs)).status_code == 404  # not the first expert's assignment

    client.force_login(second)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("assessment:expert_rate", args=[theirs.pk]),
            _rubric_post(
                theirs,
                dict.fromkeys(CASE_CODES, 4),
                action="submit",
                comment="Секретный комментарий второго",
            )
            | {"confirmed": "yes"},
        )
    client.force_login(first)
    open_page = client.get(_page(mine)).content.decode()

    assert "Вторая-Экспертиза" in open_page
    assert "Секретный комментарий второго" in open_page
    # The submission that completed the panel recomputed the campaign's results.
    result = Result.objects.get(participant=participant)
    assert result.competency_scores["K02"] == pytest.approx(83.3)


def test_an_expert_sees_only_their_own_assignments(client, campaign, expert_user):
    mine = assign_expert(make_participant(campaign=campaign, last_name="Моя"), "case", expert_user)
    other = assign_expert(
        make_participant(campaign=campaign, last_name="Чужая"), "case", make_expert()
    )
    client.force_login(expert_user)

    home = client.get(reverse("assessment:expert_home"))

    assert [a.pk for a in home.context["pending"]] == [mine.pk]
    assert client.get(_page(other)).status_code == 404
    rate_url = reverse("assessment:expert_rate", args=[other.pk])
    assert client.post(rate_url, {"action": "draft"}).status_code == 404


@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "candidate_user"])
def test_the_experts_pages_are_for_experts(client, persona, request, campaign):
    assignment = assign_expert(make_participant(campaign=campaign), "case", make_expert())
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("assessment:expert_home")).status_code == 404
    assert client.get(_page(assignment)).status_code == 404


def test_anonymous_is_sent_to_login(client, campaign):
    assert "/accounts/login/" in client.get(reverse("assessment:expert_home"))["Location"]
