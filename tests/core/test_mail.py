import pytest
from django.core import mail
from django.db import transaction

from core.mail import Letter, mail_many_on_commit, mail_on_commit

pytestmark = pytest.mark.django_db


def test_it_sends_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail_on_commit(subject="Тема", body="Текст", recipients=["a@example.org", None, ""])
        assert mail.outbox == []

    [letter] = mail.outbox
    assert (letter.subject, letter.body, letter.to) == ("Тема", "Текст", ["a@example.org"])


def test_it_sends_nothing_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail_on_commit(subject="Тема", body="Текст", recipients=["a@example.org"])
        raise RuntimeError

    assert callbacks == []
    assert mail.outbox == []


def test_it_sends_nothing_to_nobody(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mail_on_commit(subject="Тема", body="Текст", recipients=["", None])
        mail_many_on_commit([Letter(subject="Тема", body="Текст", recipients=[])])

    assert callbacks == []


def test_it_sends_many_letters_together(django_capture_on_commit_callbacks):
    letters = [
        Letter(subject="Первое", body="1", recipients=["a@example.org"]),
        Letter(subject="Второе", body="2", recipients=["b@example.org"]),
    ]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mail_many_on_commit(letters)

    assert len(callbacks) == 1
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Первое", ["a@example.org"]),
        ("Второе", ["b@example.org"]),
    ]
