"""The catalogue and the programme in the back office: edited through the services, audited."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from development.models import Activity, ProgrammeModule
from tests.development.plans_factories import competency, make_plan
from tests.factories import OrganizationFactory


def _activity_data(**overrides) -> dict:
    data = {
        "kind": "internship",
        "title": "Стажировка в гимназии № 2",
        "description": "Управление качеством",
        "provider": "Региональный институт развития образования",
        "is_active": "on",
        "tutor_name": "Сидорова Мария Ивановна",
        "hours": "36",
        "format": "in_person",
        "starts_on": "12.04.2027",
        "ends_on": "16.04.2027",
        "places": "5",
        "competencies": [str(competency("K02").pk)],
        "min_level": "1",
        "max_level": "3",
    }
    data.update(overrides)
    return data


def test_the_ministry_adds_an_internship_in_the_admin(client, ministry_user):
    host = OrganizationFactory()
    client.force_login(ministry_user)

    response = client.post(
        reverse("admin:development_activity_add"),
        _activity_data(host_organization=str(host.pk)),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    activity = Activity.objects.get(title="Стажировка в гимназии № 2")
    assert activity.host_organization == host
    assert list(activity.competencies.values_list("code", flat=True)) == ["K02"]
    assert AuditEvent.objects.filter(
        action="activity.create", object_id=str(activity.pk), source="admin"
    ).exists()


def test_an_internship_needs_a_host_and_an_activity_a_competency(client, ministry_user):
    client.force_login(ministry_user)

    response = client.post(
        reverse("admin:development_activity_add"), _activity_data(competencies=[])
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "host_organization" in errors and "competencies" in errors


def test_an_activity_in_plans_is_not_deleted(client, ministry_user):
    activity = Activity.objects.filter(kind="dpo_course").first()
    make_plan(items=0).items.create(title="x", activity=activity, due_date="2027-05-01")
    client.force_login(ministry_user)

    client.post(reverse("admin:development_activity_delete", args=[activity.pk]), {"post": "yes"})

    assert Activity.objects.filter(pk=activity.pk).exists()


def test_a_changed_module_hours_are_audited(client, ministry_user):
    module = ProgrammeModule.objects.order_by("pk").first()
    client.force_login(ministry_user)
    url = reverse("admin:development_programmemodule_change", args=[module.pk])
    data = {
        "year": module.year,
        "sort_order": module.sort_order,
        "title": module.title,
        "description": module.description,
        "hours": module.hours + 4,
        "formats": module.formats,
        "competencies": [str(pk) for pk in module.competencies.values_list("pk", flat=True)],
        "expected_result": module.expected_result,
    }

    assert client.post(url, data).status_code == 302

    event = AuditEvent.objects.get(action="programme_module.update", object_id=str(module.pk))
    assert event.changes["hours"] == [module.hours, module.hours + 4]


def test_plans_are_read_only_in_the_admin(client, ministry_user):
    plan = make_plan()
    client.force_login(ministry_user)

    assert client.get(reverse("admin:development_developmentplan_changelist")).status_code == 200
    page = client.get(reverse("admin:development_developmentplan_change", args=[plan.pk]))
    assert page.status_code == 200
    assert client.get(reverse("admin:development_developmentplan_add")).status_code == 403


@pytest.mark.parametrize("persona", ["municipal_user", "candidate_user", "mentor_user"])
def test_other_roles_have_no_catalogue_admin(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("admin:development_activity_changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response.url
