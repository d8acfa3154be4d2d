"""The registry export: scoped like the list, formula-safe, and importable back unchanged."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry.importing.columns import TEMPLATE_HEADERS
from registry.services import registry_import_preview
from tests.factories import OrganizationFactory
from tests.xlsx import is_safe_text, sheet_cells

pytestmark = pytest.mark.django_db

URL = reverse("registry:organization_export")


def _rows(response) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows(values_only=True))


def test_it_exports_only_own_municipality_for_a_coordinator(
    client, municipal_user, organization, other_organization
):
    client.force_login(municipal_user)

    rows = _rows(client.get(URL))

    assert rows[0] == TEMPLATE_HEADERS
    assert [row[4] for row in rows[1:]] == [organization.inn]


def test_it_escapes_formulas_in_the_exported_file(client, ministry_user, municipality):
    OrganizationFactory(municipality=municipality, full_name='=HYPERLINK("http://evil","жми")')
    client.force_login(ministry_user)

    response = client.get(URL)

    assert response["Content-Disposition"].startswith("attachment")
    (row,) = sheet_cells(b"".join(response.streaming_content))[1:]
    assert is_safe_text(row[1], '=HYPERLINK("http://evil","жми")')


def test_it_exports_what_the_list_filters_select(client, ministry_user, municipality):
    lyceum = OrganizationFactory(municipality=municipality, full_name="Лицей № 5")
    OrganizationFactory(municipality=municipality, full_name="Школа № 9")
    client.force_login(ministry_user)

    rows = _rows(client.get(URL, {"q": "лицей"}))

    assert [row[4] for row in rows[1:]] == [lyceum.inn]


def test_it_imports_an_exported_registry_back_unchanged(
    client, ministry_user, municipality, tmp_path
):
    OrganizationFactory(municipality=municipality, phone="+7 (3532) 11-22-33", full_name="=1+1")
    OrganizationFactory(municipality=municipality, student_count=0)
    client.force_login(ministry_user)
    path = tmp_path / "выгрузка.xlsx"
    path.write_bytes(b"".join(client.get(URL).streaming_content))

    report = registry_import_preview(path=path)

    assert report.summary() == "создано 0, обновлено 0, без изменений 2", report.errors


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user"])
def test_it_answers_404_to_people_without_a_territory(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404


def test_it_downloads_the_filtered_changelist_from_the_admin_button(
    client, ministry_user, municipality, other_organization
):
    OrganizationFactory(municipality=municipality)
    client.force_login(ministry_user)

    response = client.get(
        reverse("admin:registry_organization_export"),
        {"municipality__id__exact": other_organization.municipality_id},
    )

    assert [row[4] for row in _rows(response)[1:]] == [other_organization.inn]


def test_it_exports_the_selected_with_the_admin_action(
    client, admin_user, organization, other_organization
):
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:registry_organization_changelist"),
        {"action": "export_selected", "_selected_action": [organization.pk]},
    )

    assert [row[4] for row in _rows(response)[1:]] == [organization.inn]


def test_the_export_is_logged_as_access_to_each_heads_data(client, municipal_user, municipality):
    import datetime

    from audit.models import PersonalDataAccess

    with_head = OrganizationFactory(
        municipality=municipality,
        head_full_name="Сидорова Мария Ивановна",
        head_birth_date=datetime.date(1970, 5, 1),
    )
    OrganizationFactory(municipality=municipality, head_full_name="", head_birth_date=None)
    client.force_login(municipal_user)

    response = client.get(URL, REMOTE_ADDR="10.5.5.5")

    logged = PersonalDataAccess.objects.get()
    assert (logged.actor, logged.subject_id, logged.ip_address) == (
        municipal_user,
        str(with_head.pk),
        "10.5.5.5",
    )
    assert "выгрузка реестра" in logged.purpose
    assert "no-store" in response["Cache-Control"]
