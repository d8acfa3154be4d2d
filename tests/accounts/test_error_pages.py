"""Error pages in Russian; the 500 page renders without the database."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from reserve_portal.views import permission_denied, server_error


def test_it_answers_404_in_russian(client, db):
    response = client.get("/net-takoj-stranicy/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ru">' in html
    assert "Страница не найдена" in html


def test_it_answers_403_in_russian(client, db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = permission_denied(request)

    assert response.status_code == 403
    assert "Доступ запрещён" in response.content.decode()
    assert '<html lang="ru">' in response.content.decode()


def test_it_renders_500_without_touching_the_database():
    # No `db` fixture: pytest-django fails the test on any database access.
    response = server_error(RequestFactory().get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ru">' in html
    assert "Ошибка на сервере" in html
