"""Two-factor sign-in for admin, ministry, coordinator and expert roles: really enforced here.

Elsewhere force_login'd staff have passed the second factor (tests/two_factor.py); these tests
sign in with force_login(user, second_factor=False) or through the forms.
"""

import re

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from audit.models import AuditEvent
from tests.conftest import PASSWORD
from tests.two_factor import current_code, enrolled_device

STAFF = ["admin_user", "ministry_user", "municipal_user", "expert_user"]
HOMES = {
    "admin_user": "/accounts/home/admin/",
    "ministry_user": "/accounts/home/ministry/",
    "municipal_user": "/accounts/home/municipal/",
    "expert_user": "/accounts/home/expert/",
}


def _sign_in_with_password(client, user):
    return client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})


def _enrol(client) -> list[str]:
    page = client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=page.wsgi_request.user, confirmed=False)
    response = client.post("/accounts/two-factor/setup/", {"code": current_code(device)})
    return re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())


@pytest.mark.parametrize("persona", STAFF)
def test_staff_pages_wait_for_the_second_factor(client, request, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user, second_factor=False)

    page = client.get(HOMES[persona])
    setup = client.get(page.url, follow=True)

    assert page.status_code == 302
    assert page.url == f"/accounts/two-factor/?next={HOMES[persona].replace('/', '%2F')}"
    assert setup.redirect_chain[-1][0].startswith("/accounts/two-factor/setup/")
    assert "<svg" in setup.content.decode()


@pytest.mark.parametrize("persona", ["mentor_user", "candidate_user"])
def test_mentors_and_candidates_sign_in_with_a_password(client, request, persona):
    client.force_login(request.getfixturevalue(persona), second_factor=False)

    assert client.get("/", follow=True).status_code == 200
    assert client.get("/accounts/two-factor/").status_code == 404
    assert client.get("/accounts/two-factor/setup/").status_code == 404


def test_the_admin_site_requires_the_second_factor(client, admin_user):
    client.force_login(admin_user, second_factor=False)

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/two-factor/")


def test_an_unverified_post_does_nothing(client, ministry_user, expert_user):
    client.force_login(ministry_user, second_factor=False)

    response = client.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [expert_user.pk]},
    )

    assert response.status_code == 302
    assert response.url == "/accounts/two-factor/"
    assert not AuditEvent.objects.filter(action="user.two_factor_reset").exists()


def test_enrolment_by_qr_code_issues_single_use_backup_codes(client, expert_user):
    _sign_in_with_password(client, expert_user)
    page = client.get("/accounts/two-factor/setup/")
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=expert_user)
    secret = two_factor.secret_for_typing(device)

    with time_machine.travel(timezone.now(), tick=False) as clock:
        wrong = client.post("/accounts/two-factor/setup/", {"code": "000000"})
        clock.shift(2)  # a wrong code makes the next try wait a second (django-otp throttling)
        right = client.post("/accounts/two-factor/setup/", {"code": current_code(device)})
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", right.content.decode())

    assert 'class="qr-code"' in html and secret in html
    assert "Код не подошёл" in wrong.content.decode()
    assert wrong.status_code == 400
    assert len(codes) == 10 == StaticToken.objects.filter(device__user=expert_user).count()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/accounts/home/expert/").status_code == 200
    assert AuditEvent.objects.filter(action="user.two_factor_enrol", actor=expert_user).exists()


def test_the_next_sign_in_asks_for_a_code_and_refuses_a_replayed_one(client, expert_user):
    device = enrolled_device(expert_user)
    code = current_code(device)
    _sign_in_with_password(client, expert_user)
    assert client.get("/accounts/home/expert/").url.startswith("/accounts/two-factor/")

    accepted = client.post("/accounts/two-factor/?next=/accounts/home/expert/", {"code": code})
    client.logout()
    _sign_in_with_password(client, expert_user)
    replayed = client.post("/accounts/two-factor/", {"code": code})

    assert accepted.status_code == 302
    assert accepted.url == "/accounts/home/expert/"
    assert replayed.status_code == 400
    assert client.get("/accounts/home/expert/").status_code == 302


def test_a_backup_code_works_once(client, expert_user):
    _sign_in_with_password(client, expert_user)
    codes = _enrol(client)
    client.logout()

    _sign_in_with_password(client, expert_user)
    first = client.post("/accounts/two-factor/", {"code": codes[0].upper()})
    client.logout()
    _sign_in_with_password(client, expert_user)
    again = client.post("/accounts/two-factor/", {"code": codes[0]})

    assert first.status_code == 302
    assert again.status_code == 400
    assert StaticToken.objects.filter(device__user=expert_user).count() == 9


def test_an_enrolled_user_cannot_enrol_a_new_app_without_passing_the_old(client, expert_user):
    enrolled_device(expert_user)
    _sign_in_with_password(client, expert_user)

    response = client.get("/accounts/two-factor/setup/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/two-factor/?next=")
    assert TOTPDevice.objects.filter(user=expert_user).count() == 1


def test_an_administrator_resets_the_second_factor(client, admin_user, expert_user):
    enrolled_device(expert_user)
    client.force_login(admin_user)

    client.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [expert_user.pk]},
    )
    client.logout()
    _sign_in_with_password(client, expert_user)

    assert not TOTPDevice.objects.filter(user=expert_user, confirmed=True).exists()
    assert AuditEvent.objects.filter(action="user.two_factor_reset", actor=admin_user).exists()
    assert client.get("/accounts/two-factor/").url.startswith("/accounts/two-factor/setup/")


def test_ministry_staff_do_not_reset_anyones_second_factor(client, ministry_user, expert_user):
    enrolled_device(expert_user)
    client.force_login(ministry_user)

    client.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [expert_user.pk]},
    )

    assert TOTPDevice.objects.filter(user=expert_user, confirmed=True).exists()


def test_renewed_backup_codes_replace_the_old(client, expert_user):
    _sign_in_with_password(client, expert_user)
    old = _enrol(client)

    response = client.post("/accounts/two-factor/backup-codes/")
    new = re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())

    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


def test_nobody_sees_the_secret_keys_in_the_admin(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_the_menu_waits_for_the_second_factor_too(client, ministry_user):
    client.force_login(ministry_user, second_factor=False)

    page = client.get("/accounts/two-factor/", follow=True).content.decode()

    assert "Подключение двухфакторного входа" in page
    assert "Заседания комиссии" not in page  # no menu that leads back here
