"""The scoring rules: weights, normalisation, a missing instrument, ties, gaps."""

from decimal import Decimal

import pytest

from assessment.scoring import (
    LEVEL_BANDS,
    InstrumentScores,
    compute,
    level_of,
    rank,
    scale_to_100,
)

NAMES = {"K01": "Стратегия", "K05": "Финансы, право и закупки"}


def test_ratings_are_normalised_from_1_4_to_0_100():
    assert scale_to_100(1) == 0
    assert scale_to_100(4) == 100
    assert round(scale_to_100(2.5), 1) == 50.0


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, 1),
        (33.2, 1),
        (33.3, 2),  # the level's score as shown: 33,3
        (33.333, 2),
        (50.3, 2),  # the nearest level would be 3; the score has not reached it
        (66.6, 2),
        (66.64, 2),
        (66.65, 3),  # shown as 66,7
        (66.7, 3),
        (99.9, 3),
        (99.95, 4),  # shown as 100,0
        (100, 4),
    ],
)
def test_a_level_is_reached_only_when_the_score_reaches_it(score, level):
    assert level_of(score) == level


def test_the_bands_are_written_as_the_scores_are_shown():
    assert [(band.level, band.text) for band in LEVEL_BANDS] == [
        (1, "от 0 до 33,2"),
        (2, "от 33,3 до 66,6"),
        (3, "от 66,7 до 99,9"),
        (4, "100"),
    ]
    # Every score shown on a page falls in exactly one band.
    for tenths in range(0, 1001):
        score = Decimal(tenths) / 10
        holding = [band.level for band in LEVEL_BANDS if band.low <= score <= band.high]
        assert holding == [level_of(score)], score


def test_a_score_between_levels_is_a_gap_for_the_upper_target():
    outcome = compute(
        instruments=[InstrumentScores("a", "Кейс", 100, {"K01": 50.3, "K05": 66.7})],
        competency_names=NAMES,
        targets={"K01": 3, "K05": 3},
        threshold=60,
    )

    assert [(gap.code, gap.level, gap.target) for gap in outcome.gaps] == [("K01", 2, 3)]


def test_competency_scores_are_weighted_over_the_instruments_that_measured_them():
    outcome = compute(
        instruments=[
            InstrumentScores("a", "Самооценка", 10, {"K01": 100.0, "K05": 50.0}),
            InstrumentScores("b", "Кейс", 30, {"K01": 0.0}),
        ],
        competency_names=NAMES,
        targets={},
        threshold=60,
    )

    assert outcome.competency_scores["K01"] == Decimal("25.0")  # (10·100 + 30·0) / 40
    assert outcome.competency_scores["K05"] == Decimal("50.0")  # only self-assessment measured it
    assert outcome.trace["competencies"]["K01"][1] == {
        "key": "b",
        "instrument": "Кейс",
        "weight": 30,
        "share": 75.0,
        "score": 0.0,
    }


def test_the_total_weighs_each_instrument_and_a_missing_one_counts_as_zero():
    outcome = compute(
        instruments=[
            InstrumentScores("a", "Самооценка", 20, {"K01": 80.0, "K05": 60.0}),  # overall 70
            InstrumentScores("b", "Тест", 30, {"K01": 90.0}),  # overall 90
            InstrumentScores("c", "Интервью", 50, None),
        ],
        competency_names=NAMES,
        targets={},
        threshold=40,
    )

    assert outcome.total == Decimal("41.0")  # (20·70 + 30·90 + 50·0) / 100
    assert outcome.passed
    assert not outcome.is_complete
    assert outcome.trace["missing"] == ["Интервью"]


def test_pass_is_at_the_threshold_inclusive():
    outcome = compute(
        instruments=[InstrumentScores("a", "Тест", 100, {"K01": 60.0})],
        competency_names=NAMES,
        targets={},
        threshold=60,
    )

    assert outcome.passed


def test_gaps_are_competencies_below_the_target_level():
    outcome = compute(
        instruments=[InstrumentScores("a", "Кейс", 100, {"K01": 100.0, "K05": 10.0})],
        competency_names=NAMES,
        targets={"K01": 3, "K05": 3},
        threshold=60,
    )

    assert [(gap.code, gap.level, gap.target) for gap in outcome.gaps] == [("K05", 1, 3)]


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    ranks = rank({1: Decimal("80.0"), 2: Decimal("91.5"), 3: Decimal("80.0"), 4: Decimal("70.0")})

    assert ranks == {2: 1, 1: 2, 3: 2, 4: 4}
