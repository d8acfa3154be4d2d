"""An item is done only with evidence of completion and with its use in practice confirmed by
someone who saw it (here the reservist's mentor; tests/development/test_practice_confirmation.py
has the heads, tutors, providers and outsiders)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from audit.models import PersonalDataAccess
from development.models import PlanItem, PlanItemStatus, PlanStatus, PlanStatusChange
from development.plans.services.evidence import (
    plan_item_add_completion,
    plan_item_add_practice,
    plan_item_start,
)
from development.plans.services.practice import practice_confirm
from tests.development.plans_factories import (
    PDF,
    PNG,
    make_mentor,
    make_plan,
    make_reservist,
    pair,
    pdf_upload,
)

S = PlanStatus
PRACTICE = "Ввела в школе регламент закупок малого объёма, сроки заявок сократились вдвое."


@pytest.fixture
def plan(db):
    return make_plan(status=S.APPROVED, items=2)


@pytest.fixture
def mentor(plan):
    """The reservist's mentor in an active pair: who confirms the practice here."""
    mentor = make_mentor()
    pair(mentor, plan.membership)
    return mentor.user


@pytest.fixture
def item(plan):
    return plan.items.order_by("pk").first()


def test_a_certificate_alone_is_not_done(plan, item):
    plan_item_add_completion(item=item, actor=plan.candidate.user, uploaded_file=pdf_upload())

    item.refresh_from_db()
    assert item.status == PlanItemStatus.IN_PROGRESS
    assert item.completion_file
    assert item.completed_at is None


def test_practice_alone_is_not_done_even_when_confirmed(plan, item, mentor):
    plan_item_add_practice(
        item=item,
        actor=plan.candidate.user,
        confirmer=mentor,
        description=PRACTICE,
        link="https://school.example/1",
    )
    item.refresh_from_db()
    assert (item.status, item.practice_status) == (PlanItemStatus.IN_PROGRESS, "pending")

    practice_confirm(item=item, actor=mentor)

    item.refresh_from_db()
    assert (item.status, item.practice_status) == (PlanItemStatus.IN_PROGRESS, "confirmed")


def test_both_and_the_confirmation_make_it_done_and_the_last_completes_the_plan(plan, mentor):
    reservist = plan.candidate.user
    first, second = plan.items.order_by("pk")
    for item in (first, second):
        plan_item_add_completion(item=item, actor=reservist, uploaded_file=pdf_upload())
        plan_item_add_practice(
            item=item,
            actor=reservist,
            confirmer=mentor,
            description=PRACTICE,
            uploaded_file=SimpleUploadedFile("prikaz.png", PNG),
        )
        item.refresh_from_db()
        assert item.status == PlanItemStatus.IN_PROGRESS  # described, not yet confirmed
        practice_confirm(item=item, actor=mentor)
        item.refresh_from_db()
        assert item.status == PlanItemStatus.DONE
        assert item.completed_at is not None

    plan.refresh_from_db()
    assert plan.status == S.COMPLETED
    statuses = list(PlanStatusChange.objects.filter(plan=plan).values_list("to_status", flat=True))
    assert statuses[-2:] == [S.IN_PROGRESS, S.COMPLETED]


def test_the_first_evidence_starts_an_approved_plan(plan, item):
    plan_item_start(item=item, actor=plan.candidate.user)

    plan.refresh_from_db()
    item.refresh_from_db()
    assert plan.status == S.IN_PROGRESS
    assert item.status == PlanItemStatus.IN_PROGRESS


def test_the_database_refuses_done_without_both_kinds_of_evidence(plan, item):
    item.completion_file = "evidence/x.pdf"
    item.status = PlanItemStatus.DONE

    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()
    PlanItem.objects.filter(pk=item.pk).update(practice_description="Что-то изменилось")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.filter(pk=item.pk).update(status="done", completion_file="e/x.pdf")
    # Both kinds of evidence, but nobody has confirmed the practice: still refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.filter(pk=item.pk).update(
            status="done", completion_file="e/x.pdf", practice_link="https://school.example/2"
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "пустой"),
        (b"<html>not a certificate</html>", "только файлы PDF, JPEG и PNG"),
        (b"MZ\x90\x00 an executable", "только файлы PDF, JPEG и PNG"),
    ],
)
def test_it_refuses_files_that_are_not_documents(plan, item, content, message):
    upload = SimpleUploadedFile("certificate.pdf", content)

    with pytest.raises(ValidationError, match=message):
        plan_item_add_completion(item=item, actor=plan.candidate.user, uploaded_file=upload)

    item.refresh_from_db()
    assert not item.completion_file


def test_practice_needs_a_description_a_document_or_a_link_and_a_confirmer(plan, item, mentor):
    reservist = plan.candidate.user
    with pytest.raises(ValidationError, match="Опишите"):
        plan_item_add_practice(
            item=item, actor=reservist, confirmer=mentor, description=" ", link="https://a.ru"
        )
    with pytest.raises(ValidationError, match=r"документ .* или дайте ссылку"):
        plan_item_add_practice(item=item, actor=reservist, confirmer=mentor, description=PRACTICE)
    with pytest.raises(ValidationError, match="http"):
        plan_item_add_practice(
            item=item,
            actor=reservist,
            confirmer=mentor,
            description=PRACTICE,
            link="javascript:alert(1)",
        )
    with pytest.raises(ValidationError, match="Выберите, кто подтвердит"):
        plan_item_add_practice(
            item=item,
            actor=reservist,
            confirmer=reservist,  # nobody confirms their own practice
            description=PRACTICE,
            link="https://a.ru",
        )


@pytest.mark.parametrize("status", [S.DRAFT, S.ON_APPROVAL, S.COMPLETED])
def test_evidence_is_added_only_to_an_approved_plan(status):
    plan = make_plan(status=status)

    with pytest.raises(ValidationError, match="утверждённом плане"):
        plan_item_add_completion(
            item=plan.items.first(), actor=plan.candidate.user, uploaded_file=pdf_upload()
        )


# --- Through the pages ----------------------------------------------------------------------


def test_the_reservist_adds_both_on_the_item_page(client, plan, item, mentor):
    client.force_login(plan.candidate.user)
    page = reverse("development:item_detail", args=[plan.pk, item.pk])
    assert client.get(page).status_code == 200

    response = client.post(
        reverse("development:item_completion", args=[plan.pk, item.pk]),
        {"completion-file": pdf_upload(), "completion-note": "Удостоверение № 5612"},
    )
    assert response.url == page
    response = client.post(
        reverse("development:item_practice", args=[plan.pk, item.pk]),
        {
            "practice-description": PRACTICE,
            "practice-link": "https://school.example/news/7",
            "practice-confirmer": mentor.pk,
        },
    )
    assert response.url == page  # sent for confirmation: not done yet
    item.refresh_from_db()
    assert (item.status, item.practice_status) == (PlanItemStatus.IN_PROGRESS, "pending")

    client.force_login(mentor)
    client.post(reverse("development:practice_confirm", args=[item.pk]), {"comment": ""})

    item.refresh_from_db()
    assert item.status == PlanItemStatus.DONE
    client.force_login(plan.candidate.user)
    detail = client.get(reverse("development:plan_detail", args=[plan.pk])).content.decode()
    assert "50 %" in detail


def test_a_bad_file_is_refused_on_the_page(client, plan, item):
    client.force_login(plan.candidate.user)

    response = client.post(
        reverse("development:item_completion", args=[plan.pk, item.pk]),
        {"completion-file": SimpleUploadedFile("cert.pdf", b"plain text pretending")},
    )

    assert response.status_code == 400
    assert "только файлы PDF, JPEG и PNG" in response.content.decode()


def test_only_the_reservist_adds_evidence(client, municipal_user, ministry_user, plan, item):
    for user in (municipal_user, ministry_user):
        client.force_login(user)
        response = client.post(
            reverse("development:item_completion", args=[plan.pk, item.pk]),
            {"completion-file": pdf_upload()},
        )
        assert response.status_code == 404


def test_evidence_is_served_by_the_policy_and_the_download_is_logged(
    client, municipal_user, outsider_municipal_user, plan, item
):
    plan_item_add_completion(item=item, actor=plan.candidate.user, uploaded_file=pdf_upload())
    url = reverse("development:evidence_download", args=[plan.pk, item.pk, "completion"])

    client.force_login(municipal_user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert PersonalDataAccess.objects.filter(
        actor=municipal_user, subject_id=str(plan.candidate.pk)
    ).exists()

    client.force_login(outsider_municipal_user)
    assert client.get(url).status_code == 404
    client.force_login(make_reservist().candidate.user)
    assert client.get(url).status_code == 404
    client.force_login(plan.candidate.user)
    assert client.get(url).status_code == 200
    missing = reverse("development:evidence_download", args=[plan.pk, item.pk, "practice"])
    assert client.get(missing).status_code == 404


def test_the_reservist_starts_an_item_and_the_plan_starts_with_it(client, plan, item):
    url = reverse("development:item_start", args=[plan.pk, item.pk])
    client.force_login(make_reservist().candidate.user)
    assert client.post(url).status_code == 404

    client.force_login(plan.candidate.user)
    client.post(url)
    client.post(url)  # a second click changes nothing more

    item.refresh_from_db()
    plan.refresh_from_db()
    assert item.status == PlanItemStatus.IN_PROGRESS
    assert plan.status == S.IN_PROGRESS
    assert PlanStatusChange.objects.filter(plan=plan, to_status=S.IN_PROGRESS).count() == 1
