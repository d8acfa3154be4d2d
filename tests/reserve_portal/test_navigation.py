"""The menu each role sees, and the page furniture every page carries."""

import pytest
from django.urls import NoReverseMatch, reverse

from accounts.models import Role, User
from reserve_portal.navigation import MENU, navigation_for, navigation_links

MENUS = {
    "admin_user": ["Главная", "Организации", "Положение", "Журнал аудита", "Администрирование"],
    "ministry_user": [
        "Главная",
        "Отбор",
        "Оценка",
        "Развитие",
        "Назначение",
        "Мониторинг",
        "Справочники",
    ],
    "municipal_user": [
        "Главная",
        "Отбор",
        "Оценка",
        "Развитие",
        "Назначение",
        "Мониторинг",
        "Справочники",
    ],
    "expert_user": ["Главная", "Мои оценки", "Подтверждение практики", "Заседания", "Положение"],
    "mentor_user": [
        "Главная",
        "Наставляемые",
        "Благополучие",
        "Адаптация",
        "Положение",
    ],
    "candidate_user": [
        "Главная",
        "Мои заявки",
        "Моя оценка",
        "Развитие",
        "Назначение",
        "Положение",
    ],
}


@pytest.mark.parametrize(("persona", "titles"), MENUS.items())
def test_it_shows_each_role_its_menu(client, request, persona, titles):
    client.force_login(request.getfixturevalue(persona))

    response = client.get("/", follow=True)

    assert [item["title"] for item in response.context["nav_items"]] == titles


def _menu_url_names(role: Role) -> list[str]:
    return [
        name
        for _, target in MENU[role]
        for name in ([target] if isinstance(target, str) else [name for _, name in target])
    ]


def test_it_gives_every_role_a_menu():
    assert set(MENU) == set(Role)


@pytest.mark.parametrize("role", list(Role))
def test_it_reverses_every_menu_entry_of_every_role(role):
    links = navigation_links(navigation_for(User(username="menu", role=role, is_active=True)))

    assert [link["name"] for link in links] == _menu_url_names(role)
    assert all(link["url"] == reverse(link["name"]) for link in links)


def test_it_fails_loudly_on_an_unknown_url_name(monkeypatch):
    monkeypatch.setitem(MENU, Role.EXPERT, [("Оценки", "assessment:expert_hom")])

    with pytest.raises(NoReverseMatch):
        navigation_for(User(username="menu", role=Role.EXPERT, is_active=True))


@pytest.mark.parametrize(("persona", "titles"), MENUS.items())
def test_it_links_only_to_pages_the_role_may_open(client, request, persona, titles):
    client.force_login(request.getfixturevalue(persona))

    items = navigation_links(client.get("/", follow=True).context["nav_items"])

    assert items
    for item in items:
        assert client.get(item["url"]).status_code == 200, item


def test_it_marks_the_current_page(client, municipal_user):
    client.force_login(municipal_user)

    html = client.get("/accounts/home/municipal/").content.decode()

    assert 'class="nav-link active" href="/accounts/home/municipal/" aria-current="page"' in html


def test_it_shows_the_users_name_and_role(client, municipal_user):
    client.force_login(municipal_user)

    html = client.get("/accounts/home/municipal/").content.decode()

    assert f"{municipal_user.last_name} А. П." in html
    assert "Муниципальный координатор" in html
    assert 'action="/accounts/logout/"' in html


def test_it_carries_landmarks_and_a_skip_link(client, expert_user):
    client.force_login(expert_user)

    html = client.get("/accounts/home/expert/").content.decode()

    assert '<html lang="ru">' in html
    assert 'href="#main">Перейти к основному содержимому</a>' in html
    assert '<main id="main"' in html
    assert "<footer" in html
    assert 'aria-label="Основное меню"' in html


def test_it_shows_no_menu_to_anonymous_users(client, db):
    response = client.get("/accounts/login/")

    assert response.context["nav_items"] == []
    assert "Выйти" not in response.content.decode()


def test_it_uses_no_inline_scripts_or_styles(client, admin_user):
    client.force_login(admin_user)

    html = client.get("/accounts/home/admin/").content.decode()

    assert "<script>" not in html
    assert "style=" not in html
    assert "<style" not in html
