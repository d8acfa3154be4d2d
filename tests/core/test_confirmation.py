"""The confirmation step of irreversible actions: the same POST again, confirmed, no script."""

from django.test import RequestFactory

from core.views import Confirmation, confirmation_page, is_confirmed


def _confirmation() -> Confirmation:
    return Confirmation(
        title="Исключить из кадрового резерва: Иванова Анна Петровна?",
        consequences=["Членство в резерве закроется.", "Отменить исключение нельзя."],
        confirm_label="Да, исключить из резерва",
        cancel_url="/selection/reserve/7/",
        details=[("Основание", "личное заявление\nот 01.03.2026")],
    )


def test_the_page_repeats_every_posted_value_and_adds_the_confirmation(rf: RequestFactory):
    request = rf.post(
        "/selection/reserve/7/exclude/?tab=1",
        {"ground": "own_request", "answer": ["1", "2"], "csrfmiddlewaretoken": "x"},
    )
    request.user = None

    page = confirmation_page(request, _confirmation()).content.decode()

    assert 'action="/selection/reserve/7/exclude/?tab=1"' in page
    assert '<input type="hidden" name="ground" value="own_request">' in page
    assert '<input type="hidden" name="answer" value="1">' in page
    assert '<input type="hidden" name="answer" value="2">' in page
    assert 'value="x"' not in page  # the form brings its own CSRF token
    assert '<input type="hidden" name="confirmed" value="yes">' in page
    assert "Что произойдёт:" in page
    assert "<li>Отменить исключение нельзя.</li>" in page
    assert "личное заявление<br>от 01.03.2026" in page
    assert 'class="btn btn-danger">Да, исключить из резерва</button>' in page
    assert 'href="/selection/reserve/7/"' in page


def test_a_value_with_markup_is_repeated_escaped(rf: RequestFactory):
    request = rf.post("/x/", {"comment": '"><script>alert(1)</script>'})
    request.user = None

    page = confirmation_page(request, _confirmation()).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&quot;&gt;&lt;script&gt;" in page


def test_only_the_confirmed_post_counts(rf: RequestFactory):
    assert is_confirmed(rf.post("/x/", {"confirmed": "yes"}))
    assert not is_confirmed(rf.post("/x/", {"confirmed": "no"}))
    assert not is_confirmed(rf.post("/x/", {}))
    assert not is_confirmed(rf.get("/x/", {"confirmed": "yes"}))
