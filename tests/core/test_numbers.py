"""Ordinary rounding and shares in percent: the one helper every page and document uses."""

from decimal import Decimal

import pytest

from core.numbers import percent, round_half_up


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (12.5, 0, Decimal("13")),  # Python's round() gives 12
        (13.5, 0, Decimal("14")),
        (0.5, 0, Decimal("1")),
        (2.675, 2, Decimal("2.68")),  # the float is 2.67499…; people wrote 2,675
        (1.25, 1, Decimal("1.3")),
        (-2.5, 0, Decimal("-3")),
        (0, 1, Decimal("0.0")),
        (Decimal("66.65"), 1, Decimal("66.7")),
        (7, 0, Decimal("7")),
    ],
)
def test_it_rounds_halves_up(value, places, expected):
    assert round_half_up(value, places) == expected
    assert str(round_half_up(value, places)) == str(expected)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 8, 13),  # 12,5 %
        (3, 8, 38),  # 37,5 %
        (1, 3, 33),
        (2, 3, 67),
        (1, 200, 1),  # 0,5 %
        (5, 5, 100),
        (0, 7, 0),
    ],
)
def test_a_share_is_a_whole_percent_rounded_half_up(part, whole, expected):
    assert percent(part, whole) == expected
    assert isinstance(percent(part, whole), int)


def test_a_share_of_nothing_is_zero():
    assert percent(0, 0) == 0
    assert percent(0, 0, places=1) == Decimal("0.0")


def test_a_share_may_keep_decimals():
    assert percent(1, 8, places=1) == Decimal("12.5")
    assert percent(1, 16, places=1) == Decimal("6.3")  # 6,25 %
    assert percent(2, 3, places=1) == Decimal("66.7")
