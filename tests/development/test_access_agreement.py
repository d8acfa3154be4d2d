"""Each can_view_x(user, row) agrees with x_visible_to(user) for the whole cast of users.

The pages load rows through x_visible_to and decide buttons and downloads with can_view_x (and
the questions built on it): if one of them is weakened or widened alone, a user would see a row
on one page and be refused it on another. Here every user asks both about every row.
"""

import pytest

from accounts.models import Role
from development import access
from development.models import MentorshipStatus, PlanItem, PlanStatus
from tests.development.mentoring_factories import (
    ORENBURG,
    ORSK,
    make_mentor,
    make_pair,
    make_reservist,
    make_session,
    municipality,
)
from tests.development.plans_factories import make_plan
from tests.factories import UserFactory

# x_visible_to, can_view_x, and the rows of the world below that the pair is asked about.
PAIRS_OF_QUESTIONS = {
    "plans": (access.plans_visible_to, access.can_view_plan, "plans"),
    "plan items": (access.plan_items_visible_to, access.can_view_evidence, "items"),
    "memberships to plan for": (
        access.memberships_to_plan_for,
        access.can_generate_plan,
        "memberships",
    ),
    "mentors": (access.mentors_visible_to, access.can_view_mentor, "mentors"),
    "pairs": (access.mentorships_visible_to, access.can_view_pair, "pairs"),
    "sessions": (access.sessions_visible_to, access.can_view_session, "sessions"),
}
CAST = [
    "ministry",
    "coordinator",
    "other_coordinator",
    "mentor",
    "other_mentor",
    "candidate",
    "other_candidate",
    "expert",
]


@pytest.fixture
def world(db) -> dict:
    """Two reservists in two municipalities, each with a plan, a mentor and a pair's meeting.

    The other mentor once mentored the candidate (a completed pair): they see that pair, but
    not the candidate's plan, which only the mentor of an active pair may open.
    """
    mine = make_reservist(municipality_name=ORENBURG, username="candidate")
    theirs = make_reservist(municipality_name=ORSK, username="other-candidate")
    mentor = make_mentor(municipality_name=ORENBURG, username="mentor")
    other_mentor = make_mentor(municipality_name=ORSK, username="other-mentor")
    old_pair = make_pair(other_mentor, mine, status=MentorshipStatus.COMPLETED)
    my_pair = make_pair(mentor, mine)
    their_pair = make_pair(other_mentor, theirs)
    plans = [make_plan(mine), make_plan(theirs, status=PlanStatus.APPROVED)]
    return {
        "users": {
            "ministry": UserFactory(username="ministry", role=Role.MINISTRY),
            "coordinator": UserFactory(
                username="coordinator", role=Role.MUNICIPAL, municipality=municipality(ORENBURG)
            ),
            "other_coordinator": UserFactory(
                username="coordinator-orsk", role=Role.MUNICIPAL, municipality=municipality(ORSK)
            ),
            "mentor": mentor.user,
            "other_mentor": other_mentor.user,
            "candidate": mine.candidate.user,
            "other_candidate": theirs.candidate.user,
            "expert": UserFactory(username="expert", role=Role.EXPERT),
        },
        "plans": plans,
        "items": list(PlanItem.objects.filter(plan__in=plans)),
        "memberships": [mine, theirs],
        "mentors": [mentor, other_mentor],
        "pairs": [old_pair, my_pair, their_pair],
        "sessions": [make_session(old_pair), make_session(my_pair), make_session(their_pair)],
    }


def _answers(world: dict, question: str, who: str) -> tuple[set[int], set[int]]:
    """Return the rows the queryset shows the user and the rows the predicate allows, by id."""
    visible_to, can_view, rows = PAIRS_OF_QUESTIONS[question]
    user = world["users"][who]
    shown = set(
        visible_to(user).filter(pk__in=[row.pk for row in world[rows]]).values_list("pk", flat=True)
    )
    allowed = {row.pk for row in world[rows] if can_view(user, row)}
    return shown, allowed


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("question", PAIRS_OF_QUESTIONS)
def test_the_predicate_and_the_queryset_agree(world, question, who):
    shown, allowed = _answers(world, question, who)

    assert allowed == shown


@pytest.mark.parametrize("question", PAIRS_OF_QUESTIONS)
def test_the_cast_tells_the_rows_apart(world, question):
    """Guard the test above: for every question someone sees everything and someone nothing."""
    rows = {row.pk for row in world[PAIRS_OF_QUESTIONS[question][2]]}
    seen = [_answers(world, question, who)[0] for who in CAST]

    assert rows in seen
    assert set() in seen
    assert any(0 < len(part) < len(rows) for part in seen)


def test_the_scope_is_the_one_the_pages_describe(world):
    """Spot-check the shared answers against the policy in words (DESIGN.md §2)."""
    users = world["users"]
    mine, theirs = world["plans"]
    old_pair, my_pair, their_pair = world["pairs"]

    assert access.can_view_pair(users["candidate"], my_pair)
    assert access.can_view_plan(users["coordinator"], mine)
    assert not access.can_view_plan(users["other_coordinator"], mine)
    assert access.can_view_plan(users["mentor"], mine)
    assert not access.can_view_plan(users["other_mentor"], mine)  # the pair is completed
    assert access.can_view_pair(users["other_mentor"], old_pair)
    assert not access.can_view_pair(users["candidate"], their_pair)
    assert not access.can_view_plan(users["expert"], theirs)
