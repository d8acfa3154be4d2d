"""The audit log in the admin: readable old → new values, filters and search."""

import pytest

from audit.admin import change_rows, object_type_label
from audit.models import AuditEvent, AuditSource, audit_action_label
from audit.services import audit_record


@pytest.fixture
def events(admin_user, ministry_user, organization, expert_user):
    audit_record(
        actor=ministry_user,
        action="organization.update",
        obj=organization,
        changes={"phone": ["", "+7 (3532) 11-22-33"], "is_active": [True, False]},
        source=AuditSource.ADMIN,
    )
    audit_record(
        actor=admin_user,
        action="user.set_role",
        obj=expert_user,
        changes={"role": ["expert", "ministry"]},
        source=AuditSource.WEB,
    )
    return AuditEvent.objects.order_by("pk")


def test_it_shows_changes_as_old_and_new_values(events):
    organization_event, user_event = events

    assert change_rows(organization_event) == [
        ("телефон", "—", "+7 (3532) 11-22-33"),
        ("действует", "да", "нет"),
    ]
    assert change_rows(user_event) == [
        ("роль", "Эксперт / член комиссии", "Специалист министерства")
    ]


def test_it_names_actions_and_objects_in_russian():
    assert audit_action_label("organization.update") == "изменение"
    assert audit_action_label("user.set_role") == "смена роли"
    assert audit_action_label("something.unusual") == "something.unusual"
    assert object_type_label("registry.organization") == "образовательная организация"
    assert object_type_label("gone.model") == "gone.model"


def test_it_renders_the_event_page(client, ministry_user, events):
    client.force_login(ministry_user)

    html = client.get(f"/admin/audit/auditevent/{events[0].pk}/change/").content.decode()

    assert "было" in html
    assert "+7 (3532) 11-22-33" in html
    assert "образовательная организация" in html


def test_it_filters_by_source_and_object_type(client, ministry_user, events):
    client.force_login(ministry_user)

    by_source = client.get("/admin/audit/auditevent/", {"source__exact": "web"})
    by_type = client.get("/admin/audit/auditevent/", {"object_type": "registry.organization"})
    by_verb = client.get("/admin/audit/auditevent/", {"verb": "set_role"})

    assert [event.action for event in by_source.context["cl"].queryset] == ["user.set_role"]
    assert [event.action for event in by_type.context["cl"].queryset] == ["organization.update"]
    assert [event.action for event in by_verb.context["cl"].queryset] == ["user.set_role"]


def test_it_offers_filters_in_russian(client, ministry_user, events):
    client.force_login(ministry_user)

    html = client.get("/admin/audit/auditevent/").content.decode()

    assert "?object_type=registry.organization" in html
    assert "образовательная организация</a>" in html
    assert "смена роли</a>" in html
    assert "система" not in html


def test_it_searches_by_object_and_actor(client, ministry_user, organization, events):
    client.force_login(ministry_user)

    by_object = client.get("/admin/audit/auditevent/", {"q": str(organization)})
    by_actor = client.get("/admin/audit/auditevent/", {"q": ministry_user.username})

    assert [event.action for event in by_object.context["cl"].queryset] == ["organization.update"]
    assert [event.action for event in by_actor.context["cl"].queryset] == ["organization.update"]
