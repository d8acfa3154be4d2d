"""The bank of good practice: offered with consent, reviewed against the published criteria,
shown to others by competency; the author may withdraw."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from development.models import GoodPractice, PlanStatus, PracticeState
from development.plans.services.evidence import plan_item_add_completion, plan_item_add_practice
from development.plans.services.practice import practice_confirm
from development.practice.criteria import CRITERIA_CODES
from development.practice.services import good_practice_propose, good_practice_review
from tests.development.plans_factories import (
    make_mentor,
    make_plan,
    make_reservist,
    pair,
    pdf_upload,
)

PRACTICE = "Ввела регламент закупок малого объёма: сроки заявок сократились с 20 до 8 дней."


@pytest.fixture
def confirmed_item(db):
    membership = make_reservist()
    plan = make_plan(membership, status=PlanStatus.IN_PROGRESS, items=1)
    mentor = make_mentor()
    pair(mentor, membership)
    item = plan.items.get()
    reservist = plan.candidate.user
    plan_item_add_completion(item=item, actor=reservist, uploaded_file=pdf_upload())
    plan_item_add_practice(
        item=item, actor=reservist, confirmer=mentor.user, description=PRACTICE, link="https://a.ru"
    )
    practice_confirm(item=item, actor=mentor.user)
    item.refresh_from_db()
    return item


def _propose(item, **fields) -> GoodPractice:
    return good_practice_propose(
        item=item,
        actor=item.plan.candidate.user,
        title=fields.get("title", "Регламент закупок малого объёма"),
        summary=fields.get("summary", PRACTICE),
        consent=fields.get("consent", True),
    )


def test_only_a_confirmed_practice_with_consent_is_offered_once(db, confirmed_item):
    unconfirmed = make_plan(status=PlanStatus.IN_PROGRESS, items=1).items.get()

    with pytest.raises(ValidationError, match="согласия"):
        _propose(confirmed_item, consent=False)
    with pytest.raises(ValidationError, match="применение которой подтверждено"):
        _propose(unconfirmed)
    practice = _propose(confirmed_item)
    assert practice.state == PracticeState.PROPOSED
    assert practice.competency_id == confirmed_item.competency_id
    with pytest.raises(ValidationError, match="один раз"):
        _propose(confirmed_item)


def test_every_criterion_met_publishes_any_missing_one_declines_with_a_reason(
    confirmed_item, ministry_user
):
    practice = _propose(confirmed_item)

    with pytest.raises(ValidationError, match="чего не хватает"):
        good_practice_review(
            practice=practice, actor=ministry_user, criteria_met=CRITERIA_CODES[:-1], comment=""
        )
    published = good_practice_review(
        practice=practice, actor=ministry_user, criteria_met=CRITERIA_CODES, comment=""
    )
    assert published.state == PracticeState.PUBLISHED
    assert published.criteria_met == list(CRITERIA_CODES)


def test_others_read_the_bank_by_competency(client, confirmed_item, ministry_user):
    practice = _propose(confirmed_item)
    other_reader = make_reservist().candidate.user
    client.force_login(other_reader)
    assert (
        "Регламент закупок" not in client.get(reverse("development:practice_bank")).content.decode()
    )
    assert client.get(reverse("development:practice_detail", args=[practice.pk])).status_code == 404

    good_practice_review(
        practice=practice, actor=ministry_user, criteria_met=CRITERIA_CODES, comment=""
    )

    page = client.get(
        reverse("development:practice_bank"), {"competency": confirmed_item.competency_id}
    ).content.decode()
    assert "Регламент закупок малого объёма" in page
    assert "K05. Финансы, право и закупки" in page
    assert "Критерии отбора" in page
    assert client.get(reverse("development:practice_detail", args=[practice.pk])).status_code == 200
    other = client.get(reverse("development:practice_bank"), {"competency": 999_999})
    assert other.status_code == 200


def test_a_withdrawn_consent_takes_the_practice_out_of_the_bank(
    client, confirmed_item, ministry_user
):
    practice = _propose(confirmed_item)
    good_practice_review(
        practice=practice, actor=ministry_user, criteria_met=CRITERIA_CODES, comment=""
    )
    client.force_login(confirmed_item.plan.candidate.user)

    client.post(reverse("development:practice_withdraw", args=[practice.pk]))

    client.force_login(make_reservist().candidate.user)
    assert (
        "Регламент закупок" not in client.get(reverse("development:practice_bank")).content.decode()
    )


@pytest.mark.parametrize(
    "persona", ["candidate_user", "municipal_user", "mentor_user", "expert_user"]
)
def test_only_the_ministry_reviews_and_only_the_author_proposes_or_withdraws(
    client, request, confirmed_item, persona
):
    practice = _propose(confirmed_item)
    client.force_login(request.getfixturevalue(persona))

    review = client.post(
        reverse("development:practice_bank_review", args=[practice.pk]),
        {"criteria": list(CRITERIA_CODES)},
    )
    assert review.status_code == 404
    propose = reverse("development:practice_propose", args=[confirmed_item.pk])
    assert client.get(propose).status_code == 404
    assert (
        client.post(reverse("development:practice_withdraw", args=[practice.pk])).status_code == 404
    )
    practice.refresh_from_db()
    assert (practice.state, practice.consent_withdrawn_at) == (PracticeState.PROPOSED, None)


def test_the_author_proposes_from_the_item_page(client, confirmed_item):
    client.force_login(confirmed_item.plan.candidate.user)
    item_page = reverse("development:item_detail", args=[confirmed_item.plan_id, confirmed_item.pk])
    assert "Предложить в банк практик" in client.get(item_page).content.decode()

    reply = client.post(
        reverse("development:practice_propose", args=[confirmed_item.pk]),
        {"title": "Регламент закупок", "summary": PRACTICE, "consent": "on"},
    )

    assert reply.status_code == 302
    practice = GoodPractice.objects.get()
    assert (practice.item, practice.state) == (confirmed_item, PracticeState.PROPOSED)
    assert practice.consent_given_at is not None
