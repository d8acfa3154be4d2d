"""Who may enter the back office, and what each role may do with the record there."""

import pytest

from audit.models import AuditSource
from audit.services import audit_record, personal_data_access_log

FRONT_OFFICE = ["municipal_user", "expert_user", "mentor_user", "candidate_user"]


@pytest.fixture
def event(admin_user, organization):
    return audit_record(
        actor=admin_user,
        action="organization.update",
        obj=organization,
        changes={"phone": ["", "+7 (3532) 11-22-33"]},
        source=AuditSource.ADMIN,
    )


@pytest.fixture
def access_entry(admin_user, candidate_user):
    return personal_data_access_log(actor=admin_user, subject=candidate_user, purpose="профиль")


@pytest.mark.parametrize("persona", FRONT_OFFICE)
def test_it_keeps_front_office_roles_out_of_the_admin(client, request, persona, event):
    client.force_login(request.getfixturevalue(persona))

    response = client.get("/admin/")
    audit = client.get("/admin/audit/auditevent/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert audit.status_code == 302


def test_it_lets_the_ministry_read_the_audit_log(client, ministry_user, event):
    client.force_login(ministry_user)

    listing = client.get("/admin/audit/auditevent/")
    detail = client.get(f"/admin/audit/auditevent/{event.pk}/change/")

    assert listing.status_code == 200
    assert detail.status_code == 200


def test_it_lets_nobody_change_the_audit_log(client, admin_user, ministry_user, event):
    for user in (ministry_user, admin_user):
        client.force_login(user)

        assert client.get("/admin/audit/auditevent/add/").status_code == 403
        assert client.post(f"/admin/audit/auditevent/{event.pk}/change/", {}).status_code == 403
        assert (
            client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code
            == 403
        )

    event.refresh_from_db()


def test_it_shows_the_personal_data_log_only_to_the_admin(
    client, admin_user, ministry_user, access_entry
):
    client.force_login(ministry_user)
    assert client.get("/admin/audit/personaldataaccess/").status_code == 403

    client.force_login(admin_user)
    assert client.get("/admin/audit/personaldataaccess/").status_code == 200
    assert (
        client.get(f"/admin/audit/personaldataaccess/{access_entry.pk}/change/").status_code == 200
    )


def test_it_lists_on_the_ministry_index_what_the_ministry_may_see(client, ministry_user):
    client.force_login(ministry_user)

    html = client.get("/admin/").content.decode()

    assert "/admin/audit/auditevent/" in html
    assert "/admin/accounts/user/" in html
    assert "/admin/audit/personaldataaccess/" not in html


def test_it_brands_the_admin_in_russian(client, admin_user):
    client.force_login(admin_user)

    html = client.get("/admin/").content.decode()

    assert "«Кадровый резерв» — администрирование" in html
    assert "← На портал" in html
    assert 'href="/accounts/password/change/"' in html
