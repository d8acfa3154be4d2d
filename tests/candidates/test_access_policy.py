"""The selection stage's policy: every question about one row agrees with the row's queryset.

A fixed cast asks about rows in two municipalities and several states. For every pair the
expected answer is written out, and both the queryset (`x_visible_to`) and the question about
the row (`can_view_x`) must give it; the questions that change a row never reach past the rows
the user sees.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role
from candidates import access
from candidates.models import (
    CommissionMember,
    CommissionRole,
    MeetingStatus,
    NominationStatus,
)
from candidates.services.commission import agenda_item_add_extension
from tests.candidates.commission_factories import (
    make_commission,
    make_meeting,
    make_membership,
    put_on_agenda,
)
from tests.candidates.factories import make_candidate, make_nomination
from tests.factories import UserFactory

REGION = {"admin", "ministry"}


@pytest.fixture
def cast(
    admin_user,
    ministry_user,
    municipal_user,
    outsider_municipal_user,
    expert_user,
    mentor_user,
) -> dict:
    """Everyone who may ask; «candidate» and «other_candidate» are two applicants of Оренбург."""
    return {
        "admin": admin_user,
        "ministry": ministry_user,
        "coordinator": municipal_user,
        "outsider_coordinator": outsider_municipal_user,
        "candidate": make_candidate(username="applicant-a").user,
        "other_candidate": make_candidate(username="applicant-b").user,
        "expert": expert_user,
        "mentor": mentor_user,
        "inactive": UserFactory(username="former", role=Role.MINISTRY, is_active=False),
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def rows(cast, ministry_user, other_municipality) -> dict:
    """Rows in Оренбург and Орск, in different states, with the expected viewers of each."""
    own_draft = make_nomination(candidate=cast["candidate"].candidate)
    on_agenda = make_nomination(
        candidate=cast["other_candidate"].candidate, status=NominationStatus.COMMISSION_REVIEW
    )
    in_orsk = make_nomination(municipality=other_municipality, status=NominationStatus.SUBMITTED)
    # The expert is the secretary of one commission; a former expert, now a mentor, kept a
    # seat on another (the service no longer lets a mentor in, but the row stays).
    experts = make_commission((cast["expert"], CommissionRole.SECRETARY))
    others = make_commission((UserFactory(role=Role.EXPERT), CommissionRole.MEMBER), name="Иная")
    CommissionMember.objects.create(
        commission=others, user=cast["mentor"], role=CommissionRole.CHAIR
    )
    planned = make_meeting(experts)
    put_on_agenda(planned, ministry_user, nomination=on_agenda)
    membership = make_membership(
        candidate=cast["candidate"].candidate, position_code="deputy-general"
    )
    orsk_membership = make_membership(municipality=other_municipality)
    agenda_item_add_extension(meeting=planned, membership=orsk_membership, actor=ministry_user)
    held = make_meeting(experts)
    others_held = make_meeting(others)
    for meeting in (held, others_held):
        meeting.status = MeetingStatus.HELD
        meeting.save(update_fields=["status"])
    orenburg = {"admin", "ministry", "coordinator"}
    return {
        "nominations": [
            (own_draft, orenburg | {"candidate"}),
            (on_agenda, orenburg | {"other_candidate", "expert"}),
            (in_orsk, REGION | {"outsider_coordinator"}),
        ],
        "documents": [
            (own_draft.documents.first(), orenburg | {"candidate"}),
            (on_agenda.documents.first(), orenburg | {"other_candidate"}),  # no files to experts
            (in_orsk.documents.first(), REGION | {"outsider_coordinator"}),
        ],
        "candidates": [
            (own_draft.candidate, orenburg | {"candidate"}),
            (on_agenda.candidate, orenburg | {"other_candidate"}),
            (in_orsk.candidate, REGION | {"outsider_coordinator"}),
        ],
        "memberships": [
            (membership, orenburg | {"candidate"}),
            (orsk_membership, REGION | {"outsider_coordinator"}),
        ],
        "commissions": [(experts, REGION | {"expert"}), (others, REGION)],
        "meetings": [
            (planned, REGION | {"expert"}),
            (held, REGION | {"expert"}),
            (others_held, REGION),
        ],
    }


def _viewers(cast: dict, visible_to, row) -> set[str]:
    return {name for name, user in cast.items() if visible_to(user).filter(pk=row.pk).exists()}


@pytest.mark.parametrize(
    ("kind", "visible_to"),
    [
        ("nominations", access.nominations_visible_to),
        ("documents", access.documents_visible_to),
        ("candidates", access.candidates_visible_to),
        ("memberships", access.memberships_visible_to),
        ("commissions", access.commissions_visible_to),
        ("meetings", access.meetings_visible_to),
    ],
)
def test_it_shows_each_row_to_exactly_its_viewers(cast, rows, kind, visible_to):
    for row, expected in rows[kind]:
        assert _viewers(cast, visible_to, row) == expected, row
        assert visible_to(cast["admin"]).filter(pk=row.pk).count() == 1  # no row twice


def test_the_question_about_a_nomination_is_its_queryset(cast, rows):
    for nomination, expected in rows["nominations"]:
        for name, user in cast.items():
            assert access.can_view_nomination(user, nomination) == (name in expected), name


def test_the_question_about_a_document_is_its_queryset(cast, rows):
    for document, expected in rows["documents"]:
        for name, user in cast.items():
            assert access.can_view_document(user, document) == (name in expected), name


def test_own_nomination_in_memory_is_a_candidates_visible_row(cast, rows):
    for nomination, _ in rows["nominations"]:
        for name, user in cast.items():
            visible = access.nominations_visible_to(user).filter(pk=nomination.pk).exists()
            expected = name in {"candidate", "other_candidate"} and visible
            assert access.is_own_nomination(user, nomination) == expected, name


def test_changing_a_nomination_never_reaches_past_what_the_user_sees(cast, rows):
    for nomination, _ in rows["nominations"]:
        for name, user in cast.items():
            visible = access.nominations_visible_to(user).filter(pk=nomination.pk).exists()
            on_staff_side = (
                access.pipeline_nominations_visible_to(user).filter(pk=nomination.pk).exists()
            )
            assert not access.can_edit_application(user, nomination) or visible, name
            assert not access.can_submit(user, nomination) or visible, name
            assert not access.can_review_nomination(user, nomination) or on_staff_side, name
            assert not on_staff_side or visible, name


def test_the_protocol_goes_to_whoever_sees_the_held_meeting(cast, rows):
    for meeting, expected in rows["meetings"]:
        for name, user in cast.items():
            held = meeting.status == MeetingStatus.HELD
            assert access.can_download_protocol(user, meeting) == (held and name in expected)


def test_conducting_a_meeting_takes_a_seat_on_a_meeting_one_sees(cast, rows):
    conducts = {}
    for meeting, expected in rows["meetings"]:
        for name, user in cast.items():
            assert not access.can_record_votes(user, meeting) or name in expected, name
            assert not access.can_conduct_meeting(user, meeting) or name in expected, name
            conducts[name, meeting.pk] = access.can_conduct_meeting(user, meeting)
    planned, _ = rows["meetings"][0]
    others_held, _ = rows["meetings"][2]
    assert conducts["expert", planned.pk]  # the secretary
    assert not conducts["mentor", others_held.pk]  # a stale seat opens nothing
    assert not conducts["coordinator", planned.pk]
