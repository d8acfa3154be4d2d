"""Written work: the candidate writes and attaches files, hands it in; experts read it, and only
then rate it, blind to each other."""

import datetime
import json

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assessment.experts.services import expert_rating_save
from assessment.models import InstrumentKind, WorkFile, WorkSubmission
from audit.models import AuditEvent, PersonalDataAccess
from tests.assessment.factories import assign_expert, make_expert
from tests.assessment.participant_helpers import setup_participant
from tests.documents import docx_bytes, pdf_bytes

K = InstrumentKind
CASE_CODES = ("K02", "K04", "K05", "K06", "K08")


@pytest.fixture
def setup(db):
    return setup_participant(K.CASE)


def _url(name, participant, item, *args):
    return reverse(f"assessment:{name}", args=[participant.pk, item.pk, *args])


def _login(client, participant):
    client.force_login(participant.candidate.user)


def test_the_work_is_typed_saved_as_it_goes_and_files_are_attached(client, setup):
    participant, item = setup
    _login(client, participant)

    page = client.get(_url("task", participant, item)).content.decode()
    saved = client.post(
        _url("work_autosave", participant, item),
        json.dumps({"text": "Диагностика, затем план на три месяца."}),
        content_type="application/json",
    )
    client.post(
        _url("work_file_upload", participant, item),
        {"file": SimpleUploadedFile("решение.exe", pdf_bytes())},
    )
    client.post(
        _url("work_file_upload", participant, item),
        {"file": SimpleUploadedFile("проект.docx", docx_bytes())},
    )

    # The case variant of the participant's post (a school director), with its task.
    assert "Ожидает вашей работы" in page and "Директор школы: первые сто дней" in page
    assert saved.status_code == 200 and "saved_at" in saved.json()
    work = WorkSubmission.objects.get()
    assert work.text == "Диагностика, затем план на три месяца."
    assert work.submitted_at is None
    names = {f.original_name: f.file.name.rsplit(".", 1)[-1] for f in work.files.all()}
    assert names == {"решение.exe": "pdf", "проект.docx": "docx"}  # stored as the content is
    download = client.get(_url("work_file_download", participant, item, work.files.first().pk))
    assert download.status_code == 200
    assert (
        download["Content-Disposition"].endswith('.pdf"')
        or ".pdf" in download["Content-Disposition"]
    )


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_stored(client, setup):
    participant, item = setup
    _login(client, participant)

    response = client.post(
        _url("work_file_upload", participant, item),
        {"file": SimpleUploadedFile("решение.pdf", b"<html><script>alert(1)</script></html>")},
        follow=True,
    )

    assert "Принимаются только документы PDF, DOCX (Word) и ODT" in response.content.decode()
    assert not WorkFile.objects.exists()


def test_handing_in_is_confirmed_then_locks_the_work_and_tells_the_experts(
    client, setup, django_capture_on_commit_callbacks
):
    participant, item = setup
    first, second = make_expert(), make_expert()
    assign_expert(participant, K.CASE, first)
    assign_expert(participant, K.CASE, second)
    _login(client, participant)
    text = {"text": "Моё решение кейса.", "action": "submit"}

    asked = client.post(_url("work_save", participant, item), text)
    assert "Сдать работу «" in asked.content.decode()
    assert "После сдачи изменить текст и файлы будет нельзя." in asked.content.decode()
    assert WorkSubmission.objects.get().submitted_at is None  # the draft is kept meanwhile

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("work_save", participant, item), {**text, "confirmed": "yes"})

    work = WorkSubmission.objects.get()
    assert work.submitted_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
    assert AuditEvent.objects.filter(action="assessment.work.submit").count() == 1
    late_edit = client.post(
        _url("work_autosave", participant, item),
        json.dumps({"text": "Переписал"}),
        content_type="application/json",
    )
    assert late_edit.status_code == 409 and "уже сдана" in late_edit.json()["error"]
    page = client.get(_url("task", participant, item)).content.decode()
    assert "Работа сдана" in page and "<textarea" not in page


def test_nothing_to_hand_in_is_refused(client, setup):
    participant, item = setup
    _login(client, participant)

    response = client.post(
        _url("work_save", participant, item), {"text": "  ", "action": "submit"}, follow=True
    )

    assert "Сдавать пока нечего" in response.content.decode()
    assert not WorkSubmission.objects.filter(submitted_at__isnull=False).exists()


def test_after_the_deadline_the_work_is_no_longer_accepted(client, setup):
    participant, item = setup
    _login(client, participant)
    after = timezone.make_aware(
        datetime.datetime.combine(item.deadline + datetime.timedelta(days=1), datetime.time(9))
    )

    with time_machine.travel(after):
        client.force_login(participant.candidate.user)
        refused = client.post(
            _url("work_autosave", participant, item),
            json.dumps({"text": "Поздно"}),
            content_type="application/json",
        )
        page = client.get(_url("task", participant, item)).content.decode()

    assert refused.status_code == 409 and "Срок истёк" in refused.json()["error"]
    assert "Работа не сдана" in page


def test_the_expert_cannot_rate_before_the_work_is_handed_in(client, setup):
    participant, item = setup
    expert = make_expert()
    assignment = assign_expert(participant, K.CASE, expert)
    WorkSubmission.objects.create(
        participant=participant, campaign_instrument=item, text="Секретный набросок"
    )
    client.force_login(expert)

    page = client.get(reverse("assessment:expert_assignment", args=[assignment.pk]))
    home = client.get(reverse("assessment:expert_home")).content.decode()

    assert "Участник ещё не сдал работу" in page.content.decode()
    assert "Секретный набросок" not in page.content.decode()  # drafts stay hidden
    assert not page.context["can_rate"]
    assert "ожидает работы кандидата" in home
    with pytest.raises(Exception, match="Работа ещё не сдана"):
        expert_rating_save(
            assignment=assignment,
            scores={},
            comment="",
            submit=False,
            actor=expert,
        )


def test_the_expert_reads_the_handed_in_work_and_each_download_is_logged(client, setup):
    participant, item = setup
    expert, stranger = make_expert(), make_expert()
    assignment = assign_expert(participant, K.CASE, expert)
    _login(client, participant)
    client.post(
        _url("work_file_upload", participant, item),
        {"file": SimpleUploadedFile("решение.pdf", pdf_bytes())},
    )
    client.post(
        _url("work_save", participant, item),
        {"text": "Текст решения", "action": "submit", "confirmed": "yes"},
    )
    work_file = WorkFile.objects.get()
    client.force_login(expert)

    page = client.get(reverse("assessment:expert_assignment", args=[assignment.pk]))
    file_url = reverse("assessment:expert_work_file", args=[assignment.pk, work_file.pk])
    download = client.get(file_url)

    assert "Текст решения" in page.content.decode() and file_url in page.content.decode()
    assert page.context["can_rate"]
    assert download.status_code == 200
    assert PersonalDataAccess.objects.filter(
        actor=expert, purpose__contains="скачивание работы «решение.pdf»"
    ).exists()
    client.force_login(stranger)
    assert client.get(file_url).status_code == 404


def test_another_candidate_reaches_nothing_of_the_work(client, setup):
    participant, item = setup
    other, _ = setup_participant(K.CASE)
    client.force_login(other.candidate.user)

    assert client.get(_url("task", participant, item)).status_code == 404
    assert (
        client.post(
            _url("work_autosave", participant, item),
            json.dumps({"text": "x"}),
            content_type="application/json",
        ).status_code
        == 404
    )
    assert not WorkSubmission.objects.exists()
