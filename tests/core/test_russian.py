import pytest

from core.russian import plural, quantity


@pytest.mark.parametrize(
    ("number", "word"),
    [
        (0, "минут"),
        (1, "минуту"),
        (2, "минуты"),
        (4, "минуты"),
        (5, "минут"),
        (11, "минут"),
        (12, "минут"),
        (14, "минут"),
        (21, "минуту"),
        (22, "минуты"),
        (101, "минуту"),
        (111, "минут"),
    ],
)
def test_it_agrees_the_noun_with_the_number(number: int, word: str) -> None:
    assert plural(number, "минуту", "минуты", "минут") == word


def test_it_writes_the_number_before_the_noun() -> None:
    assert quantity(14, "час", "часа", "часов") == "14 часов"
    assert quantity(3, "ошибка", "ошибки", "ошибок") == "3 ошибки"
