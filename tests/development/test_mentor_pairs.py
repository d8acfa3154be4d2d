"""Matching pages and pairs: ranking, proposing, confirming, ending, a whole cohort at once."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEvent, PersonalDataAccess
from development.mentoring.services.pairs import mentorship_propose
from development.models import Mentorship, MentorshipStatus
from tests.development.mentoring_factories import (
    ORENBURG_DISTRICT,
    ORSK,
    gap,
    make_mentor,
    make_organization,
    make_pair,
    make_reservist,
    make_result,
)

BULK = reverse("development:matching_bulk")
PAIRS = reverse("development:pair_list")


def match(membership) -> str:
    return reverse("development:match_detail", args=[membership.pk])


def propose(membership) -> str:
    return reverse("development:match_propose", args=[membership.pk])


def pair_url(pair: Mentorship, action: str = "") -> str:
    name = f"development:pair_{action}" if action else "development:pair_detail"
    return reverse(name, args=[pair.pk])


@pytest.fixture
def reservist():
    school = make_organization()
    membership = make_reservist(organization=school)
    make_result(
        membership, scores={"K05": 20.0, "K03": 55.0}, gaps=[gap("K05", 1, 3), gap("K03", 2, 3)]
    )
    return membership


# --- One reservist ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user", "mentor_user"])
def test_only_staff_match(client, request, persona, reservist):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(match(reservist)).status_code == 404
    assert client.post(propose(reservist), {"mentor": 1}).status_code == 404


def test_a_coordinator_matches_only_their_municipalitys_reservists(
    client, municipal_user, outsider_municipal_user, reservist
):
    client.force_login(outsider_municipal_user)
    assert client.get(match(reservist)).status_code == 404
    client.force_login(municipal_user)
    assert client.get(match(reservist)).status_code == 200
    assert PersonalDataAccess.objects.filter(subject_id=str(reservist.candidate_id)).exists()


def test_the_page_ranks_mentors_with_their_explanations(client, ministry_user, reservist):
    best = make_mentor(strengths={"K05": 4, "K03": 3}, last_name="Лучшая")
    neighbour = make_mentor(
        municipality_name=ORENBURG_DISTRICT, strengths={"K05": 4}, last_name="Соседова"
    )
    far = make_mentor(municipality_name=ORSK, last_name="Дальняя")
    colleague = make_mentor(organization=reservist.candidate.organization, last_name="Коллегова")
    client.force_login(ministry_user)
    response = client.get(match(reservist))
    ranked = [item.mentor.key for item in response.context["matches"]]
    assert ranked == [best.pk, neighbour.pk, far.pk]
    assert [item.mentor.key for item in response.context["excluded"]] == [colleague.pk]
    page = response.content.decode()
    assert (
        "закрывает дефицит «Финансы, право и закупки» (уровень наставника 4 при целевом 3)" in page
    )
    assert "работает в той же организации, что и наставляемый" in page


def test_proposing_a_pair_stores_the_score_and_its_explanation(client, municipal_user, reservist):
    mentor = make_mentor(strengths={"K05": 4})
    client.force_login(municipal_user)
    ranked = client.get(match(reservist)).context["matches"][0]
    response = client.post(propose(reservist), {"mentor": mentor.pk, "goals": "Бюджет и закупки"})
    pair = Mentorship.objects.get()
    assert response["Location"] == pair_url(pair)
    assert pair.status == MentorshipStatus.PROPOSED
    assert pair.goals == "Бюджет и закупки"
    assert pair.match_score == ranked.score
    assert pair.match_explanation == ranked.explanation()
    assert sum(line["points"] for line in pair.match_explanation) == pair.match_score
    assert AuditEvent.objects.filter(action="mentorship.create", object_id=str(pair.pk)).exists()


def test_a_reservist_gets_one_open_pair_and_a_full_mentor_none(client, ministry_user, reservist):
    mentor = make_mentor(capacity=1)
    client.force_login(ministry_user)
    client.post(propose(reservist), {"mentor": mentor.pk})
    again = client.post(propose(reservist), {"mentor": make_mentor().pk}, follow=True)
    assert "у резервиста уже есть наставник" in again.content.decode()
    other = make_reservist()
    full = client.post(propose(other), {"mentor": mentor.pk}, follow=True)
    assert "нет свободных мест (занято 1 из 1)" in full.content.decode()
    assert Mentorship.objects.count() == 1


def test_a_mentor_from_the_reservists_organization_is_refused(client, ministry_user, reservist):
    colleague = make_mentor(organization=reservist.candidate.organization)
    client.force_login(ministry_user)
    response = client.post(propose(reservist), {"mentor": colleague.pk}, follow=True)
    assert "работает в той же организации" in response.content.decode()
    assert not Mentorship.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_proposals_never_exceed_the_last_place(ministry_user):
    mentor = make_mentor(capacity=1)
    first, second = make_reservist(), make_reservist()
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt(membership):
        try:
            barrier.wait()
            mentorship_propose(membership=membership, mentor=mentor, actor=ministry_user)
            outcomes.append("ok")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(m,)) for m in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ValidationError", "ok"]
    assert Mentorship.objects.filter(mentor=mentor).count() == 1


# --- Confirming and ending -------------------------------------------------------------------


def test_confirming_activates_the_pair_and_mails_both_after_commit(
    client, municipal_user, reservist, django_capture_on_commit_callbacks
):
    mentor = make_mentor()
    pair = make_pair(mentor, reservist, status=MentorshipStatus.PROPOSED)
    client.force_login(municipal_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(pair_url(pair, "confirm"))
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE
    assert pair.confirmed_by == municipal_user
    assert {tuple(message.to) for message in mail.outbox} == {
        (mentor.user.email,),
        (reservist.candidate.email,),
    }
    again = client.post(pair_url(pair, "confirm"), follow=True)
    assert "Подтвердить можно только предложенную пару" in again.content.decode()


def test_another_municipalitys_coordinator_cannot_touch_the_pair(
    client, outsider_municipal_user, reservist
):
    pair = make_pair(make_mentor(), reservist, status=MentorshipStatus.PROPOSED)
    client.force_login(outsider_municipal_user)
    assert client.get(pair_url(pair)).status_code == 404
    assert client.post(pair_url(pair, "confirm")).status_code == 404
    assert (
        client.post(pair_url(pair, "end"), {"outcome": "cancelled", "reason": "x"}).status_code
        == 404
    )


def test_ending_a_pair_needs_a_reason(client, ministry_user, reservist):
    pair = make_pair(make_mentor(), reservist)
    client.force_login(ministry_user)
    client.post(pair_url(pair, "end"), {"outcome": "completed", "reason": ""})
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE
    client.post(pair_url(pair, "end"), {"outcome": "completed", "reason": "Год программы пройден"})
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.COMPLETED
    assert pair.end_reason == "Год программы пройден"
    assert pair.ended_on is not None


def test_a_proposed_pair_can_be_cancelled_but_not_completed(client, ministry_user, reservist):
    pair = make_pair(make_mentor(), reservist, status=MentorshipStatus.PROPOSED)
    client.force_login(ministry_user)
    client.post(pair_url(pair, "end"), {"outcome": "completed", "reason": "Готово"})
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.PROPOSED
    client.post(pair_url(pair, "end"), {"outcome": "cancelled", "reason": "Наставник заболел"})
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.CANCELLED


def test_the_pair_page_is_for_the_pair_and_its_staff_only(client, reservist):
    mentor = make_mentor()
    pair = make_pair(mentor, reservist)
    stranger_mentor = make_mentor()
    stranger = make_reservist()
    client.force_login(mentor.user)
    assert client.get(pair_url(pair)).status_code == 200
    client.force_login(reservist.candidate.user)
    assert client.get(pair_url(pair)).status_code == 200
    client.force_login(stranger_mentor.user)
    assert client.get(pair_url(pair)).status_code == 404
    client.force_login(stranger.candidate.user)
    assert client.get(pair_url(pair)).status_code == 404


def test_the_pair_list_runs_a_fixed_number_of_queries(
    client, ministry_user, django_assert_num_queries
):
    def add_pairs(count):
        for _ in range(count):
            make_pair(make_mentor(), make_reservist())

    add_pairs(2)
    client.force_login(ministry_user)
    with CaptureQueriesContext(connection) as two:
        assert client.get(PAIRS).status_code == 200
    add_pairs(8)
    with django_assert_num_queries(len(two.captured_queries)):
        response = client.get(PAIRS)
    assert len(response.context["page"].object_list) == 10


# --- A whole cohort --------------------------------------------------------------------------


def cohort(size: int) -> list:
    return [make_reservist() for _ in range(size)]


def test_the_ministry_chooses_the_municipality_a_coordinator_has_theirs(
    client, ministry_user, municipal_user
):
    members = cohort(2)
    make_mentor(capacity=2)
    client.force_login(ministry_user)
    assert client.get(BULK).context["proposal"] is None
    chosen = client.get(BULK, {"municipality": members[0].municipality_id})
    assert len(chosen.context["proposal"].pairs) == 2
    client.force_login(municipal_user)
    assert len(client.get(BULK).context["proposal"].pairs) == 2
    logged = PersonalDataAccess.objects.filter(actor=municipal_user, purpose__contains="группы")
    assert {int(row.subject_id) for row in logged} == {m.candidate_id for m in members}


def test_confirming_a_cohort_creates_active_pairs_within_capacity(
    client, municipal_user, django_capture_on_commit_callbacks
):
    members = cohort(5)
    first = make_mentor(capacity=2, strengths={"K05": 4})
    second = make_mentor(capacity=1)
    client.force_login(municipal_user)
    proposal = client.get(BULK).context["proposal"]
    assert len(proposal.pairs) == 3
    assert len(proposal.unassigned) == 2
    values = [f"{mentee.key}:{choice.mentor.key}" for mentee, choice in proposal.pairs]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(BULK, {"pair": values})
    assert response.status_code == 302
    created = Mentorship.objects.filter(status=MentorshipStatus.ACTIVE)
    assert created.count() == 3
    assert created.filter(mentor=first).count() == 2
    assert created.filter(mentor=second).count() == 1
    assert len(mail.outbox) == 6
    left = {mentee.key for mentee, _ in proposal.unassigned}
    assert not Mentorship.objects.filter(membership_id__in=left).exists()
    assert all(m.candidate.mentorships.exists() or m.pk in left for m in members)


def test_a_stale_cohort_proposal_creates_nothing(client, municipal_user):
    cohort(2)
    mentor = make_mentor(capacity=2)
    client.force_login(municipal_user)
    proposal = client.get(BULK).context["proposal"]
    values = [f"{mentee.key}:{choice.mentor.key}" for mentee, choice in proposal.pairs]
    make_pair(mentor, make_reservist())  # meanwhile someone takes one of the two places
    response = client.post(BULK, {"pair": values})
    assert response.status_code == 200
    assert "Пары не созданы" in response.content.decode()
    assert Mentorship.objects.count() == 1


def test_a_coordinator_cannot_confirm_pairs_of_another_municipality(
    client, outsider_municipal_user
):
    members = cohort(1)
    mentor = make_mentor()
    client.force_login(outsider_municipal_user)
    client.post(BULK, {"pair": [f"{members[0].pk}:{mentor.pk}"]})
    assert not Mentorship.objects.exists()
