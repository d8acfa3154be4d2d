"""The applicant's area: own records only; everyone else gets 404; anonymous goes to login."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Document, Nomination
from registry.models import PositionKind
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.applicant_fixtures import url
from tests.candidates.factories import make_nomination

pytestmark = pytest.mark.django_db

NOMINATION_PAGES = [
    "applicant_nomination",
    "applicant_profile",
    "applicant_education",
    "applicant_dpo",
    "applicant_work",
    "applicant_documents",
    "applicant_consent",
    "applicant_consent_withdraw",
]
NOMINATION_ACTIONS = ["applicant_submit", *NOMINATION_PAGES[1:]]


def test_it_lists_only_the_candidates_own_nominations(applicant, draft, stranger_nomination):
    response = applicant.get(reverse("candidates:applicant_nominations"))

    nominations = list(response.context["nominations"])
    assert response.status_code == 200
    assert nominations == [draft]
    assert url("applicant_nomination", stranger_nomination) not in response.content.decode()


def test_the_list_makes_the_same_number_of_queries_for_more_nominations(applicant, draft):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert applicant.get(reverse("candidates:applicant_nominations")).status_code == 200
        return len(queries)

    one = count()
    for code in ["deputy-general", "director-additional", "director-vocational"]:
        make_nomination(candidate=draft.candidate, position_code=code, documents=False)
    assert Nomination.objects.filter(candidate=draft.candidate).count() == 4

    assert count() == one


@pytest.mark.parametrize("name", NOMINATION_PAGES)
def test_the_candidate_opens_each_page_of_own_application(applicant, draft, name):
    response = applicant.get(url(name, draft))

    assert response.status_code == 200
    assert draft.position_kind.name in response.content.decode()


@pytest.mark.parametrize("name", NOMINATION_PAGES)
def test_another_candidates_nomination_pages_answer_404(applicant, stranger_nomination, name):
    assert applicant.get(url(name, stranger_nomination)).status_code == 404


@pytest.mark.parametrize("name", NOMINATION_ACTIONS)
def test_changes_to_another_candidates_nomination_answer_404(applicant, stranger_nomination, name):
    status = stranger_nomination.status

    assert applicant.post(url(name, stranger_nomination), {}).status_code == 404
    stranger_nomination.refresh_from_db()
    assert stranger_nomination.status == status


@pytest.mark.parametrize(
    ("section", "related_name"),
    [("education", "education_records"), ("work", "work_records")],
)
def test_another_candidates_records_answer_404(
    applicant, draft, stranger_nomination, section, related_name
):
    record = getattr(stranger_nomination.candidate, related_name).get()

    edit = url("applicant_record_edit", draft, section, record.pk)
    delete = url("applicant_record_delete", draft, section, record.pk)

    assert applicant.get(edit).status_code == 404
    assert applicant.post(edit, {}).status_code == 404
    assert applicant.post(delete).status_code == 404
    assert type(record).objects.filter(pk=record.pk).exists()


def test_another_candidates_document_answers_404(applicant, draft, stranger_nomination):
    document = stranger_nomination.documents.first()

    delete = url("applicant_document_delete", draft, document.pk)
    download = reverse("candidates:document_download", args=[document.pk])

    assert applicant.post(delete).status_code == 404
    assert applicant.get(download).status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize(
    "persona", ["municipal_user", "ministry_user", "admin_user", "expert_user", "mentor_user"]
)
def test_other_roles_do_not_use_the_applicants_pages(client, request, draft, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("candidates:applicant_nominations")).status_code == 404
    for name in NOMINATION_PAGES:
        assert client.get(url(name, draft)).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, draft):
    login = reverse("accounts:login")
    document = draft.documents.first()
    urls = [
        reverse("candidates:applicant_nominations"),
        reverse("candidates:document_download", args=[document.pk]),
        *(url(name, draft) for name in NOMINATION_PAGES),
    ]

    for address in urls:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(f"{login}?next="), address
    assert client.post(url("applicant_submit", draft)).url.startswith(login)


def test_a_candidate_without_a_profile_is_told_what_to_do(client, candidate_user):
    client.force_login(candidate_user)

    response = client.get(reverse("candidates:applicant_nominations"))

    assert response.status_code == 200
    assert "Анкета кандидата для вашей учётной записи не создана" in response.content.decode()
    assert response.context["form"] is None


def test_the_candidate_opens_a_new_nomination_for_another_position(applicant, draft):
    position = PositionKind.objects.get(code="deputy-general")

    response = applicant.post(
        reverse("candidates:applicant_nominations"),
        {"position_kind": position.pk, "municipality": draft.municipality_id},
    )

    created = Nomination.objects.get(candidate=draft.candidate, position_kind=position)
    assert response.status_code == 302
    assert response.url == url("applicant_nomination", created)


def test_a_second_open_nomination_for_one_position_is_refused(applicant, draft):
    response = applicant.post(
        reverse("candidates:applicant_nominations"),
        {"position_kind": draft.position_kind_id, "municipality": draft.municipality_id},
    )

    assert response.status_code == 200
    assert "уже есть незавершённая заявка" in response.content.decode()
    assert Nomination.objects.filter(candidate=draft.candidate).count() == 1
