"""The users admin: created and changed through the services, viewing a user is logged."""

from accounts.models import Role, User
from audit.models import AuditEvent, AuditSource, PersonalDataAccess

NEW_PASSWORD = "parol-novogo-polzovatelya-1"


def _add_form(**overrides):
    data = {
        "username": "novyj-koordinator",
        "usable_password": "true",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "last_name": "Ершова",
        "first_name": "Вера",
        "middle_name": "Павловна",
        "email": "ershova@example.org",
        "phone": "",
        "role": Role.MUNICIPAL,
        "municipality": "",
    }
    return {**data, **overrides}


def _change_form(user, **overrides):
    data = {
        "last_name": user.last_name,
        "first_name": user.first_name,
        "middle_name": user.middle_name,
        "email": user.email,
        "phone": user.phone,
        "role": user.role,
        "municipality": user.municipality_id or "",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_it_creates_a_user_through_the_service(client, admin_user, municipality):
    client.force_login(admin_user)

    response = client.post("/admin/accounts/user/add/", _add_form(municipality=municipality.pk))

    assert response.status_code == 302
    user = User.objects.get(username="novyj-koordinator")
    assert user.municipality == municipality
    assert user.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(action="user.create")
    assert event.actor == admin_user
    assert event.source == AuditSource.ADMIN
    assert event.object_id == str(user.pk)


def test_it_refuses_a_coordinator_without_a_municipality(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/admin/accounts/user/add/", _add_form())

    assert response.status_code == 200
    assert (
        "Муниципальному координатору нужно указать муниципальное образование."
        in response.content.decode()
    )
    assert not User.objects.filter(username="novyj-koordinator").exists()


def test_it_changes_details_and_role_with_audit(client, admin_user, expert_user, municipality):
    client.force_login(admin_user)

    response = client.post(
        f"/admin/accounts/user/{expert_user.pk}/change/",
        _change_form(
            expert_user,
            phone="+7 (3532) 99-88-77",
            role=Role.MUNICIPAL,
            municipality=municipality.pk,
        ),
    )

    assert response.status_code == 302
    expert_user.refresh_from_db()
    assert expert_user.role == Role.MUNICIPAL
    assert expert_user.municipality == municipality
    assert AuditEvent.objects.get(action="user.update").changes == {
        "phone": ["", "+7 (3532) 99-88-77"]
    }
    assert AuditEvent.objects.get(action="user.set_role").changes == {
        "role": ["expert", "municipal"],
        "municipality": [None, "город Оренбург"],
    }


def test_it_sets_a_password_through_the_service(client, admin_user, expert_user):
    client.force_login(admin_user)

    response = client.post(
        f"/admin/accounts/user/{expert_user.pk}/password/",
        {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    expert_user.refresh_from_db()
    assert expert_user.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(action="user.set_password")
    assert event.actor == admin_user
    assert event.source == AuditSource.ADMIN


def test_it_logs_opening_a_users_page(client, admin_user, candidate_user):
    client.force_login(admin_user)

    response = client.get(
        f"/admin/accounts/user/{candidate_user.pk}/change/", REMOTE_ADDR="10.2.3.4"
    )

    assert response.status_code == 200
    access = PersonalDataAccess.objects.get()
    assert access.actor == admin_user
    assert access.subject_id == str(candidate_user.pk)
    assert access.ip_address == "10.2.3.4"


def test_it_lets_the_ministry_look_but_not_change(client, ministry_user, candidate_user):
    client.force_login(ministry_user)

    listing = client.get("/admin/accounts/user/")
    page = client.get(f"/admin/accounts/user/{candidate_user.pk}/change/")
    post = client.post(
        f"/admin/accounts/user/{candidate_user.pk}/change/",
        _change_form(candidate_user, phone="+7 000"),
    )

    assert listing.status_code == 200
    assert page.status_code == 200
    assert 'name="phone"' not in page.content.decode()
    assert post.status_code == 403
    assert client.get("/admin/accounts/user/add/").status_code == 403
    assert client.get(f"/admin/accounts/user/{candidate_user.pk}/password/").status_code == 403
    candidate_user.refresh_from_db()
    assert candidate_user.phone == ""
    assert PersonalDataAccess.objects.filter(actor=ministry_user).count() == 1


def test_it_filters_and_searches(client, admin_user, municipal_user, expert_user):
    client.force_login(admin_user)

    by_role = client.get("/admin/accounts/user/", {"role__exact": "municipal"})
    by_name = client.get("/admin/accounts/user/", {"q": expert_user.last_name})
    by_municipality = client.get(
        "/admin/accounts/user/", {"municipality__id__exact": municipal_user.municipality_id}
    )

    assert list(by_role.context["cl"].queryset) == [municipal_user]
    assert list(by_name.context["cl"].queryset) == [expert_user]
    assert list(by_municipality.context["cl"].queryset) == [municipal_user]


def test_it_autocompletes_the_municipality(client, admin_user):
    client.force_login(admin_user)

    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "Орск",
            "app_label": "accounts",
            "model_name": "user",
            "field_name": "municipality",
        },
    )

    texts = [item["text"] for item in response.json()["results"]]
    assert "город Орск" in texts
    assert "город Оренбург" not in texts
