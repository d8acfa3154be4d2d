"""Filling the application: анкета and records while editable; refused once submitted."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from candidates.models import (
    Education,
    NominationStatus,
    ProfessionalDevelopment,
    StatusChange,
    WorkRecord,
)
from candidates.services.nominations import nomination_transition
from candidates.services.records import education_record_add
from registry.fields import organization_label
from tests.candidates.applicant_fixtures import *  # noqa: F403 — the fixtures
from tests.candidates.applicant_fixtures import url

pytestmark = pytest.mark.django_db

EDUCATION = {
    "level": "higher",
    "field": "management",
    "speciality": "Менеджмент организации",
    "institution": "Оренбургский государственный университет",
    "graduation_year": "2012",
}
WORK = {
    "organization_name": "МОАУ «Лицей № 2»",
    "post": "Заместитель директора по УВР",
    "kind": "management",
    "started_on": "01.09.2015",
    "ended_on": "",
}


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _profile(draft, organization, **overrides) -> dict:
    candidate = draft.candidate
    data = {
        "last_name": candidate.last_name,
        "first_name": candidate.first_name,
        "middle_name": candidate.middle_name,
        "birth_date": "03.02.1984",
        "phone": "+7 (3532) 77-88-99",
        "municipality": candidate.municipality_id,
        "organization": organization_label(organization),
        "position": "Учитель физики",
    }
    return data | overrides


def test_it_saves_the_profile_with_an_organization_of_the_municipality(
    applicant, draft, organization
):
    response = applicant.post(url("applicant_profile", draft), _profile(draft, organization))

    candidate = draft.candidate
    candidate.refresh_from_db()
    assert response.status_code == 302
    assert candidate.birth_date == datetime.date(1984, 2, 3)
    assert (candidate.organization, candidate.position) == (organization, "Учитель физики")
    assert AuditEvent.objects.filter(action="candidate.update", actor=candidate.user).exists()


def test_it_refuses_an_organization_of_another_municipality(applicant, draft, other_organization):
    response = applicant.post(url("applicant_profile", draft), _profile(draft, other_organization))

    draft.candidate.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["organization"] == [
        f"Организация с ИНН {other_organization.inn} — из другого муниципального образования "
        "(или закрыта): выберите организацию того, что указано выше."
    ]
    assert draft.candidate.organization is None


def test_it_refuses_an_implausible_birth_date(applicant, draft, organization):
    response = applicant.post(
        url("applicant_profile", draft), _profile(draft, organization, birth_date="03.02.2015")
    )

    assert response.status_code == 200
    assert "Проверьте дату рождения" in response.content.decode()


def test_it_adds_changes_and_removes_an_education_record(applicant, draft):
    candidate = draft.candidate

    added = applicant.post(url("applicant_education", draft), EDUCATION)
    record = candidate.education_records.get(speciality="Менеджмент организации")
    edited = applicant.post(
        url("applicant_record_edit", draft, "education", record.pk),
        EDUCATION | {"graduation_year": "2013"},
    )
    record.refresh_from_db()
    removed = applicant.post(url("applicant_record_delete", draft, "education", record.pk))

    assert (added.status_code, edited.status_code, removed.status_code) == (302, 302, 302)
    assert record.graduation_year == 2013
    assert not Education.objects.filter(pk=record.pk).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"education.add", "education.update", "education.remove"} <= actions


def test_it_refuses_a_graduation_year_in_the_future(applicant, draft):
    year = datetime.date.today().year + 1

    response = applicant.post(
        url("applicant_education", draft), EDUCATION | {"graduation_year": str(year)}
    )

    assert response.status_code == 200
    assert "Укажите год от 1950" in response.content.decode()
    assert draft.candidate.education_records.count() == 1


def test_it_adds_a_dpo_record_of_at_least_sixteen_hours(applicant, draft):
    data = {"programme": "Менеджмент в образовании", "field": "management", "year": "2020"}

    short = applicant.post(url("applicant_dpo", draft), data | {"hours": "8"})
    enough = applicant.post(url("applicant_dpo", draft), data | {"hours": "520"})

    assert short.status_code == 200
    assert "не менее 16" in short.content.decode()
    assert enough.status_code == 302
    assert ProfessionalDevelopment.objects.get(candidate=draft.candidate).hours == 520


def test_a_current_job_has_no_end_date(applicant, draft):
    response = applicant.post(url("applicant_work", draft), WORK | {"is_current": "on"})

    record = draft.candidate.work_records.get(post=WORK["post"])
    assert response.status_code == 302
    assert record.ended_on is None
    page = applicant.get(url("applicant_work", draft)).content.decode()
    assert "01.09.2015 — по настоящее время" in page


def test_a_past_job_needs_an_end_date_after_the_start(applicant, draft):
    missing = applicant.post(url("applicant_work", draft), WORK)
    reversed_dates = applicant.post(url("applicant_work", draft), WORK | {"ended_on": "01.09.2014"})

    assert "Укажите дату окончания" in missing.content.decode()
    assert "раньше даты начала" in reversed_dates.content.decode()
    assert not draft.candidate.work_records.filter(post=WORK["post"]).exists()


def test_editing_a_current_job_shows_the_box_ticked(applicant, draft):
    record = draft.candidate.work_records.get()

    response = applicant.get(url("applicant_record_edit", draft, "work", record.pk))

    assert response.status_code == 200
    assert response.context["form"]["is_current"].value() is True


def test_removing_a_record_twice_says_it_is_gone(applicant, draft):
    record = draft.candidate.education_records.get()
    delete = url("applicant_record_delete", draft, "education", record.pk)

    applicant.post(delete)
    response = applicant.post(delete)

    assert response.status_code == 302
    assert "Эта запись уже удалена." in _messages(response)
    assert AuditEvent.objects.filter(action="education.remove").count() == 1


@pytest.mark.parametrize("status", [NominationStatus.SUBMITTED, NominationStatus.ADMITTED])
def test_nothing_changes_after_submission(applicant, draft, organization, status):
    draft.status = status
    draft.save(update_fields=["status"])
    candidate = draft.candidate
    education = candidate.education_records.get()
    work = candidate.work_records.get()
    document = draft.documents.first()
    events = AuditEvent.objects.count()

    responses = [
        applicant.post(url("applicant_profile", draft), _profile(draft, organization)),
        applicant.post(url("applicant_education", draft), EDUCATION),
        applicant.post(
            url("applicant_record_edit", draft, "education", education.pk),
            EDUCATION | {"graduation_year": "2001"},
        ),
        applicant.post(url("applicant_record_delete", draft, "work", work.pk)),
        applicant.post(url("applicant_document_delete", draft, document.pk)),
    ]

    for response in responses:
        assert response.status_code == 302
        assert response.url == url("applicant_nomination", draft)
        assert any("изменить её нельзя" in text for text in _messages(response))
    candidate.refresh_from_db()
    education.refresh_from_db()
    assert candidate.birth_date == datetime.date(1985, 4, 12)
    assert candidate.education_records.count() == 1
    assert education.graduation_year == 2007
    assert WorkRecord.objects.filter(pk=work.pk).exists()
    assert draft.documents.filter(pk=document.pk).exists()
    assert AuditEvent.objects.count() == events


def test_pages_of_a_submitted_application_are_read_only(applicant, draft):
    draft.status = NominationStatus.SUBMITTED
    draft.save(update_fields=["status"])

    for name in ["applicant_profile", "applicant_education", "applicant_documents"]:
        page = applicant.get(url(name, draft)).content.decode()
        assert "только для просмотра" in page
        assert 'type="submit"' not in page.split("<main", 1)[1]


def test_the_service_refuses_a_stale_edit_after_submission(draft):
    nomination_transition(
        nomination=draft, to_status=NominationStatus.SUBMITTED, actor=draft.candidate.user
    )

    with pytest.raises(ValidationError, match="подана"):
        education_record_add(
            nomination=draft,
            actor=draft.candidate.user,
            data=EDUCATION | {"graduation_year": 2012},
        )
    assert draft.candidate.education_records.count() == 1


def test_a_returned_application_is_editable_again(applicant, draft, ministry_user):
    for status in [NominationStatus.SUBMITTED, NominationStatus.RETURNED]:
        nomination_transition(
            nomination=draft,
            to_status=status,
            actor=ministry_user,
            reason="Приложите диплом о переподготовке",
        )

    response = applicant.post(url("applicant_education", draft), EDUCATION)

    assert response.status_code == 302
    assert draft.candidate.education_records.count() == 2
    assert StatusChange.objects.filter(nomination=draft).count() == 3
