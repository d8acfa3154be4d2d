"""The scoring rules: weights, normalisation, a missing instrument, ties, gaps."""

from decimal import Decimal

from assessment.scoring import InstrumentScores, compute, level_of, rank, scale_to_100

NAMES = {"K01": "Стратегия", "K05": "Финансы, право и закупки"}


def test_ratings_are_normalised_from_1_4_to_0_100():
    assert scale_to_100(1) == 0
    assert scale_to_100(4) == 100
    assert round(scale_to_100(2.5), 1) == 50.0


def test_levels_round_to_the_nearest():
    assert [level_of(0), level_of(33.4), level_of(50), level_of(83.4), level_of(100)] == [
        1,
        2,
        3,
        4,
        4,
    ]


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
