"""The questionnaire's index rule, the quarters and the suppression of small groups."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from development.wellbeing.questionnaire import (
    INDEX_RULE,
    PULSE_ITEMS,
    SOURCE,
    index_level,
    is_low,
    is_very_low,
    pulse_index,
)
from development.wellbeing.selectors import (
    HIDDEN_COMPLEMENT,
    HIDDEN_SMALL,
    Quarter,
    _Person,
    suppressed_table,
)


def test_it_asks_the_five_who5_items_about_the_last_two_weeks():
    assert [item.key for item in PULSE_ITEMS] == [
        "cheerful",
        "calm",
        "active",
        "rested",
        "interest",
    ]
    assert all(
        (item.low_label, item.high_label) == ("ни разу", "всё время") for item in PULSE_ITEMS
    )
    assert all(item.score(answer) == answer for item in PULSE_ITEMS for answer in range(6))
    assert "WHO-5" in INDEX_RULE and "Geneva, 2024" in SOURCE


@pytest.mark.parametrize(
    ("answers", "index"),
    [
        ([5, 5, 5, 5, 5], 100),  # raw 25 × 4
        ([0, 0, 0, 0, 0], 0),
        ([3, 3, 3, 3, 3], 60),  # raw 15 × 4
        ([3, 3, 2, 2, 2], 48),  # raw 12 × 4
        ([1, 2, 1, 1, 2], 28),  # raw 7 × 4
    ],
)
def test_it_scores_as_who5_does_the_raw_sum_times_four(answers, index):
    assert pulse_index(answers) == index


@pytest.mark.parametrize(
    "answers",
    [[1, 2, 3, 4], [1, 2, 3, 4, 5, 0], [1, 2, 3, 4, 6], [1, 2, 3, 4, -1], [1, 2, "3", 4, 5]],
)
def test_it_refuses_anything_but_five_answers_from_0_to_5(answers):
    with pytest.raises(ValidationError):
        pulse_index(answers)


@pytest.mark.parametrize(
    ("index", "level", "low", "very_low"),
    [
        (0, "очень низкое благополучие", True, True),
        (28, "очень низкое благополучие", True, True),
        (32, "сниженное благополучие", True, False),
        (50, "сниженное благополучие", True, False),
        (52, "признаков сниженного благополучия нет", False, False),
        (100, "признаков сниженного благополучия нет", False, False),
    ],
)
def test_it_names_the_level_by_who5_cut_offs_50_and_28(index, level, low, very_low):
    assert index_level(index) == level
    assert is_low(index) is low
    assert is_very_low(index) is very_low


def test_quarters_run_by_calendar():
    quarter = Quarter.of(datetime.date(2026, 5, 31))

    assert (quarter.year, quarter.number, quarter.label) == (2026, 2, "II квартал 2026 г.")
    assert quarter.start == datetime.date(2026, 4, 1)
    assert quarter.end == datetime.date(2026, 6, 30)
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2025, 4).end == datetime.date(2025, 12, 31)
    assert Quarter.from_key("2026-4") == Quarter(2026, 4)
    assert Quarter.from_key("2026-5") is None
    assert Quarter.from_key("1999-1") is None
    assert Quarter.from_key("abc") is None


def _people(count: int, index: int = 50) -> list[_Person]:
    return [_Person([index], None, None) for _ in range(count)]


def test_a_group_of_four_alone_is_hidden():
    cells = suppressed_table([("Четверо", _people(4))])

    assert cells[0].hidden == HIDDEN_SMALL
    assert (cells[0].people, cells[0].mean_index, cells[0].low_share) == (None, None, None)


def test_four_next_to_five_hide_both():
    cells = suppressed_table([("Пятеро", _people(5, 30)), ("Четверо", _people(4))])

    # Four alone would be derivable from a total of nine, so the five are hidden too.
    assert [cell.hidden for cell in cells] == [HIDDEN_COMPLEMENT, HIDDEN_SMALL]
    assert all(cell.people is None and cell.mean_index is None for cell in cells)


def test_a_group_of_five_shows_its_count_mean_and_low_share():
    cells = suppressed_table([("Пятеро", [*_people(2, 30), *_people(3, 60)])])

    assert cells[0].hidden == ""
    assert (cells[0].people, cells[0].mean_index, cells[0].low_share) == (5, 48.0, 40)


def test_one_small_group_makes_the_smallest_other_group_hidden():
    cells = suppressed_table(
        [("А", _people(12)), ("Б", _people(6)), ("В", _people(7)), ("Г", _people(1))]
    )

    assert [cell.hidden for cell in cells] == ["", HIDDEN_COMPLEMENT, "", HIDDEN_SMALL]
    assert cells[0].people == 12 and cells[2].people == 7


def test_small_groups_that_together_make_five_need_no_second_suppression():
    cells = suppressed_table([("А", _people(9)), ("Б", _people(3)), ("В", _people(2))])

    assert [cell.hidden for cell in cells] == ["", HIDDEN_SMALL, HIDDEN_SMALL]


def test_the_second_suppression_goes_on_until_the_hidden_people_are_five():
    cells = suppressed_table([("А", _people(9)), ("Б", _people(5)), ("В", _people(1))])

    assert [cell.hidden for cell in cells] == ["", HIDDEN_COMPLEMENT, HIDDEN_SMALL]


def test_a_table_without_small_groups_is_shown_in_full():
    cells = suppressed_table([("А", _people(5)), ("Б", _people(8))])

    assert [cell.people for cell in cells] == [5, 8]


def test_a_person_counts_once_per_quarter_with_their_mean():
    # One person answered 40 and 80 in the quarter: mean 60, not low; four others at 20.
    person = _Person([40, 80], None, None)
    cells = suppressed_table([("А", [person, *_people(4, 20)])])

    assert cells[0].people == 5
    assert cells[0].mean_index == 28.0
    assert cells[0].low_share == 80
