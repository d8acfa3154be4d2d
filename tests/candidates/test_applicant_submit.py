"""Submitting the application, seeing what is missing, the return reason and the timeline."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail

from candidates.models import NominationStatus, StatusChange
from candidates.services.nominations import nomination_transition
from candidates.views.applicant import missing_items_with_links
from governance.consent import consent_withdraw
from governance.models import ConsentPurpose
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.applicant_fixtures import url
from tests.candidates.factories import make_candidate, make_nomination

pytestmark = pytest.mark.django_db

S = NominationStatus


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def empty_draft(db):
    """A fresh self-registered draft: no records, no documents, no consent."""
    return make_nomination(candidate=make_candidate(complete=False, consent=False), documents=False)


def test_the_overview_links_every_missing_item_to_its_section(client, empty_draft):
    client.force_login(empty_draft.candidate.user)

    response = client.get(url("applicant_nomination", empty_draft))

    items = response.context["missing_items"]
    overview = url("applicant_nomination", empty_draft)
    # Five profile items and the seven required documents (the Regulation's list).
    assert len(items) == 12
    assert all(item["url"] != overview for item in items)
    page = response.content.decode()
    for item in items:
        assert f'<a href="{item["url"]}">{item["text"]}</a>' in page


def test_every_missing_item_wording_has_a_section():
    items = missing_items_with_links(
        type("N", (), {"pk": 1})(),
        ["согласие на обработку персональных данных", "документ «Анкета»", "нечто новое"],
    )

    assert [item["url"].rstrip("/").rsplit("/", 1)[-1] for item in items] == [
        "consent",
        "documents",
        "1",
    ]


def test_submitting_an_incomplete_application_lists_what_is_missing(client, empty_draft):
    client.force_login(empty_draft.candidate.user)

    response = client.post(url("applicant_submit", empty_draft))

    empty_draft.refresh_from_db()
    [message] = _messages(response)
    assert response.status_code == 302
    assert empty_draft.status == S.DRAFT
    assert message.startswith("Заявку нельзя подать, пока не заполнено: согласие на обработку")
    assert "дата рождения; контактный телефон; сведения об образовании" in message
    assert "документ «Рекомендация (представление)»" in message
    assert not StatusChange.objects.filter(nomination=empty_draft, to_status=S.SUBMITTED)


def test_submitting_a_complete_application_records_it_and_tells_the_candidate(
    applicant, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant.post(url("applicant_submit", draft))

    draft.refresh_from_db()
    change = StatusChange.objects.filter(nomination=draft).last()
    assert response.status_code == 302
    assert draft.status == S.SUBMITTED
    assert draft.submitted_at is not None
    assert (change.from_status, change.to_status, change.actor) == (
        S.DRAFT,
        S.SUBMITTED,
        draft.candidate.user,
    )
    [email] = mail.outbox
    assert email.to == [draft.candidate.email]
    assert "подана" in email.subject
    page = applicant.get(url("applicant_nomination", draft)).content.decode()
    assert "Заявка подана." in page
    assert "подана</span>" in page
    assert "только для просмотра" in page
    assert "Подать заявку" not in page


def test_a_second_submit_changes_nothing_twice(applicant, draft):
    applicant.post(url("applicant_submit", draft))

    response = applicant.post(url("applicant_submit", draft))

    assert "подать её снова нельзя" in " ".join(_messages(response))
    assert StatusChange.objects.filter(nomination=draft, to_status=S.SUBMITTED).count() == 1


def test_the_workflow_refusal_is_shown_when_consent_is_gone_mid_way(applicant, draft):
    # The page was loaded with consent; consent is withdrawn in another tab; then submit.
    consent_withdraw(user=draft.candidate.user, purpose=ConsentPurpose.PERSONAL_DATA)

    response = applicant.post(url("applicant_submit", draft))

    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert "согласие на обработку персональных данных" in " ".join(_messages(response))


def test_the_return_reason_is_shown_and_the_candidate_resubmits(
    applicant, draft, ministry_user, django_capture_on_commit_callbacks
):
    applicant.post(url("applicant_submit", draft))
    nomination_transition(
        nomination=draft,
        to_status=S.RETURNED,
        actor=ministry_user,
        reason="Рекомендация не подписана руководителем — загрузите подписанную.",
    )

    page = applicant.get(url("applicant_nomination", draft)).content.decode()
    assert "Заявка возвращена на доработку. Что исправить:" in page
    assert "Рекомендация не подписана руководителем" in page
    assert "Подать заявку повторно" in page
    # The candidate's own history names no staff member.
    assert ministry_user.last_name not in page

    with django_capture_on_commit_callbacks(execute=True):
        applicant.post(url("applicant_submit", draft))

    draft.refresh_from_db()
    assert draft.status == S.SUBMITTED
    assert draft.return_reason == ""
    statuses = list(
        StatusChange.objects.filter(nomination=draft).values_list("from_status", "to_status")
    )
    assert statuses == [
        ("", S.DRAFT),
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.RETURNED),
        (S.RETURNED, S.SUBMITTED),
    ]
    page = applicant.get(url("applicant_nomination", draft)).content.decode()
    assert "Что исправить" not in page
    assert page.count("Рекомендация не подписана руководителем") == 1  # in the timeline only


def test_the_timeline_shows_dates_as_day_month_year_and_time(applicant, draft):
    applicant.post(url("applicant_submit", draft))

    page = applicant.get(url("applicant_nomination", draft)).content.decode()

    times = re.findall(r"<time[^>]*>([^<]+)</time>", page)
    assert len(times) == 2
    assert all(re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", value) for value in times)
    assert "<span>черновик</span>" in page
