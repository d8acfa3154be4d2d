"""The sample registries import, in every format, and a second import changes nothing."""

import datetime

import pytest
from openpyxl import load_workbook

from audit.models import AuditEvent, AuditSource
from registry.importing import reader
from registry.models import Organization, OrganizationKind
from registry.services import registry_import_apply, registry_import_preview
from tests.registry.registry_files import DATA, MESSY_SAMPLE, TEMPLATE_SAMPLE

pytestmark = pytest.mark.django_db

FIELDS = [
    "municipality__name",
    "full_name",
    "short_name",
    "kind",
    "inn",
    "kpp",
    "ogrn",
    "address",
    "phone",
    "email",
    "website",
    "student_count",
    "head_full_name",
    "head_birth_date",
    "head_contract_end_date",
]


def _registry() -> dict[str, dict]:
    return {values["inn"]: values for values in Organization.objects.values(*FIELDS)}


def test_it_imports_the_template_sample(admin_user):
    report = registry_import_apply(path=TEMPLATE_SAMPLE, actor=admin_user)

    assert report.applied
    assert report.summary() == "создано 30, обновлено 0, без изменений 0"
    school = Organization.objects.get(inn="5622463412")
    assert school.municipality.name == "город Новотроицк"
    assert school.kind == OrganizationKind.GENERAL
    assert school.short_name == "МОБУ «СОШ № 1»"
    assert school.student_count == 533
    assert school.head_birth_date == datetime.date(1957, 3, 24)
    assert school.head_contract_end_date == datetime.date(2027, 1, 19)
    assert Organization.objects.get(inn="5615134150").kind == OrganizationKind.VOCATIONAL


def test_it_imports_the_messy_sample_with_all_its_quirks(admin_user):
    report = registry_import_apply(path=MESSY_SAMPLE, actor=admin_user)

    assert report.applied, report.errors
    assert report.summary() == "создано 12, обновлено 0, без изменений 0"
    assert (report.sheet_name, report.header_row) == ("Лист1", 4)
    by_inn = _registry()
    # «г. Новотроицк», INN and OGRN stored as numbers, dates as дд.мм.гггг text.
    assert by_inn["5622463412"]["municipality__name"] == "город Новотроицк"
    assert by_inn["5622463412"]["ogrn"] == "1025672007899"
    assert by_inn["5622463412"]["head_birth_date"] == datetime.date(1957, 3, 24)
    # The okrug under its new name, a district as «р-н», a city written without a space.
    assert by_inn["5649266411"]["municipality__name"] == "Абдулинский городской округ"
    assert by_inn["5638711283"]["municipality__name"] == "Ташлинский муниципальный район"
    assert by_inn["5601951786"]["municipality__name"] == "город Бузулук"
    # A row with the head's name and birth date left empty.
    assert by_inn["5617060496"]["head_full_name"] == ""
    assert by_inn["5617060496"]["head_birth_date"] is None
    assert by_inn["5617060496"]["head_contract_end_date"] == datetime.date(2029, 4, 5)


def test_it_reads_the_messy_sample_as_the_same_organizations_as_the_template(admin_user, tmp_path):
    registry_import_apply(path=TEMPLATE_SAMPLE, actor=admin_user)
    template = _registry()
    Organization.objects.all().delete()

    registry_import_apply(path=MESSY_SAMPLE, actor=admin_user)

    for inn, values in _registry().items():
        expected = dict(template[inn])
        if inn == "5617060496":  # the messy sample leaves this head's name and birth empty
            expected.update(head_full_name="", head_birth_date=None)
        assert values == expected


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("registry_template_sample.xls", 30),
        ("registry_template_sample.ods", 30),
        ("registry_messy_sample.xls", 12),
        ("registry_messy_sample.ods", 12),
    ],
)
def test_it_reads_xls_and_ods_like_xlsx(admin_user, name, count):
    registry_import_apply(path=DATA / name.replace(name.rsplit(".")[-1], "xlsx"), actor=admin_user)
    from_xlsx = _registry()
    Organization.objects.all().delete()

    report = registry_import_apply(path=DATA / name, actor=admin_user)

    assert report.summary() == f"создано {count}, обновлено 0, без изменений 0"
    assert _registry() == from_xlsx


def test_it_detects_the_format_by_content_not_by_name(admin_user, tmp_path):
    disguised = tmp_path / "реестр.xlsx"
    disguised.write_bytes((DATA / "registry_messy_sample.ods").read_bytes())

    report = registry_import_apply(path=disguised, actor=admin_user)

    assert report.summary() == "создано 12, обновлено 0, без изменений 0"


def test_it_reads_through_the_fork_server_when_threads_run(admin_user, monkeypatch):
    monkeypatch.setattr(reader, "_start_method", lambda: "forkserver")

    report = registry_import_apply(path=MESSY_SAMPLE, actor=admin_user)

    assert report.summary() == "создано 12, обновлено 0, без изменений 0"


def test_it_reads_in_this_process_too(admin_user, settings):
    settings.REGISTRY_IMPORT_IN_WORKER = False

    report = registry_import_apply(path=MESSY_SAMPLE, actor=admin_user)

    assert report.summary() == "создано 12, обновлено 0, без изменений 0"


def test_it_writes_one_audit_event_per_created_organization(admin_user):
    registry_import_apply(path=MESSY_SAMPLE, actor=admin_user)

    events = AuditEvent.objects.filter(action="organization.create")
    assert events.count() == 12
    event = events.get(object_repr="МОБУ «СОШ № 1»")
    assert event.actor == admin_user
    assert event.source == AuditSource.IMPORT
    assert event.changes["inn"] == [None, "5622463412"]
    assert event.changes["municipality"] == [None, "город Новотроицк"]


def test_it_changes_nothing_on_a_reimport(admin_user):
    registry_import_apply(path=TEMPLATE_SAMPLE, actor=admin_user)
    stamps = dict(Organization.objects.values_list("inn", "updated_at"))
    events = AuditEvent.objects.count()

    report = registry_import_apply(path=TEMPLATE_SAMPLE, actor=admin_user)

    assert report.summary() == "создано 0, обновлено 0, без изменений 30"
    assert dict(Organization.objects.values_list("inn", "updated_at")) == stamps
    assert AuditEvent.objects.count() == events


def test_it_changes_only_the_emptied_head_when_the_messy_sample_follows_the_template(admin_user):
    registry_import_apply(path=TEMPLATE_SAMPLE, actor=admin_user)

    report = registry_import_preview(path=MESSY_SAMPLE)

    assert report.summary() == "создано 0, обновлено 1, без изменений 11"
    (updated,) = report.updated_rows
    assert (updated.row, updated.inn) == (14, "5617060496")
    assert [(change.label, change.old, change.new) for change in updated.changes] == [
        ("ФИО руководителя", "Соколова Ирина Ивановна", ""),
        ("Дата рождения руководителя", "15.05.1961", ""),
    ]


def test_it_shows_and_audits_the_changed_fields_of_an_update(admin_user, tmp_path):
    registry_import_apply(path=TEMPLATE_SAMPLE, actor=admin_user)
    workbook = load_workbook(TEMPLATE_SAMPLE)
    sheet = workbook.active
    sheet["A2"] = "г. Орск"  # the first school moves to Orsk
    sheet["I2"] = "+7 (3537) 00-00-00"
    changed = tmp_path / "изменения.xlsx"
    workbook.save(changed)

    preview = registry_import_preview(path=changed)
    report = registry_import_apply(path=changed, actor=admin_user)

    assert preview.summary() == "создано 0, обновлено 1, без изменений 29"
    (updated,) = preview.updated_rows
    assert [(change.label, change.old, change.new) for change in updated.changes] == [
        ("Муниципальное образование", "город Новотроицк", "город Орск"),
        ("Телефон", "+7 (3530) 77-14-70", "+7 (3537) 00-00-00"),
    ]
    assert report.applied
    school = Organization.objects.get(inn="5622463412")
    assert (school.municipality.name, school.phone) == ("город Орск", "+7 (3537) 00-00-00")
    event = AuditEvent.objects.get(action="organization.update")
    assert event.changes == {
        "municipality": ["город Новотроицк", "город Орск"],
        "phone": ["+7 (3530) 77-14-70", "+7 (3537) 00-00-00"],
    }
