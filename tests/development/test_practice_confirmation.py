"""Training carried into practice is confirmed by someone else: the mentor, the head of the
reservist's organization, the internship's tutor; a course's completion by its provider."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from development.models import (
    MentorshipStatus,
    PlanItemStatus,
    PlanStatus,
    PracticeReview,
    PracticeWitness,
    WitnessKind,
)
from development.plans.services.evidence import plan_item_add_completion, plan_item_add_practice
from development.plans.services.practice import (
    completion_confirm,
    practice_confirm,
    practice_return,
)
from development.programme.indicators import programme_indicators
from tests.development.plans_factories import (
    make_activity,
    make_mentor,
    make_plan,
    make_reservist,
    pair,
    pdf_upload,
)
from tests.factories import OrganizationFactory, UserFactory

PRACTICE = "Провела педсовет по итогам курса; утверждено положение о ВСОКО."


@pytest.fixture
def school(db):
    return OrganizationFactory()


@pytest.fixture
def plan(school):
    membership = make_reservist()
    membership.candidate.organization = school
    membership.candidate.save(update_fields=["organization"])
    return make_plan(membership, status=PlanStatus.IN_PROGRESS, items=2)


@pytest.fixture
def item(plan):
    return plan.items.order_by("pk").first()


@pytest.fixture
def head(school):
    """The head of the reservist's school, with an account of their own."""
    user = UserFactory(role=Role.MENTOR, username="head")
    PracticeWitness.objects.create(user=user, kind=WitnessKind.HEAD, organization=school)
    return user


@pytest.fixture
def mentor(plan):
    mentor = make_mentor(username="the-mentor")
    pair(mentor, plan.membership)
    return mentor.user


def _send(item, confirmer, *, completion: bool = True) -> None:
    reservist = item.plan.candidate.user
    if completion:
        plan_item_add_completion(item=item, actor=reservist, uploaded_file=pdf_upload())
    plan_item_add_practice(
        item=item,
        actor=reservist,
        confirmer=confirmer,
        description=PRACTICE,
        link="https://school.example/vsoko",
    )


def _review(item) -> str:
    return reverse("development:practice_review", args=[item.pk])


def test_the_reservist_may_ask_their_mentor_and_their_head_and_nobody_else(
    plan, item, head, mentor
):
    from development import access

    UserFactory(role=Role.MENTOR, username="another-head")  # heads no witness record

    offered = {user.username: why for user, why in access.practice_confirmers_for(item)}

    assert offered == {"head": "руководитель организации", "the-mentor": "наставник"}


def test_the_head_confirms_what_they_saw_and_only_then_the_item_is_done(
    client, plan, item, head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _send(item, head)
    item.refresh_from_db()
    assert item.status == PlanItemStatus.IN_PROGRESS
    assert mail.outbox[-1].to == [head.email]
    assert "подтвердить применение в практике" in mail.outbox[-1].body

    client.force_login(head)
    page = client.get(_review(item)).content.decode()
    assert PRACTICE in page
    assert "Подтвердить применение" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("development:practice_confirm", args=[item.pk]), {"comment": ""})

    item.refresh_from_db()
    assert (item.status, item.practice_status) == (PlanItemStatus.DONE, "confirmed")
    review = PracticeReview.objects.get(item=item)
    assert (review.reviewer, review.capacity) == (head, "руководитель организации")
    assert mail.outbox[-1].to == [plan.candidate.email]


def test_a_returned_practice_needs_a_comment_and_can_be_sent_again(plan, item, mentor):
    _send(item, mentor)

    with pytest.raises(ValidationError, match="без замечания вернуть нельзя"):
        practice_return(item=item, actor=mentor, comment="  ")
    practice_return(item=item, actor=mentor, comment="Приложите протокол педсовета.")
    item.refresh_from_db()
    assert item.practice_status == "returned"
    assert item.status == PlanItemStatus.IN_PROGRESS

    plan_item_add_practice(
        item=item,
        actor=plan.candidate.user,
        confirmer=mentor,
        description=PRACTICE + " Протокол № 3 приложен.",
        link="https://school.example/protocol-3",
    )
    practice_confirm(item=item, actor=mentor)
    item.refresh_from_db()
    assert item.status == PlanItemStatus.DONE
    assert list(item.reviews.values_list("decision", flat=True)) == ["returned", "confirmed"]


def test_a_pending_or_confirmed_practice_is_no_longer_rewritten(plan, item, mentor):
    _send(item, mentor, completion=False)

    with pytest.raises(ValidationError, match="дождитесь ответа"):
        plan_item_add_practice(
            item=item,
            actor=plan.candidate.user,
            confirmer=mentor,
            description="Другое описание",
            link="https://a.ru",
        )


def test_a_mentor_whose_pair_ended_no_longer_confirms(plan, item, mentor):
    _send(item, mentor)
    plan.membership.candidate.mentorships.update(status=MentorshipStatus.COMPLETED)

    with pytest.raises(ValidationError, match="может только тот, кого резервист попросил"):
        practice_confirm(item=item, actor=mentor)
    item.refresh_from_db()
    assert item.practice_status == "pending"


def test_the_internships_tutor_may_confirm_its_item(db):
    internship = make_activity(["K05"], title="Стажировка по закупкам", kind="internship")
    tutor = UserFactory(role=Role.EXPERT, username="tutor")
    PracticeWitness.objects.create(user=tutor, kind=WitnessKind.TUTOR, activity=internship)
    plan = make_plan(status=PlanStatus.IN_PROGRESS, items=1)
    item = plan.items.get()
    item.activity = internship
    item.save(update_fields=["activity"])

    _send(item, tutor)
    practice_confirm(item=item, actor=tutor)

    item.refresh_from_db()
    assert item.status == PlanItemStatus.DONE
    assert item.reviews.get().capacity == "методист (тьютор) стажировки"


def test_the_providers_representative_confirms_the_completion_of_their_course(client, db):
    course = make_activity(["K05"], title="Курс «Закупки в школе»")
    provider = UserFactory(role=Role.EXPERT, username="provider")
    PracticeWitness.objects.create(user=provider, kind=WitnessKind.PROVIDER, activity=course)
    plan = make_plan(status=PlanStatus.IN_PROGRESS, items=1)
    item = plan.items.get()
    item.activity = course
    item.save(update_fields=["activity"])
    plan_item_add_completion(item=item, actor=plan.candidate.user, uploaded_file=pdf_upload())
    client.force_login(provider)

    assert client.get(_review(item)).status_code == 200
    client.post(reverse("development:completion_confirm", args=[item.pk]))

    item.refresh_from_db()
    assert item.completion_confirmed_by == provider
    download = reverse("development:evidence_download", args=[plan.pk, item.pk, "completion"])
    assert client.get(download).status_code == 200
    with pytest.raises(ValidationError):
        completion_confirm(item=item, actor=provider)  # once


@pytest.mark.parametrize(
    "outsider",
    [
        "another_mentor",
        "another_head",
        "the_reservist",
        "ministry_user",
        "municipal_user",
        "expert_user",
        "mentor_user",
    ],
)
def test_outsiders_do_not_see_or_decide_the_request(client, request, plan, item, head, outsider):
    _send(item, head)
    if outsider == "another_mentor":
        other = make_mentor()
        pair(other, make_reservist())
        user = other.user
    elif outsider == "another_head":
        user = UserFactory(role=Role.MENTOR)
        PracticeWitness.objects.create(
            user=user, kind=WitnessKind.HEAD, organization=OrganizationFactory()
        )
    elif outsider == "the_reservist":
        user = plan.candidate.user
    else:
        user = request.getfixturevalue(outsider)
    client.force_login(user)

    assert client.get(_review(item)).status_code == 404
    for name in ("practice_confirm", "practice_return"):
        reply = client.post(reverse(f"development:{name}", args=[item.pk]), {"comment": "да"})
        assert reply.status_code == 404
    assert client.post(reverse("development:completion_confirm", args=[item.pk])).status_code == 404
    practice = reverse("development:evidence_download", args=[plan.pk, item.pk, "practice"])
    if outsider not in ("the_reservist", "ministry_user", "municipal_user"):
        assert client.get(practice).status_code == 404  # the plan's own people see it anyway
    item.refresh_from_db()
    assert item.practice_status == "pending"


def test_a_candidate_has_no_confirmation_page(client, plan):
    client.force_login(plan.candidate.user)

    assert client.get(reverse("development:practice_requests")).status_code == 404


def test_the_confirmer_sees_the_request_on_their_page(client, item, head):
    _send(item, head)
    client.force_login(head)

    page = client.get(reverse("development:practice_requests")).content.decode()

    assert "Ждут вашего ответа: 1" in page
    assert item.title in page


def test_the_indicators_count_confirmed_items_only(plan, item, head):
    import datetime

    second = plan.items.exclude(pk=item.pk).get()
    _send(item, head)
    _send(second, head)
    practice_confirm(item=item, actor=head)

    indicators = {i.name: i.value for i in programme_indicators(datetime.date.today(), 1)}

    assert indicators["Выполнение пунктов ИОМ"] == "1 из 2 (50 %)"
    assert indicators["Применение в практике, подтверждённое другим лицом"] == (
        "1 пункт; ждут подтверждения — 1, возвращено — 0"
    )
