"""The assessment back office: the ministry edits the model, records are read-only, scope holds."""

import pytest
from django.urls import reverse

from assessment.models import Competency, CompetencyLevel, ExpertProfile
from audit.models import AuditEvent
from tests.assessment.factories import make_campaign, make_expert, make_participant


def _post_data(response) -> dict:
    """Return the change form's current values as POST data, inlines included."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value not in (None, False):
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for sub in formset.forms:
            for name in sub.fields:
                value = sub[name].value()
                if value not in (None, False):
                    data[sub.add_prefix(name)] = value
    return data


def test_the_ministry_edits_a_level_descriptor(client, ministry_user):
    competency = Competency.objects.get(code="K01", framework__is_current=True)
    url = reverse("admin:assessment_competency_change", args=[competency.pk])
    client.force_login(ministry_user)
    page = client.get(url)
    assert page.status_code == 200
    data = _post_data(page)
    level_prefix = next(
        inline.formset.prefix
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model is CompetencyLevel
    )
    data[f"{level_prefix}-0-descriptor"] = "Новый текст первого уровня."

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert competency.levels.get(level=1).descriptor == "Новый текст первого уровня."


def test_the_instrument_page_shows_its_content(client, ministry_user):
    client.force_login(ministry_user)
    instrument = make_campaign(kinds=["case"], weights={"case": 100}).instruments.get().instrument

    response = client.get(reverse("admin:assessment_instrument_change", args=[instrument.pk]))

    models = {inline.formset.model.__name__ for inline in response.context["inline_admin_formsets"]}
    assert models == {"Indicator", "TaskVariant", "RubricCriterion", "Question"}


def test_campaigns_are_read_only_in_the_admin(client, ministry_user):
    campaign = make_campaign()
    client.force_login(ministry_user)

    assert (
        client.get(reverse("admin:assessment_campaign_change", args=[campaign.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:assessment_campaign_add")).status_code == 403


def test_an_expert_profile_saved_in_the_admin_goes_through_the_service(
    client, ministry_user, organization
):
    expert = make_expert()
    client.force_login(ministry_user)

    response = client.post(
        reverse("admin:assessment_expertprofile_add"),
        {"user": expert.pk, "organization": organization.pk, "position": "Методист"},
    )

    assert response.status_code == 302
    assert ExpertProfile.objects.get(user=expert).organization == organization
    assert AuditEvent.objects.filter(action="assessment.expert_profile.create").exists()


@pytest.mark.parametrize("persona", ["municipal_user", "expert_user", "candidate_user"])
def test_other_roles_have_no_assessment_admin(client, persona, request):
    make_participant(campaign=make_campaign())
    client.force_login(request.getfixturevalue(persona))

    for name in ("competency", "campaign", "result", "participant"):
        response = client.get(reverse(f"admin:assessment_{name}_changelist"))
        assert response.status_code in (302, 403)
