"""The founder (учредитель): the import's column wins, else the name tells; export, admin, page."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry.founders import founder_from_name, founder_from_text
from registry.importing.columns import TEMPLATE_HEADERS
from registry.models import Founder, Organization
from registry.services import organization_save, registry_import_apply
from tests.factories import OrganizationFactory
from tests.registry.registry_files import organization_row, write_registry

pytestmark = pytest.mark.django_db

HEADERS_WITHOUT_FOUNDER = tuple(header for header in TEMPLATE_HEADERS if header != "Учредитель")


@pytest.mark.parametrize(
    ("full_name", "short_name", "founder"),
    [
        ("Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»", "", "municipal"),
        ("Государственное автономное профессиональное образовательное учреждение", "", "regional"),
        ("Федеральное государственное бюджетное образовательное учреждение", "", "federal"),
        ("Частное общеобразовательное учреждение «Школа Мир»", "", "private"),
        ("Школа № 3", "МАДОУ «Детский сад № 3»", "municipal"),
        ("Колледж", "ГБПОУ «Колледж»", "regional"),
        ("Лицей", "ГКОУ «Лицей-интернат»", "regional"),
        ("Университет", "ФГБОУ ВО «ОГУ»", "federal"),
        ("Школа", "АНО «Школа»", "private"),
        ("Школа № 5", "Школа № 5", ""),
        ("Средняя школа", "СОШ № 5", ""),
    ],
)
def test_it_tells_the_founder_from_the_name(full_name, short_name, founder):
    assert founder_from_name(full_name, short_name) == founder


@pytest.mark.parametrize(
    ("text", "founder"),
    [
        ("муниципальная", "municipal"),
        ("Муниципальное образование «город Орск»", "municipal"),
        ("Администрация Тоцкого района", "municipal"),
        ("региональная", "regional"),
        ("Оренбургская область", "regional"),
        ("Министерство образования Оренбургской области", "regional"),
        ("федеральная", "federal"),
        ("Частная", "private"),
        ("кто-то", None),
    ],
)
def test_it_reads_the_founder_from_a_cell(text, founder):
    assert founder_from_text(text) == founder


def test_an_explicit_column_wins_over_the_name(tmp_path, ministry_user):
    rows = [organization_row(1, Учредитель="региональная")]  # the name says «МОБУ»
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    report = registry_import_apply(path=path, actor=ministry_user)

    assert report.applied, report.errors
    assert Organization.objects.get().founder == Founder.REGIONAL


def test_without_the_column_the_name_fills_the_founder(tmp_path, ministry_user):
    rows = [
        organization_row(1),
        organization_row(
            2,
            **{
                "Полное наименование": "Государственное автономное профессиональное "
                "образовательное учреждение «Бузулукский колледж»",
                "Краткое наименование": "ГАПОУ «Бузулукский колледж»",
            },
        ),
        organization_row(3, **{"Полное наименование": "Школа", "Краткое наименование": "Школа"}),
    ]
    path = write_registry(tmp_path / "реестр.xlsx", rows, headers=HEADERS_WITHOUT_FOUNDER)

    registry_import_apply(path=path, actor=ministry_user)

    founders = dict(Organization.objects.values_list("short_name", "founder"))
    assert founders == {
        "МОБУ «СОШ № 1»": "municipal",
        "ГАПОУ «Бузулукский колледж»": "regional",
        "Школа": "",
    }


def test_the_name_never_replaces_a_founder_already_known(tmp_path, ministry_user):
    row = organization_row(1)  # «МОБУ…»: the name would say municipal
    path = write_registry(tmp_path / "реестр.xlsx", [row], headers=HEADERS_WITHOUT_FOUNDER)
    registry_import_apply(path=path, actor=ministry_user)
    Organization.objects.update(founder=Founder.REGIONAL)

    report = registry_import_apply(path=path, actor=ministry_user)

    assert (report.updated, report.unchanged) == (0, 1)
    assert Organization.objects.get().founder == Founder.REGIONAL


def test_a_blank_cell_does_not_clear_a_known_founder(tmp_path, ministry_user):
    full_name = {"Полное наименование": "Школа", "Краткое наименование": "Школа"}
    registry_import_apply(
        path=write_registry(tmp_path / "a.xlsx", [organization_row(1, Учредитель="частная")]),
        actor=ministry_user,
    )

    registry_import_apply(
        path=write_registry(tmp_path / "b.xlsx", [organization_row(1, Учредитель="", **full_name)]),
        actor=ministry_user,
    )

    assert Organization.objects.get().founder == Founder.PRIVATE


def test_an_unknown_founder_is_a_row_error(tmp_path, ministry_user):
    path = write_registry(tmp_path / "реестр.xlsx", [organization_row(1, Учредитель="дядя")])

    report = registry_import_apply(path=path, actor=ministry_user)

    assert not report.applied
    assert [str(error) for error in report.errors] == [
        "строка 2, столбец «Учредитель»: неизвестный учредитель «дядя», допустимы: "
        "«региональная»; «муниципальная»; «федеральная»; «частная»"
    ]
    assert not Organization.objects.exists()


def test_the_export_writes_the_founder_and_imports_back(client, ministry_user, organization):
    Organization.objects.filter(pk=organization.pk).update(founder=Founder.REGIONAL)
    client.force_login(ministry_user)

    response = client.get(reverse("registry:organization_export"))

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, row = list(workbook.active.iter_rows(values_only=True))
    assert header[-1] == "Учредитель" and row[-1] == "региональная"


def test_an_organization_added_by_hand_gets_the_founder_its_name_tells(ministry_user, municipality):
    organization = OrganizationFactory.build(
        municipality=municipality, short_name="ГБОУ «Школа-интернат»", founder=""
    )
    organization.full_name = "Школа-интернат"

    organization_save(organization=organization, actor=ministry_user)

    assert Organization.objects.get(pk=organization.pk).founder == Founder.REGIONAL


def test_the_organization_page_names_the_founder(client, ministry_user, organization):
    client.force_login(ministry_user)

    response = client.get(reverse("registry:organization_detail", args=[organization.pk]))

    assert "муниципальная (учредитель — муниципальное образование)" in response.content.decode()
