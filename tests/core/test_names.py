"""Names in the cases official papers need, and the gender verbs agree with."""

import pytest

from core.names import FEMALE, MALE, agree, decline_short_name, detect_gender, name_forms


@pytest.mark.parametrize(
    ("names", "genitive", "dative", "accusative"),
    [
        (
            ("Прохорова", "Наталья", "Игоревна"),
            "Прохоровой Натальи Игоревны",
            "Прохоровой Наталье Игоревне",
            "Прохорову Наталью Игоревну",
        ),
        (
            ("Гусева", "Елена", "Павловна"),
            "Гусевой Елены Павловны",
            "Гусевой Елене Павловне",
            "Гусеву Елену Павловну",
        ),
        (
            ("Нургалиев", "Айдар", "Салаватович"),
            "Нургалиева Айдара Салаватовича",
            "Нургалиеву Айдару Салаватовичу",
            "Нургалиева Айдара Салаватовича",
        ),
        (
            ("Лысенко", "Оксана", "Владимировна"),
            "Лысенко Оксаны Владимировны",
            "Лысенко Оксане Владимировне",
            "Лысенко Оксану Владимировну",
        ),
    ],
)
def test_it_declines_full_names(names, genitive, dative, accusative):
    forms = name_forms(last_name=names[0], first_name=names[1], middle_name=names[2])

    assert (forms.genitive, forms.dative, forms.accusative) == (genitive, dative, accusative)


def test_it_tells_the_gender_from_the_patronymic_and_agrees():
    assert detect_gender(middle_name="Ринатовна") == FEMALE
    assert detect_gender(middle_name="Гусейн оглы") == MALE
    assert agree(FEMALE, male="воздержался", female="воздержалась") == "воздержалась"


def test_a_short_name_declines_the_surname_only():
    short = decline_short_name(
        last_name="Абрамова",
        first_name="Светлана",
        middle_name="Игоревна",
        gender=FEMALE,
        case="accusative",
    )

    assert short == "Абрамову\u00a0С.\u00a0И."
