"""The admin import: upload, preview, confirm once; nothing is written before or twice."""

import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent, AuditSource
from registry import pending_imports
from registry.importing.columns import TEMPLATE_HEADERS
from registry.models import Organization
from tests.registry import hostile_files
from tests.registry.registry_files import MESSY_SAMPLE, TEMPLATE_SAMPLE

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:registry_organization_import")
CONFIRM_URL = reverse("admin:registry_organization_import_confirm")
TEMPLATE_URL = reverse("admin:registry_organization_import_template")
CHANGELIST_URL = reverse("admin:registry_organization_changelist")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _upload(client, path):
    with open(path, "rb") as handle:
        return client.post(IMPORT_URL, {"file": handle})


def _token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def _stored_files(settings) -> list:
    folder = settings.MEDIA_ROOT / "imports"
    return sorted(folder.glob("*")) if folder.exists() else []


def test_it_offers_import_template_and_export_on_the_changelist(admin_client):
    page = admin_client.get(CHANGELIST_URL).content.decode()

    assert f'href="{IMPORT_URL}">Импорт из Excel' in page
    assert f'href="{TEMPLATE_URL}">Шаблон реестра' in page
    assert "Выгрузить в Excel" in page


def test_it_hides_the_import_button_from_ministry_staff(client, ministry_user):
    client.force_login(ministry_user)

    page = client.get(CHANGELIST_URL).content.decode()

    assert "Импорт из Excel" not in page
    assert "Выгрузить в Excel" in page


def test_it_explains_the_file_on_the_upload_page(admin_client):
    page = admin_client.get(IMPORT_URL).content.decode()

    assert "Импорт реестра из Excel" in page
    assert "Организации сопоставляются по ИНН" in page
    assert 'type="file"' in page


def test_it_previews_what_will_be_created_and_writes_nothing(admin_client, settings):
    response = _upload(admin_client, MESSY_SAMPLE)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Будет создано: 12, обновлено: 0, без изменений: 0" in page
    assert "Будут созданы (12)" in page
    assert "5622463412" in page and "МОБУ «СОШ № 1»" in page and "город Новотроицк" in page
    assert "Подтвердить импорт" in page
    assert Organization.objects.count() == 0
    assert len(_stored_files(settings)) == 1


def test_it_applies_the_preview_on_confirm_and_deletes_the_file(admin_client, admin_user, settings):
    token = _token(_upload(admin_client, MESSY_SAMPLE))

    response = admin_client.post(CONFIRM_URL, {"token": token, "confirm": "1"}, follow=True)

    assert response.redirect_chain[-1][0] == CHANGELIST_URL
    assert (
        "Импорт из файла «registry_messy_sample.xlsx» выполнен: создано 12, обновлено 0, "
        "без изменений 0." in response.content.decode()
    )
    assert Organization.objects.count() == 12
    events = AuditEvent.objects.filter(action="organization.create")
    assert events.count() == 12
    assert {(event.actor, event.source) for event in events} == {(admin_user, AuditSource.IMPORT)}
    assert _stored_files(settings) == []


def test_it_imports_once_on_a_double_confirm_and_says_so(admin_client):
    token = _token(_upload(admin_client, MESSY_SAMPLE))
    admin_client.post(CONFIRM_URL, {"token": token, "confirm": "1"})

    response = admin_client.post(CONFIRM_URL, {"token": token, "confirm": "1"}, follow=True)

    assert "Этот импорт уже выполнен, отменён или устарел" in response.content.decode()
    assert Organization.objects.count() == 12
    assert AuditEvent.objects.count() == 12


def test_it_writes_nothing_for_a_token_of_another_session(admin_client, client, admin_user):
    token = _token(_upload(admin_client, MESSY_SAMPLE))
    other = type(admin_client)()
    other.force_login(admin_user)

    response = other.post(CONFIRM_URL, {"token": token, "confirm": "1"}, follow=True)

    assert "Этот импорт уже выполнен, отменён или устарел" in response.content.decode()
    assert Organization.objects.count() == 0


def test_it_writes_nothing_for_an_expired_preview(admin_client, settings, monkeypatch):
    token = _token(_upload(admin_client, MESSY_SAMPLE))
    monkeypatch.setattr(pending_imports, "LIFETIME_SECONDS", -1)

    response = admin_client.post(CONFIRM_URL, {"token": token, "confirm": "1"}, follow=True)

    assert "Этот импорт уже выполнен, отменён или устарел" in response.content.decode()
    assert Organization.objects.count() == 0
    assert _stored_files(settings) == []


def test_it_writes_nothing_on_cancel_and_deletes_the_file(admin_client, settings):
    token = _token(_upload(admin_client, MESSY_SAMPLE))

    response = admin_client.post(CONFIRM_URL, {"token": token, "cancel": "1"}, follow=True)

    assert "Импорт отменён, в реестр ничего не записано." in response.content.decode()
    assert Organization.objects.count() == 0
    assert _stored_files(settings) == []


def test_it_previews_again_when_the_registry_changed_meanwhile(admin_client, municipality):
    token = _token(_upload(admin_client, MESSY_SAMPLE))
    Organization.objects.create(  # somebody adds one of the file's schools meanwhile
        municipality=municipality, full_name="Школа", kind="general", inn="5622463412"
    )

    response = admin_client.post(CONFIRM_URL, {"token": token, "confirm": "1"})

    page = response.content.decode()
    assert "Пока открыт предпросмотр, реестр изменился" in page
    assert "Будет создано: 11, обновлено: 1, без изменений: 0" in page
    assert Organization.objects.count() == 1
    admin_client.post(CONFIRM_URL, {"token": _token(response), "confirm": "1"})
    assert Organization.objects.count() == 12


def test_it_lists_the_changed_fields_in_the_preview_of_an_update(admin_client, tmp_path):
    admin_client.post(CONFIRM_URL, {"token": _token(_upload(admin_client, TEMPLATE_SAMPLE))})
    workbook = load_workbook(TEMPLATE_SAMPLE)
    workbook.active["I2"] = "+7 (3530) 00-00-00"
    changed = tmp_path / "реестр.xlsx"
    workbook.save(changed)

    page = _upload(admin_client, changed).content.decode()

    assert "Будет создано: 0, обновлено: 1, без изменений: 29" in page
    assert (
        "<strong>Телефон:</strong> <del>+7 (3530) 77-14-70</del> → <ins>+7 (3530) 00-00-00</ins>"
        in page
    )


def test_it_lists_the_errors_of_a_file_and_offers_no_confirm(admin_client, tmp_path, settings):
    workbook = load_workbook(TEMPLATE_SAMPLE)
    workbook.active["E3"] = "5624682731"
    broken = tmp_path / "реестр.xlsx"
    workbook.save(broken)

    page = _upload(admin_client, broken).content.decode()

    assert "В файле 1 ошибка — в реестр ничего не записано." in page
    assert "неверная контрольная цифра ИНН («5624682731»)" in page
    assert "Подтвердить импорт" not in page
    assert _stored_files(settings) == []


def test_it_refuses_a_hostile_upload_with_its_reason(admin_client, tmp_path):
    path = tmp_path / "реестр.xlsx"
    hostile_files.entity_bomb_in_shared_strings(path)

    page = _upload(admin_client, path).content.decode()

    assert "содержит объявление DOCTYPE или ENTITY" in page
    assert "Подтвердить импорт" not in page
    assert Organization.objects.count() == 0


def test_it_refuses_an_oversized_upload_before_storing_it(admin_client, settings):
    settings.REGISTRY_IMPORT_MAX_BYTES = 1000

    page = _upload(admin_client, MESSY_SAMPLE).content.decode()

    assert "Файл слишком большой" in page
    assert _stored_files(settings) == []


def test_it_downloads_the_template_with_the_canonical_header(admin_client, tmp_path):
    response = admin_client.get(TEMPLATE_URL)

    path = tmp_path / "шаблон.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(path).worksheets[0]
    assert next(sheet.iter_rows(values_only=True)) == TEMPLATE_HEADERS


@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "candidate_user"])
@pytest.mark.parametrize("url", [IMPORT_URL, CONFIRM_URL, TEMPLATE_URL])
def test_it_answers_404_to_everyone_but_administrators(client, request, persona, url):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(url).status_code == 404
    assert client.post(url, {"token": "x"}).status_code == 404


def test_it_sends_a_stranger_to_sign_in(client):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert "login" in response["Location"]
