"""Every wrong cell is reported with the row and column a person sees, and nothing is written."""

import datetime

import pytest

from audit.models import AuditEvent
from registry.importing import reader
from registry.models import MunicipalityAlias, Organization
from registry.services import registry_import_apply, registry_import_preview
from tests.factories import OrganizationFactory, make_inn
from tests.registry.registry_files import organization_row, write_registry

pytestmark = pytest.mark.django_db


def _errors(path) -> list[str]:
    report = registry_import_preview(path=path)
    return [str(error) for error in report.errors]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            {"ИНН": "5600000012"},
            "строка 3, столбец «ИНН»: неверная контрольная цифра ИНН («5600000012»)",
        ),
        (
            {"ИНН": "56123"},
            "строка 3, столбец «ИНН»: ИНН организации должен состоять из 10 цифр («56123»)",
        ),
        (
            {"ОГРН": "1025600000001"},
            "строка 3, столбец «ОГРН»: неверная контрольная цифра ОГРН («1025600000001»)",
        ),
        (
            {"КПП": "56100100"},
            "строка 3, столбец «КПП»: КПП должен состоять из 9 символов: 4 цифры, 2 цифры или "
            "заглавные латинские буквы, 3 цифры («56100100»)",
        ),
        (
            {"Дата рождения руководителя": "31.02.1970"},
            "строка 3, столбец «Дата рождения руководителя»: даты 31.02.1970 не существует",
        ),
        (
            {"Дата окончания трудового договора руководителя": "на 3 года"},
            "строка 3, столбец «Дата окончания трудового договора руководителя»: ожидается "
            "дата в виде дд.мм.гггг, а в ячейке «на 3 года»",
        ),
        (
            {"Дата рождения руководителя": datetime.date(2090, 1, 1)},
            "строка 3, столбец «Дата рождения руководителя»: дата рождения 01.01.2090 ещё не "
            "наступила",
        ),
        (
            {"Муниципальное образование": "Урюпинский район"},
            "строка 3, столбец «Муниципальное образование»: неизвестное муниципальное "
            "образование «Урюпинский район»; администратор может добавить этот вариант "
            "названия в список вариантов названий МО",
        ),
        (
            {"Полное наименование": "  "},
            "строка 3, столбец «Полное наименование»: не заполнено",
        ),
        (
            {"Email": "school@"},
            "строка 3, столбец «Email»: неверный адрес электронной почты «school@»",
        ),
        (
            {"Численность обучающихся": "около 500"},
            "строка 3, столбец «Численность обучающихся»: ожидается целое число, а в ячейке "
            "«около 500»",
        ),
        (
            {"Тип организации": "университет"},
            "строка 3, столбец «Тип организации»: неизвестный тип организации «университет», "
            "допустимы: «общеобразовательная организация»; «дошкольная образовательная "
            "организация»; «организация дополнительного образования»; «профессиональная "
            "образовательная организация»",
        ),
    ],
)
def test_it_reports_the_wrong_cell_and_writes_nothing(admin_user, tmp_path, cells, expected):
    path = write_registry(
        tmp_path / "реестр.xlsx", [organization_row(1), organization_row(2, **cells)]
    )

    report = registry_import_apply(path=path, actor=admin_user)

    assert [str(error) for error in report.errors] == [expected]
    assert not report.applied
    assert Organization.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_it_reports_both_rows_of_a_duplicated_inn(tmp_path):
    inn = make_inn(7)
    rows = [organization_row(1, ИНН=inn), organization_row(2), organization_row(3, ИНН=int(inn))]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    assert _errors(path) == [
        f"строка 2, столбец «ИНН»: ИНН {inn} повторяется в строке 4",
        f"строка 4, столбец «ИНН»: ИНН {inn} уже указан в строке 2",
    ]


def test_it_counts_title_and_blank_rows_in_row_numbers(tmp_path):
    rows = [organization_row(1), {}, organization_row(2, ОГРН="123")]
    title = ("Реестр образовательных организаций",)
    path = write_registry(tmp_path / "реестр.xlsx", rows, above=(title, ()))

    assert _errors(path) == ["строка 6, столбец «ОГРН»: ОГРН должен состоять из 13 цифр («123»)"]


def test_it_lists_every_error_of_every_row(tmp_path):
    rows = [
        organization_row(1, ИНН="1", Email="нет"),
        organization_row(2, **{"Муниципальное образование": None}),
    ]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    assert _errors(path) == [
        "строка 2, столбец «ИНН»: ИНН организации должен состоять из 10 цифр («1»)",
        "строка 2, столбец «Email»: неверный адрес электронной почты «нет»",
        "строка 3, столбец «Муниципальное образование»: не заполнено",
    ]


def test_it_undoes_rows_already_written_on_an_error_late_in_the_file(
    admin_user, tmp_path, monkeypatch
):
    monkeypatch.setattr(reader, "BATCH_SIZE", 2)
    rows = [organization_row(seed) for seed in range(1, 8)] + [organization_row(8, КПП="x")]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    report = registry_import_apply(path=path, actor=admin_user)

    assert report.error_count == 1
    assert Organization.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_it_leaves_existing_organizations_as_they_were_on_an_error(
    admin_user, tmp_path, municipality
):
    existing = OrganizationFactory(inn=make_inn(1), municipality=municipality, phone="1-11-11")
    rows = [organization_row(1, Телефон="2-22-22"), organization_row(2, ИНН="5600000012")]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    registry_import_apply(path=path, actor=admin_user)

    existing.refresh_from_db()
    assert existing.phone == "1-11-11"
    assert Organization.objects.count() == 1


def test_it_accepts_everyday_spellings_and_short_kind_names(admin_user, tmp_path):
    rows = [
        organization_row(
            1, **{"Муниципальное образование": "МО г.Оренбург"}, **{"Тип организации": "Школа"}
        ),
        organization_row(
            2,
            **{"Муниципальное образование": "Грачевский р-н"},
            **{"Тип организации": "детский сад"},
        ),
        organization_row(
            3, **{"Муниципальное образование": "Соль-Илецкий ГО"}, **{"Тип организации": "ДОО"}
        ),
        organization_row(
            4,
            **{"Муниципальное образование": "ЗАТО п. Комаровский"},
            **{"Тип организации": "колледж"},
        ),
    ]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    report = registry_import_apply(path=path, actor=admin_user)

    assert report.applied, report.errors
    assert list(Organization.objects.order_by("inn").values_list("municipality__name", "kind")) == [
        ("город Оренбург", "general"),
        ("Грачёвский муниципальный район", "preschool"),
        ("Соль-Илецкий городской округ", "preschool"),
        ("ЗАТО Комаровский", "vocational"),
    ]


def test_it_recognises_an_alias_added_by_an_admin(admin_user, tmp_path, municipality):
    MunicipalityAlias.objects.create(municipality=municipality, name="Областной центр")
    rows = [organization_row(1, **{"Муниципальное образование": "областной центр"})]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    report = registry_import_apply(path=path, actor=admin_user)

    assert report.applied, report.errors
    assert Organization.objects.get().municipality == municipality


def test_it_reads_numbers_and_serial_dates_as_people_mean_them(admin_user, tmp_path):
    row = organization_row(
        1,
        КПП=561001001,
        ИНН=float(make_inn(1)),
        **{"Дата рождения руководителя": 25569, "Численность обучающихся": "1 250"},
    )
    path = write_registry(tmp_path / "реестр.xlsx", [row])

    report = registry_import_apply(path=path, actor=admin_user)

    assert report.applied, report.errors
    organization = Organization.objects.get()
    assert (organization.inn, organization.kpp) == (make_inn(1), "561001001")
    assert organization.head_birth_date == datetime.date(1970, 1, 1)
    assert organization.student_count == 1250


def test_it_leaves_the_field_of_a_missing_optional_column_alone(admin_user, tmp_path, municipality):
    existing = OrganizationFactory(inn=make_inn(1), municipality=municipality, website="old.ru")
    headers = ("Муниципальное образование", "Полное наименование", "Тип организации", "ИНН")
    row = organization_row(1, **{"Полное наименование": existing.full_name})
    path = write_registry(tmp_path / "реестр.xlsx", [row], headers=headers)

    report = registry_import_apply(path=path, actor=admin_user)

    assert report.summary() == "создано 0, обновлено 0, без изменений 1"
    assert "Сайт" in report.missing_columns
    existing.refresh_from_db()
    assert existing.website == "old.ru"


def test_it_says_so_when_a_file_has_no_header(tmp_path):
    path = write_registry(tmp_path / "реестр.xlsx", [], headers=("ИНН", "Название"))

    report = registry_import_preview(path=path)

    assert report.problem.startswith("В файле не найдена строка заголовков реестра")
    assert "«Муниципальное образование», «Полное наименование»" in report.problem
