from audit.models import AuditEvent, AuditSource, PersonalDataAccess
from audit.services import Change, audit_record, audit_record_bulk, personal_data_access_log


def test_audit_record_keeps_old_and_new_values(ministry_user, organization):
    audit_record(
        actor=ministry_user,
        action="organization.update",
        obj=organization,
        changes={"phone": ("", "+7 (3532) 11-22-33")},
        source=AuditSource.ADMIN,
    )

    event = AuditEvent.objects.get()
    assert event.actor == ministry_user
    assert event.object_id == str(organization.pk)
    assert event.changes == {"phone": ["", "+7 (3532) 11-22-33"]}


def test_bulk_writes_one_event_per_change(admin_user, organization, other_organization):
    written = audit_record_bulk(
        actor=admin_user,
        changes=[
            Change("organization.create", organization),
            Change("organization.create", other_organization),
        ],
        source=AuditSource.IMPORT,
    )

    assert written == 2
    assert AuditEvent.objects.filter(source=AuditSource.IMPORT).count() == 2


def test_personal_data_access_is_logged(ministry_user, candidate_user):
    personal_data_access_log(actor=ministry_user, subject=candidate_user, purpose="профиль")

    access = PersonalDataAccess.objects.get()
    assert access.actor == ministry_user
    assert access.subject_id == str(candidate_user.pk)


def test_bulk_rows_read_back_like_single_events(admin_user, organization):
    from django.db import connection

    audit_record_bulk(
        actor=admin_user,
        changes=[
            Change("organization.update", organization, {"phone": ("", "+7 (3532) 11-22-33")})
        ],
        source=AuditSource.IMPORT,
    )

    event = AuditEvent.objects.get()
    assert connection.vendor == "postgresql"  # the bulk path under test is PostgreSQL's
    assert (event.actor, event.action, event.source) == (
        admin_user,
        "organization.update",
        "import",
    )
    assert event.object_type == "registry.organization"
    assert event.object_id == str(organization.pk)
    assert event.changes == {"phone": ["", "+7 (3532) 11-22-33"]}
    assert event.created_at is not None
