"""The administrator's home page: what the portal holds, the latest changes, the way to work."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditSource
from audit.services import audit_record
from tests.factories import OrganizationFactory


def test_it_counts_organizations_municipalities_and_users(
    client, admin_user, municipal_user, expert_user, organization, other_organization
):
    other_organization.is_active = False
    other_organization.save(update_fields=["is_active"])
    client.force_login(admin_user)

    portal = client.get("/accounts/home/admin/").context["portal"]

    assert portal.organizations_total == 2
    assert portal.organizations_active == 1
    assert portal.municipalities_total == 42
    assert portal.users_total == 3
    by_role = {row.label: row.count for row in portal.users_by_role}
    assert by_role["Администратор"] == 1
    assert by_role["Муниципальный координатор"] == 1
    assert by_role["Эксперт / член комиссии"] == 1
    assert by_role["Наставник"] == 0


def test_it_lists_recent_audit_events_in_russian(client, admin_user, ministry_user, organization):
    audit_record(
        actor=ministry_user,
        action="organization.update",
        obj=organization,
        changes={"phone": ["", "+7 (3532) 11-22-33"]},
        source=AuditSource.ADMIN,
    )
    client.force_login(admin_user)

    html = client.get("/accounts/home/admin/").content.decode()

    assert "Последние изменения" in html
    assert "изменение" in html
    assert str(organization) in html
    assert ministry_user.get_full_name() in html


def test_it_links_to_the_back_office(client, admin_user):
    client.force_login(admin_user)

    html = client.get("/accounts/home/admin/").content.decode()

    assert 'href="/admin/registry/organization/"' in html
    assert 'href="/admin/accounts/user/"' in html
    assert 'href="/admin/accounts/user/add/"' in html
    assert 'href="/admin/audit/auditevent/"' in html
    assert 'href="/admin/audit/personaldataaccess/"' in html


def test_it_keeps_the_query_count_flat(client, admin_user, municipality):
    client.force_login(admin_user)
    with CaptureQueriesContext(connection) as small:
        client.get("/accounts/home/admin/")
    for organization in OrganizationFactory.create_batch(12, municipality=municipality):
        audit_record(
            actor=admin_user,
            action="organization.create",
            obj=organization,
            source=AuditSource.WEB,
        )

    with CaptureQueriesContext(connection) as large:
        client.get("/accounts/home/admin/")

    assert len(large.captured_queries) == len(small.captured_queries)
