"""The administration site speaks Russian: titles, field labels, choices, content types.

Every model registered in the admin is checked, so a new model fails here until it has what its
pages need; each failure says what to add and where.
"""

import gettext
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import flatten, get_fields_from_path, label_for_field
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from core.admin_base import PolicyAdmin

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
ROOT = Path(__file__).resolve().parent.parent
PROJECT_APPS = [config for config in apps.get_app_configs() if Path(config.path).parent == ROOT]
LOCALE = ROOT / "locale" / "ru" / "LC_MESSAGES"


def _registered() -> list[tuple[type, admin.ModelAdmin]]:
    return sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)


def _where(model_admin) -> str:
    cls = type(model_admin)
    return f"{cls.__name__} in {cls.__module__}"


def _project_models() -> list[type]:
    return [model for config in PROJECT_APPS for model in config.get_models()]


def test_every_admin_names_its_model_in_the_accusative_for_its_titles() -> None:
    missing = [
        f"{_where(ma)} ({model._meta.label}, «{model._meta.verbose_name}»): set name_accusative"
        f' = "…" — the name as in «Добавить …» and «Выберите … для изменения»'
        for model, ma in _registered()
        if not isinstance(ma, PolicyAdmin) or not CYRILLIC.search(ma.name_accusative)
    ]

    assert not missing, "\n".join(missing)


def test_every_project_model_field_has_a_russian_label() -> None:
    missing = [
        f'{model._meta.label}.{field.name}: give the field verbose_name=_("…") in Russian '
        f"(now «{field.verbose_name}»)"
        for model in _project_models()
        for field in model._meta.get_fields()
        if not (field.auto_created and not field.concrete)
        and not getattr(field, "primary_key", False)
        and not CYRILLIC.search(str(field.verbose_name))
    ]

    assert not missing, "\n".join(missing)


def test_every_choice_of_a_project_model_has_a_russian_label() -> None:
    missing = [
        f"{model._meta.label}.{field.name}: choice {value!r} is labelled «{label}»; "
        "give it a Russian label"
        for model in _project_models()
        for field in model._meta.get_fields()
        if getattr(field, "choices", None)
        for value, label in field.flatchoices
        if not CYRILLIC.search(str(label))
    ]

    assert not missing, "\n".join(missing)


def test_models_apps_and_content_types_are_named_in_russian() -> None:
    for config in PROJECT_APPS:
        assert CYRILLIC.search(str(config.verbose_name)), f"{config.name}: Russian verbose_name"
    for model in _project_models():
        meta = model._meta
        assert CYRILLIC.search(str(meta.verbose_name)), f"{meta.label}: Meta.verbose_name"
        assert CYRILLIC.search(str(meta.verbose_name_plural)), f"{meta.label}: verbose_name_plural"
        assert ContentType.objects.get_for_model(model).name == str(meta.verbose_name)


def _shown_names(model_admin) -> list[str]:
    names = [*model_admin.list_display, *(model_admin.readonly_fields or [])]
    if model_admin.fieldsets:
        for _title, options in model_admin.fieldsets:
            names += flatten(options["fields"])
    elif model_admin.fields:
        names += flatten(model_admin.fields)
    return [name for name in names if isinstance(name, str) and name != "__str__"]


def _filter_titles(model_admin) -> list[tuple[str, str]]:
    """Return each list filter with its title, as Django gives it (the last field's name)."""
    titles = []
    for entry in model_admin.list_filter:
        if isinstance(entry, str | tuple):
            path = entry if isinstance(entry, str) else entry[0]
            field = get_fields_from_path(model_admin.model, path)[-1]
            titles.append((path, str(field.verbose_name)))
        else:
            titles.append((entry.__name__, str(entry.title)))
    return titles


def test_every_column_field_and_filter_of_the_admin_is_labelled_in_russian() -> None:
    missing = []
    for model, model_admin in _registered():
        shown = [(model_admin, model, name) for name in _shown_names(model_admin)]
        for inline in model_admin.inlines:
            shown += [(inline, inline.model, name) for name in flatten(inline.fields or [])]
        for owner, owner_model, name in shown:
            label = str(label_for_field(name, owner_model, owner))
            if not CYRILLIC.search(label):
                missing.append(
                    f"{_where(owner)}: «{name}» is labelled «{label}»; give the model field a "
                    "Russian verbose_name or the method @admin.display(description=…)"
                )
        for name, title in _filter_titles(model_admin):
            if not CYRILLIC.search(title):
                missing.append(f"{_where(model_admin)}: list filter «{name}» is titled «{title}»")

    assert not missing, "\n".join(missing)


def test_the_projects_admin_messages_are_compiled() -> None:
    compiled = gettext.GNUTranslations((LOCALE / "django.mo").open("rb"))
    source = (LOCALE / "django.po").read_text()
    for msgstr in re.findall(r'^msgstr(?:\[\d\])? "(.+)"$', source, flags=re.MULTILINE):
        assert msgstr in compiled._catalog.values() or any(
            msgstr in str(value) for value in compiled._catalog.values()
        ), f"locale/ru/LC_MESSAGES/django.mo is older than django.po: run msgfmt ({msgstr})"


@pytest.mark.django_db
def test_the_pages_are_titled_in_grammatical_russian(client, admin_user) -> None:
    client.force_login(admin_user)

    organizations = client.get(reverse("admin:registry_organization_changelist"))
    add_commission = client.get(reverse("admin:candidates_commission_add"))
    memberships = client.get(reverse("admin:candidates_reservemembership_changelist"))

    assert organizations.context["title"] == "Выберите образовательную организацию для изменения"
    assert "Добавить образовательную организацию</a>" in organizations.content.decode()
    assert "Записей: 0" in organizations.content.decode()
    assert add_commission.context["title"] == "Добавить комиссию"
    assert "&rsaquo; Добавить комиссию" in add_commission.content.decode()
    assert memberships.context["title"] == "Выберите членство в резерве для просмотра"


@pytest.mark.django_db
def test_the_success_message_fits_any_gender(client, admin_user, municipality) -> None:
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:registry_positionkind_add"),
        {"code": "deputy-test", "name": "Заместитель по тестам", "sort_order": 99},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert any(message.startswith("Добавлено: вид должности «") for message in messages), messages


@pytest.mark.django_db
def test_the_reserves_codes_are_shown_by_their_names(client, admin_user) -> None:
    from tests.candidates.commission_factories import make_membership

    membership = make_membership(category="operational", readiness="within_year")
    client.force_login(admin_user)

    listing = client.get(reverse("admin:candidates_reservemembership_changelist"))
    detail = client.get(reverse("admin:candidates_reservemembership_change", args=[membership.pk]))
    events = client.get(reverse("admin:candidates_membershipevent_changelist"))

    for page in (listing, detail):
        text = _visible_text(page)
        assert "оперативный" in text and "готов в течение года" in text
        assert "operational" not in text and "within_year" not in text
    assert "включение в резерв" in _visible_text(events)
    assert "include" not in _visible_text(events)


def _visible_text(response) -> str:
    """Return what a person reads on the page: no markup, no attributes, no scripts."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)
