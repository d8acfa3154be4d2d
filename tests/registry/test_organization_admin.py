"""Editing organizations and aliases in the admin goes through the audited services."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent, AuditSource
from registry.models import Municipality, Organization
from tests.factories import make_inn

pytestmark = pytest.mark.django_db


def _form(organization: Organization, **changes) -> dict:
    data = {
        "municipality": organization.municipality_id,
        "full_name": organization.full_name,
        "short_name": organization.short_name,
        "kind": organization.kind,
        "founder": organization.founder,
        "is_active": "on" if organization.is_active else "",
        "inn": organization.inn,
        "kpp": organization.kpp,
        "ogrn": organization.ogrn,
        "address": organization.address,
        "phone": organization.phone,
        "email": organization.email,
        "website": organization.website,
        "head_full_name": organization.head_full_name,
        "head_birth_date": "",
        "head_contract_end_date": "",
        "student_count": "",
    }
    data.update(changes)
    return data


def test_it_audits_an_admin_edit_with_old_and_new(client, ministry_user, organization):
    client.force_login(ministry_user)
    url = reverse("admin:registry_organization_change", args=[organization.pk])
    old_phone = organization.phone

    response = client.post(
        url, _form(organization, phone="+7 (3532) 99-99-99", head_birth_date="01.02.1970")
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.get()
    assert (event.action, event.source, event.actor) == (
        "organization.update",
        AuditSource.ADMIN,
        ministry_user,
    )
    assert event.changes == {
        "phone": [old_phone, "+7 (3532) 99-99-99"],
        "head_birth_date": [None, "1970-02-01"],
    }


def test_it_writes_no_event_when_saving_without_changes(client, ministry_user, organization):
    client.force_login(ministry_user)
    stamp = organization.updated_at

    client.post(
        reverse("admin:registry_organization_change", args=[organization.pk]), _form(organization)
    )

    assert AuditEvent.objects.count() == 0
    organization.refresh_from_db()
    assert organization.updated_at == stamp


def test_it_audits_adding_and_deleting(client, admin_user, organization):
    client.force_login(admin_user)
    added = _form(organization, inn=make_inn(4242), full_name="Новая школа")
    client.post(reverse("admin:registry_organization_add"), added)
    created = Organization.objects.get(inn=make_inn(4242))
    client.post(reverse("admin:registry_organization_delete", args=[created.pk]), {"post": "yes"})

    assert list(AuditEvent.objects.order_by("id").values_list("action", "object_id")) == [
        ("organization.create", str(created.pk)),
        ("organization.delete", str(created.pk)),
    ]
    assert not Organization.objects.filter(pk=created.pk).exists()


def test_it_refuses_an_alias_that_names_another_municipality(client, admin_user, municipality):
    client.force_login(admin_user)
    orsk = Municipality.objects.get(name="город Орск")

    response = client.post(
        reverse("admin:registry_municipalityalias_add"),
        {"municipality": municipality.pk, "name": "г. Орск"},
    )

    assert "Так называется другое МО: «город Орск»." in response.content.decode()
    assert not orsk.aliases.exists() and not municipality.aliases.filter(name="г. Орск").exists()
