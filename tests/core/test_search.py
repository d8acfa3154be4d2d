"""The one search of the lists: case and «ё»/«е» never matter, on SQLite as on PostgreSQL.

Marked `sqlite`: scripts/run-tests runs these once more on SQLite, whose lower() knows only ASCII.
"""

import pytest

from accounts.models import User
from core.search import fold, search
from registry.models import Organization
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.sqlite


def _names(queryset) -> list[str]:
    return sorted(queryset.values_list("last_name", flat=True))


@pytest.fixture
def people(db):
    UserFactory(last_name="Семёнова", first_name="Алёна", middle_name="Игоревна")
    UserFactory(last_name="СЕМЕНОВ", first_name="Пётр", middle_name="")
    UserFactory(last_name="Иванова", first_name="Анна", middle_name="Петровна")
    UserFactory(last_name="O'Brien", first_name="John", middle_name="")
    return User.objects.all()


def test_fold_lowers_russian_and_reads_yo_as_ye() -> None:
    assert fold("СЕМЁНОВА Алёна O'Brien") == "семенова алена o'brien"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("семенова", ["Семёнова"]),
        ("СЕМЁНОВА", ["Семёнова"]),
        ("Семен", ["СЕМЕНОВ", "Семёнова"]),
        ("сЕмЁн", ["СЕМЕНОВ", "Семёнова"]),
        ("иванова", ["Иванова"]),
        ("ИВАНОВА АННА", ["Иванова"]),
        ("анна иванова", ["Иванова"]),
        ("алена", ["Семёнова"]),
        ("петр", ["Иванова", "СЕМЕНОВ"]),  # Пётр, Петровна
        ("o'brien", ["O'Brien"]),
        ("JOHN", ["O'Brien"]),
        ("Сидоров", []),
        ("   ", ["Иванова", "O'Brien", "СЕМЕНОВ", "Семёнова"]),
    ],
)
def test_every_word_is_found_whatever_the_case_and_yo(people, query, expected) -> None:
    found = search(people, query, ["last_name", "first_name", "middle_name"])
    assert _names(found) == sorted(expected)


def test_like_wildcards_in_the_query_are_plain_characters(people) -> None:
    assert _names(search(people, "%", ["last_name"])) == []
    assert _names(search(people, "_", ["last_name"])) == []


def test_an_empty_column_is_not_a_match_and_not_an_error(db) -> None:
    UserFactory(last_name="Петров", middle_name="")
    assert _names(search(User.objects.all(), "петров", ["middle_name", "last_name"])) == ["Петров"]


def test_fields_across_a_relation_and_no_row_twice(db, municipality) -> None:
    OrganizationFactory(
        municipality=municipality, full_name="МОАУ «Лицей № 1»", short_name="ЛИЦЕЙ № 1"
    )
    found = search(
        Organization.objects.all(),
        "лицей оренбург",
        ["full_name", "short_name", "municipality__name"],
    )
    assert [o.short_name for o in found] == ["ЛИЦЕЙ № 1"]
