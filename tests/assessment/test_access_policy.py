"""The assessment's access policy: each object-level question agrees with its visibility scope."""

import inspect

import pytest
from django.contrib.auth.models import AnonymousUser

from assessment import access
from assessment.models import InstrumentKind
from registry.models import Municipality
from tests.assessment.factories import assign_expert, make_campaign, make_expert, make_participant

# Each object-level question and the scope it must agree with, row for row.
PAIRS = {
    "can_view_result": access.result_participants_visible_to,
    "can_rate_performance": access.talent_participants_visible_to,
}


@pytest.fixture
def world(db, ministry_user, municipal_user, outsider_municipal_user, mentor_user):
    """Two participants in two municipalities, an expert assigned to one, and the cast."""
    campaign = make_campaign(
        kinds=["self_assessment", "case"], weights={"self_assessment": 50, "case": 50}
    )
    orsk = Municipality.objects.get(name="город Орск")
    participant = make_participant(campaign=campaign, last_name="Участникова")
    other = make_participant(campaign=campaign, last_name="Орская", municipality=orsk)
    assigned = make_expert(username="assigned-expert")
    assign_expert(participant, InstrumentKind.CASE, assigned)
    cast = {
        "ministry": ministry_user,
        "coordinator": municipal_user,
        "coordinator of another municipality": outsider_municipal_user,
        "assigned expert": assigned,
        "unassigned expert": make_expert(username="unassigned-expert"),
        "participant": participant.candidate.user,
        "another candidate": other.candidate.user,
        "mentor": mentor_user,
        "anonymous": AnonymousUser(),
    }
    return cast, [participant, other]


@pytest.mark.parametrize("question", sorted(PAIRS))
def test_each_question_agrees_with_its_scope_for_the_whole_cast(world, question):
    cast, participants = world
    predicate, scope = getattr(access, question), PAIRS[question]

    disagreements = [
        f"{who}: {participant.candidate}"
        for who, user in cast.items()
        for participant in participants
        if predicate(user, participant) != scope(user).filter(pk=participant.pk).exists()
    ]

    assert not disagreements, f"{question} and {scope.__name__} disagree for: {disagreements}"


def test_the_results_are_seen_by_the_region_the_territory_and_the_person(world):
    cast, (participant, other) = world

    seen = {who: set(access.result_participants_visible_to(user)) for who, user in cast.items()}

    assert seen == {
        "ministry": {participant, other},
        "coordinator": {participant},
        "coordinator of another municipality": {other},
        "assigned expert": set(),
        "unassigned expert": set(),
        "participant": {participant},
        "another candidate": {other},
        "mentor": set(),
        "anonymous": set(),
    }


def test_the_talent_review_is_staff_only_and_scoped_to_the_territory(world):
    cast, (participant, other) = world

    seen = {who: set(access.talent_participants_visible_to(user)) for who, user in cast.items()}

    assert seen["ministry"] == {participant, other}
    assert seen["coordinator"] == {participant}
    assert seen["coordinator of another municipality"] == {other}
    assert all(not seen[who] for who in seen if "coordinator" not in who and who != "ministry")


def test_work_lists_hold_only_the_users_own_rows(world):
    cast, (participant, _other) = world

    assert list(access.own_participations(cast["participant"])) == [participant]
    assert list(access.own_participations(cast["ministry"])) == []
    assert [a.expert for a in access.expert_assignments_of(cast["assigned expert"])] == [
        cast["assigned expert"]
    ]
    assert not access.expert_assignments_of(cast["unassigned expert"]).exists()
    assert not access.expert_assignments_of(cast["ministry"]).exists()


def test_every_object_level_question_has_its_scope_listed_here():
    questions = {
        name
        for name, function in inspect.getmembers(access, inspect.isfunction)
        if function.__module__ == access.__name__
        and name.startswith("can_")
        and len(inspect.signature(function).parameters) == 2
    }

    assert questions == set(PAIRS), "Add the new question and its *_visible_to to PAIRS."
