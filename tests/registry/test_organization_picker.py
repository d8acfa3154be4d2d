"""The organization picker: a text input resolved by the server, suggestions from a lookup."""

import pytest
from django import forms
from django.urls import reverse

from registry.fields import OrganizationField, organization_label
from registry.models import Organization
from tests.factories import OrganizationFactory

LOOKUP = reverse("registry:organization_lookup")


class PickerForm(forms.Form):
    organization = OrganizationField()

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = queryset


@pytest.fixture
def schools(municipality):
    return {
        number: OrganizationFactory(
            municipality=municipality,
            short_name=f"МОБУ «СОШ № {number}»",
            full_name=f"Муниципальное общеобразовательное бюджетное учреждение «Средняя "
            f"общеобразовательная школа № {number}»",
        )
        for number in (1, 2, 19, 5, 52)
    }


def _resolve(text: str, queryset=None):
    form = PickerForm({"organization": text}, queryset=queryset or Organization.objects.all())
    if form.is_valid():
        return form.cleaned_data["organization"]
    return form.errors["organization"][0]


@pytest.mark.sqlite
def test_it_finds_the_organization_by_inn_label_short_name_or_a_unique_word(schools):
    school = schools[19]

    assert _resolve(school.inn) == school
    assert _resolve(f"  ИНН {school.inn} ") == school
    assert _resolve(organization_label(school)) == school
    assert _resolve("мобу «сош № 19»") == school  # the exact short name, case aside
    assert _resolve("школа № 52»") == schools[52]


@pytest.mark.sqlite
def test_an_ambiguous_text_is_refused_with_the_candidates_in_natural_order(schools):
    message = _resolve("СОШ")

    assert message.startswith("Под «СОШ» подходят несколько организаций (МОБУ «СОШ № 1»")
    assert message.index("№ 2»") < message.index("№ 5»") < message.index("№ 19»")
    assert message.endswith("Уточните наименование или введите ИНН.")


def test_an_unknown_name_and_an_unknown_inn_are_told_apart(schools, other_organization):
    assert _resolve("Гимназия № 7") == (
        "Организация «Гимназия № 7» не найдена. Проверьте наименование или введите ИНН."
    )
    assert _resolve("5600000000") == "Организации с ИНН 5600000000 нет в реестре."
    inside = Organization.objects.filter(pk=schools[1].pk)
    assert _resolve(other_organization.inn, inside).startswith(
        f"Организация с ИНН {other_organization.inn} есть в реестре, но здесь её выбрать нельзя"
    )


def test_an_organization_outside_the_queryset_is_never_chosen_by_name(schools):
    only = Organization.objects.filter(pk=schools[1].pk)

    assert _resolve("СОШ № 19", only).startswith("Организация «СОШ № 19» не найдена")


def test_an_empty_required_input_asks_for_the_organization(schools):
    assert _resolve("  ") == "Укажите организацию: начните вводить её наименование или ИНН."


def test_the_input_shows_the_chosen_organization_and_points_to_the_lookup(schools):
    school = schools[5]
    form = PickerForm(initial={"organization": school}, queryset=Organization.objects.all())

    html = str(form["organization"])

    assert f'value="{organization_label(school)}"' in html
    assert f'data-organization-lookup="{LOOKUP}"' in html


@pytest.mark.sqlite
def test_the_lookup_suggests_by_words_or_inn_in_natural_order(client, ministry_user, schools):
    client.force_login(ministry_user)

    by_words = client.get(LOOKUP, {"q": "сош №"}).json()["results"]
    by_inn = client.get(LOOKUP, {"q": schools[52].inn[:9]}).json()["results"]

    assert [row["label"].split(" — ")[0] for row in by_words] == [
        f"МОБУ «СОШ № {number}»" for number in (1, 2, 5, 19, 52)
    ]
    assert by_inn[0]["label"] == organization_label(schools[52])
    assert by_words[0]["municipality"] == "город Оренбург"
    assert client.get(LOOKUP, {"q": "с"}).json() == {"results": []}


def test_the_lookup_keeps_a_coordinator_in_their_municipality(
    client, outsider_municipal_user, schools, other_organization
):
    client.force_login(outsider_municipal_user)

    rows = client.get(LOOKUP, {"q": "мобу"}).json()["results"]

    assert [row["label"] for row in rows] == [organization_label(other_organization)]


def test_the_lookup_offers_an_applicant_the_active_organizations_of_a_municipality(
    client, candidate_user, schools, other_organization
):
    Organization.objects.filter(pk=schools[1].pk).update(is_active=False)
    client.force_login(candidate_user)

    rows = client.get(LOOKUP, {"q": "мобу", "municipality": schools[2].municipality_id}).json()[
        "results"
    ]

    assert len(rows) == 4
    assert organization_label(other_organization) not in [row["label"] for row in rows]


@pytest.mark.parametrize("persona", ["expert_user", "mentor_user"])
def test_the_lookup_is_not_found_for_roles_that_name_no_organization(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(LOOKUP, {"q": "мобу"}).status_code == 404


def test_the_lookup_sends_anonymous_visitors_to_login(client):
    assert client.get(LOOKUP, {"q": "мобу"}).status_code == 302


def test_digits_of_a_name_found_inside_an_inn_never_choose_that_organization(schools):
    first = schools[1]
    Organization.objects.filter(pk=first.pk).update(inn="5610019000")  # «19» inside its INN
    only = Organization.objects.filter(pk=first.pk)

    assert _resolve("СОШ № 19", only).startswith("Организация «СОШ № 19» не найдена")
