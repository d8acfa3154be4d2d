"""An assessment written for the participant's post: targets, the case variant, its rubric."""

import pytest
from django.urls import reverse

from assessment.models import Competency, InstrumentKind, Result, TargetLevel
from assessment.results.services.results import results_compute
from tests.assessment.factories import (
    assign_expert,
    campaign_instrument,
    current_framework,
    make_campaign,
    make_expert,
    make_participant,
    rate,
)

pytestmark = pytest.mark.django_db
ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]


def _target(post: str, code: str) -> int:
    return TargetLevel.objects.get(
        competency__framework=current_framework(), competency__code=code, position_kind__code=post
    ).level


def test_every_post_of_the_reserve_has_a_target_for_every_competency():
    from registry.models import PositionKind

    posts = set(PositionKind.objects.values_list("code", flat=True))
    for code in ALL_CODES:
        assert (
            set(
                TargetLevel.objects.filter(
                    competency__framework=current_framework(), competency__code=code
                ).values_list("position_kind__code", flat=True)
            )
            == posts
        ), code
    # The head answers for the digital environment; no target is level 4 (a perfect score).
    assert _target("director-general", "K07") == 3
    assert _target("deputy-preschool", "K07") == 2
    assert _target("deputy-vocational", "K08") == 3
    assert not TargetLevel.objects.filter(level=4).exists()


def test_a_competency_may_serve_several_labour_functions_recorded_by_code():
    leadership = Competency.objects.get(framework=current_framework(), code="K04")

    assert [f.code for f in leadership.labour_functions.order_by("code")] == ["B", "C"]
    assert "250н" in leadership.labour_functions.first().standard
    assert "761н" in current_framework().description  # colleges and ДО: the ЕКС


@pytest.mark.parametrize(
    ("post", "title", "codes"),
    [
        (
            "deputy-preschool",
            "Заместитель заведующего детским садом",
            {"K02", "K03", "K04", "K08", "K10"},
        ),
        ("director-vocational", "Директор колледжа", {"K01", "K02", "K05", "K08", "K09"}),
        ("director-general", "Директор школы", {"K02", "K04", "K05", "K06", "K08"}),
    ],
)
def test_the_case_is_the_variant_of_the_post_and_scored_by_its_rubric(
    client, ministry_user, post, title, codes
):
    campaign = make_campaign(kinds=["case"], weights={"case": 100})
    participant = make_participant(campaign=campaign, position_code=post)
    item = campaign_instrument(campaign, InstrumentKind.CASE)
    experts = [make_expert(), make_expert()]
    for expert in experts:
        rate(assign_expert(participant, InstrumentKind.CASE, expert), dict.fromkeys(codes, 3))

    results_compute(campaign=campaign)

    result = Result.objects.get(participant=participant)
    assert set(result.competency_scores) == codes
    assert result.is_complete
    client.force_login(participant.candidate.user)
    task_page = client.get(
        reverse("assessment:task", args=[participant.pk, item.pk])
    ).content.decode()
    assert title in task_page
    client.force_login(experts[0])
    expert_page = client.get(
        reverse("assessment:expert_assignment", args=[experts[0].expert_assignments.get().pk])
    ).content.decode()
    assert title in expert_page
    rubric = {c.competency.code for c in expert_page_criteria(item, participant)}
    assert rubric == codes


def expert_page_criteria(item, participant):
    instrument = item.instrument
    return list(instrument.criteria_for(instrument.variant_for(participant.position_kind_id)))


def test_an_expert_cannot_submit_scores_of_another_variants_rubric(client):
    campaign = make_campaign(kinds=["case"], weights={"case": 100})
    participant = make_participant(campaign=campaign, position_code="deputy-preschool")
    expert = make_expert()
    assignment = assign_expert(participant, InstrumentKind.CASE, expert)
    director_rubric = campaign_instrument(campaign, InstrumentKind.CASE).instrument.criteria.get(
        variant__is_default=True, competency__code="K05"
    )
    client.force_login(expert)

    client.post(
        reverse("assessment:expert_rate", args=[assignment.pk]),
        {f"criterion_{director_rubric.pk}": "4", "action": "submit"},
    )

    assignment.refresh_from_db()
    assert assignment.submitted_at is None
    assert str(director_rubric.pk) not in assignment.scores


@pytest.mark.parametrize(
    "persona", ["ministry_user", "municipal_user", "expert_user", "mentor_user", "candidate_user"]
)
def test_everyone_signed_in_reads_the_model_with_the_targets_by_post(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    page = client.get(reverse("assessment:competency_model")).content.decode()

    assert "Целевые уровни по должностям" in page
    assert "Заместитель заведующего дошкольной образовательной организацией" in page
    assert "приказом Минтруда России от 19.04.2021 № 250н" in page
    assert (
        "Изменить модель" in page if persona == "ministry_user" else "Изменить модель" not in page
    )


def test_the_model_page_is_for_signed_in_users(client):
    reply = client.get(reverse("assessment:competency_model"))

    assert reply.status_code == 302
    assert reply["Location"].startswith(reverse("accounts:login"))
