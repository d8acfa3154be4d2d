"""The appointment: attestation first, the right body records the founder's order, all at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from candidates.models import MembershipEvent, MembershipStatus
from onboarding.appointments import services
from onboarding.appointments.services import (
    appointment_make,
    appointment_order_record,
    attestation_record,
)
from onboarding.models import (
    AppointmentStatus,
    Attestation,
    InductionPlan,
    VacancyStatus,
)
from registry.models import Founder, Organization, OrganizationKind
from tests import upload_samples
from tests.development.mentoring_factories import ORSK
from tests.onboarding.factories import accepted, make_org, make_vacancy, order_pdf

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _attested(appointment, actor, **changes):
    values = {
        "kind": "attestation",
        "decision": "passed",
        "held_on": TODAY,
        "commission": "Аттестационная комиссия управления образования",
        "protocol_number": "7",
        "reason": "",
    }
    return attestation_record(appointment=appointment, actor=actor, **(values | changes))


def _order(**changes) -> dict:
    values = {
        "order_number": "112-к",
        "order_date": TODAY.strftime("%d.%m.%Y"),
        "order_issuer": "",
        "starts_on": (TODAY + datetime.timedelta(days=3)).strftime("%d.%m.%Y"),
        "contract_ends_on": "",
        "order_file": order_pdf(),
    }
    return values | changes


def _attach(appointment, actor, **changes):
    values = {
        "order_number": "112-к",
        "order_date": TODAY,
        "order_issuer": "",
        "starts_on": TODAY,
        "order_file": order_pdf(),
        "actor": actor,
    }
    return appointment_order_record(appointment=appointment, **(values | changes))


def _make(appointment, actor, **changes):
    _attach(appointment, actor, **changes)
    return appointment_make(appointment=appointment, actor=actor)


def test_a_coordinator_appoints_to_a_municipal_school_after_the_attestation(client, municipal_user):
    school = make_org(head_full_name="Старова Нина Петровна", head_contract_end_date=TODAY)
    appointment = accepted(make_vacancy(school))
    _attested(appointment, municipal_user)
    client.force_login(municipal_user)
    make_url = reverse("onboarding:appointment_make", args=[appointment.pk])

    client.post(
        reverse("onboarding:appointment_order", args=[appointment.pk]),
        _order(contract_ends_on="31.08.2031"),
    )
    confirm = client.post(make_url).content.decode()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.PREPARING  # nothing written before «Да»
    response = client.post(make_url, {"confirmed": "yes"})

    assert "руководителем организации станет" in confirm and "Старова Нина Петровна" in confirm
    assert "Отменить записанное назначение на портале нельзя." in confirm
    assert response.url == reverse("onboarding:appointment_detail", args=[appointment.pk])
    appointment.refresh_from_db()
    candidate = appointment.membership.candidate
    assert appointment.status == AppointmentStatus.MADE
    assert appointment.order_issuer.startswith("учредитель — город Оренбург")
    assert appointment.membership.status == MembershipStatus.APPOINTED
    assert MembershipEvent.objects.filter(membership=appointment.membership, action="appoint")
    assert appointment.vacancy.status == VacancyStatus.FILLED
    school.refresh_from_db()
    assert (school.head_full_name, school.head_birth_date, school.head_contract_end_date) == (
        candidate.full_name,
        candidate.birth_date,
        datetime.date(2031, 8, 31),
    )
    plan = InductionPlan.objects.get(appointment=appointment)
    assert plan.checkpoints.count() == 4 and plan.checkpoints.first().tasks.exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"appointment.appoint", "membership.appoint", "organization.update"} <= actions
    download = client.get(reverse("onboarding:order_download", args=[appointment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_no_appointment_without_the_order(client, municipal_user):
    appointment = accepted()
    _attested(appointment, municipal_user)
    client.force_login(municipal_user)

    response = client.post(
        reverse("onboarding:appointment_make", args=[appointment.pk]), {"confirmed": "yes"}
    )

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.PREPARING
    with pytest.raises(ValidationError, match="Сначала приложите приказ"):
        appointment_make(appointment=appointment, actor=municipal_user)


def test_a_new_scan_replaces_the_old_one(
    municipal_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    appointment = accepted()
    with django_capture_on_commit_callbacks(execute=True):
        _attach(appointment, municipal_user)
    first = appointment.__class__.objects.get(pk=appointment.pk).order_file.name
    with django_capture_on_commit_callbacks(execute=True):
        _attach(appointment, municipal_user, order_number="113-к")

    appointment.refresh_from_db()
    assert appointment.order_number == "113-к" and appointment.order_file.name != first
    assert [path.name for path in tmp_path.rglob("*.pdf")] == [
        appointment.order_file.name.rsplit("/", 1)[-1]
    ]


def test_no_appointment_without_the_attestation(municipal_user):
    appointment = accepted()

    with pytest.raises(ValidationError, match="Сначала запишите аттестацию"):
        _make(appointment, municipal_user)

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.PREPARING


def test_a_failed_attestation_blocks_the_appointment(municipal_user):
    appointment = accepted()
    _attested(appointment, municipal_user, decision="failed")

    with pytest.raises(ValidationError, match="не соответствует должности"):
        _make(appointment, municipal_user)


def test_the_founder_may_accept_the_reserves_assessment_with_a_reason(municipal_user):
    appointment = accepted()

    with pytest.raises(ValidationError, match="Укажите основание"):
        _attested(appointment, municipal_user, kind="reserve_assessment", commission="")
    _attested(
        appointment,
        municipal_user,
        kind="reserve_assessment",
        commission="",
        reason="Постановление администрации № 45-п: оценка резерва засчитывается",
    )
    _make(appointment, municipal_user)

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.MADE
    assert Attestation.objects.get().kind == "reserve_assessment"


def test_a_deputy_needs_no_attestation_and_leaves_the_head_alone(municipal_user):
    school = make_org(head_full_name="Директор Прежний")
    appointment = accepted(make_vacancy(school, code="deputy-general"))

    with pytest.raises(ValidationError, match="заместителю она не нужна"):
        _attested(appointment, municipal_user)
    _make(appointment, municipal_user)

    school.refresh_from_db()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.MADE
    assert appointment.order_issuer == f"руководитель организации «{school}»"
    assert school.head_full_name == "Директор Прежний"
    assert not InductionPlan.objects.exists()


def test_a_coordinator_cannot_appoint_to_a_regional_organization_and_the_ministry_can(
    client, municipal_user, ministry_user
):
    college = make_org(founder=Founder.REGIONAL, kind=OrganizationKind.VOCATIONAL)
    appointment = accepted(make_vacancy(college, code="director-vocational"))
    attestation_url = reverse("onboarding:attestation", args=[appointment.pk])
    data = {
        "kind": "attestation",
        "decision": "passed",
        "held_on": TODAY.strftime("%d.%m.%Y"),
        "commission": "Аттестационная комиссия министерства",
    }

    client.force_login(municipal_user)
    page = client.get(reverse("onboarding:appointment_detail", args=[appointment.pk]))
    assert page.status_code == 200 and page.context["can_record"] is False
    assert client.post(attestation_url, data).status_code == 404
    make_url = reverse("onboarding:appointment_make", args=[appointment.pk])
    assert client.post(make_url, {"confirmed": "yes"}).status_code == 404

    client.force_login(ministry_user)
    client.post(attestation_url, data)
    client.post(reverse("onboarding:appointment_order", args=[appointment.pk]), _order())
    response = client.post(
        reverse("onboarding:appointment_make", args=[appointment.pk]), {"confirmed": "yes"}
    )

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.MADE
    assert appointment.order_issuer == "министерство образования Оренбургской области"


def test_the_ministry_does_not_record_a_municipal_appointment(client, ministry_user):
    appointment = accepted()
    client.force_login(ministry_user)

    page = client.get(reverse("onboarding:appointment_detail", args=[appointment.pk]))
    order = client.post(reverse("onboarding:appointment_order", args=[appointment.pk]), _order())
    make = client.post(reverse("onboarding:appointment_make", args=[appointment.pk]))

    assert "министерство видит назначение, но не записывает его" in page.content.decode()
    assert (order.status_code, make.status_code) == (404, 404)


def test_a_failure_midway_leaves_everything_as_it_was(
    municipal_user, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    school = make_org(head_full_name="Старова Нина Петровна")
    appointment = accepted(make_vacancy(school))
    _attested(appointment, municipal_user)

    def broken(**kwargs):
        raise RuntimeError("реестр недоступен")

    _attach(appointment, municipal_user)
    events_before = AuditEvent.objects.count()
    # The membership is closed and the vacancy filled before the registry's step fails.
    monkeypatch.setattr(services, "organization_head_appoint", broken)
    with pytest.raises(RuntimeError):
        appointment_make(appointment=appointment, actor=municipal_user)

    appointment.refresh_from_db()
    appointment.membership.refresh_from_db()
    appointment.vacancy.refresh_from_db()
    school.refresh_from_db()
    assert appointment.status == AppointmentStatus.PREPARING and appointment.made_at is None
    assert appointment.membership.status == MembershipStatus.ACTIVE
    assert not MembershipEvent.objects.filter(action="appoint").exists()
    assert appointment.vacancy.status == VacancyStatus.OFFERED
    assert school.head_full_name == "Старова Нина Петровна"
    assert not InductionPlan.objects.exists()
    assert AuditEvent.objects.count() == events_before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"order_number": " "}, "Укажите номер приказа"),
        ({"order_date": TODAY + datetime.timedelta(days=1)}, "Дата приказа ещё не наступила"),
        ({"starts_on": TODAY - datetime.timedelta(days=1)}, "не раньше даты приказа"),
        ({"order_file": None}, "Приложите приказ"),
    ],
)
def test_the_order_is_checked(municipal_user, changes, message):
    appointment = accepted()
    _attested(appointment, municipal_user)

    with pytest.raises(ValidationError, match=message):
        _attach(appointment, municipal_user, **changes)


def test_an_order_that_is_not_a_document_is_refused(municipal_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    appointment = accepted()
    _attested(appointment, municipal_user)

    with pytest.raises(ValidationError, match="PDF, JPEG и PNG"):
        _attach(appointment, municipal_user, order_file=SimpleUploadedFile("x.pdf", b"MZ\x90 exe"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (upload_samples.PDF + b"<html><script>alert(1)</script></html>", "HTML"),
        (upload_samples.pdf_bytes(javascript=True), "JavaScript"),
        (upload_samples.pdf_bytes(attachment=True), "вложенные файлы"),
    ],
)
def test_an_order_scan_with_active_content_is_refused(municipal_user, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    appointment = accepted()
    _attested(appointment, municipal_user)

    with pytest.raises(ValidationError, match=message):
        _attach(appointment, municipal_user, order_file=SimpleUploadedFile("order.pdf", content))


def test_an_order_scan_is_stored_with_the_extension_of_what_it_is(municipal_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    appointment = accepted()
    _attested(appointment, municipal_user)

    recorded = _attach(
        appointment,
        municipal_user,
        order_file=SimpleUploadedFile("приказ.exe", upload_samples.PNG),
    )

    assert recorded.order_file.name.endswith(".png")
    assert recorded.order_file_name == "приказ.png"


def test_cancelling_returns_the_vacancy_to_its_list(client, municipal_user):
    appointment = accepted()
    client.force_login(municipal_user)

    client.post(
        reverse("onboarding:appointment_cancel", args=[appointment.pk]),
        {"cancel-reason": "Кандидат не прошёл медицинский осмотр"},
    )

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert appointment.vacancy.status == VacancyStatus.SHORTLISTED
    assert appointment.membership.status == MembershipStatus.ACTIVE


def test_the_registry_names_the_new_head_in_orsk_too(client, outsider_municipal_user):
    school = make_org(municipality_name=ORSK)
    appointment = accepted(make_vacancy(school), municipality_name=ORSK)
    _attested(appointment, outsider_municipal_user)

    _make(appointment, outsider_municipal_user)

    assert Organization.objects.get(pk=school.pk).head_full_name == str(
        appointment.membership.candidate
    )
