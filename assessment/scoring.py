"""The scoring rules: from instrument scores to competency scores, a weighted total, rank, gaps.

Every number a result page shows comes from here, and the trace says how it was obtained.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from core.numbers import percent, round_half_up


def scale_to_100(mean_on_1_to_4: float) -> float:
    """Return a 1–4 rating mean on the 0–100 scale (1 → 0, 4 → 100)."""
    return (mean_on_1_to_4 - 1) / 3 * 100


def score_of_level(level: int) -> float:
    """Return the 0–100 score that corresponds to a level (the target line of the profile)."""
    return (level - 1) / 3 * 100


def round1(value: float | Decimal) -> Decimal:
    """Return the value rounded to one decimal, half up, as shown on screens."""
    return round_half_up(value, 1)


# The level bands, the one place that says which score is which level. Level N is reached when
# the score, as shown (one decimal), reaches the score of level N: 0,0 · 33,3 · 66,7 · 100,0.
# A score between two levels is the lower one — 50,3 is level 2, never rounded up to 3 — so that
# «уровень 3» on a page always means the score reached the target line of level 3.
LEVELS = (1, 2, 3, 4)
LEVEL_FLOORS: dict[int, Decimal] = {level: round1(score_of_level(level)) for level in LEVELS}
STEP = Decimal("0.1")


@dataclass(frozen=True)
class LevelBand:
    """The scores (as shown, one decimal) that make a level."""

    level: int
    low: Decimal
    high: Decimal  # inclusive: the last score shown before the next level

    @property
    def text(self) -> str:
        """Return the band in words: «от 33,3 до 66,6», or «100» for the top level."""
        if self.low == self.high:
            return _comma(self.low)
        return f"от {_comma(self.low)} до {_comma(self.high)}"


def _comma(value: Decimal) -> str:
    """Return 33,3 for 33.3 and 100 for 100.0, as the bands are written."""
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value}".replace(".", ",")


LEVEL_BANDS: tuple[LevelBand, ...] = tuple(
    LevelBand(
        level=level,
        low=LEVEL_FLOORS[level],
        high=LEVEL_FLOORS[level + 1] - STEP if level + 1 in LEVEL_FLOORS else LEVEL_FLOORS[level],
    )
    for level in LEVELS
)


def level_of(score: float | Decimal) -> int:
    """Return the highest level 1–4 whose band the score (rounded to one decimal) has reached."""
    shown = round1(score)
    reached = [level for level in LEVELS if shown >= LEVEL_FLOORS[level]]
    return reached[-1] if reached else LEVELS[0]


@dataclass(frozen=True)
class InstrumentScores:
    """One campaign instrument's contribution: its weight and its scores per competency."""

    key: str
    name: str
    weight: int
    scores: Mapping[str, float] | None  # None: the participant has no result for it

    @property
    def overall(self) -> float | None:
        if not self.scores:
            return None
        return sum(self.scores.values()) / len(self.scores)


@dataclass(frozen=True)
class Gap:
    code: str
    name: str
    level: int
    target: int


@dataclass
class Outcome:
    competency_scores: dict[str, Decimal]
    total: Decimal
    passed: bool
    gaps: list[Gap]
    is_complete: bool
    trace: dict = field(default_factory=dict)


def compute(
    *,
    instruments: Sequence[InstrumentScores],
    competency_names: Mapping[str, str],
    targets: Mapping[str, int],
    threshold: int,
) -> Outcome:
    """Return the participant's result.

    A competency's score is the weighted mean of the instruments that measured it (weights
    renormalised over those instruments). The total is the weighted mean of every instrument's
    overall score over all the campaign's weights: an instrument not taken counts as 0.
    """
    competency_scores: dict[str, Decimal] = {}
    competency_trace: dict[str, list] = {}
    for code in competency_names:
        parts = [
            (instrument, instrument.scores[code])
            for instrument in instruments
            if instrument.scores and code in instrument.scores
        ]
        weight_sum = sum(instrument.weight for instrument, _ in parts)
        if not parts or weight_sum == 0:
            competency_trace[code] = []
            continue
        value = sum(instrument.weight * score for instrument, score in parts) / weight_sum
        competency_scores[code] = round1(value)
        competency_trace[code] = [
            {
                "key": instrument.key,
                "instrument": instrument.name,
                "weight": instrument.weight,
                "share": float(percent(instrument.weight, weight_sum, places=1)),
                "score": float(round1(score)),
            }
            for instrument, score in parts
        ]
    total_weight = sum(instrument.weight for instrument in instruments)
    weighted = sum(instrument.weight * (instrument.overall or 0.0) for instrument in instruments)
    total = round1(weighted / total_weight) if total_weight else Decimal("0.0")
    gaps = [
        Gap(code=code, name=competency_names[code], level=level_of(float(score)), target=target)
        for code, score in competency_scores.items()
        if (target := targets.get(code)) and level_of(float(score)) < target
    ]
    missing = [instrument.name for instrument in instruments if instrument.overall is None]
    trace = {
        "instruments": [
            {
                "key": instrument.key,
                "name": instrument.name,
                "weight": instrument.weight,
                "overall": None
                if instrument.overall is None
                else float(round1(instrument.overall)),
                "missing": instrument.overall is None,
            }
            for instrument in instruments
        ],
        "competencies": competency_trace,
        "missing": missing,
        "threshold": threshold,
        "total_weight": total_weight,
    }
    return Outcome(
        competency_scores=competency_scores,
        total=total,
        passed=total >= threshold,
        gaps=gaps,
        is_complete=not missing,
        trace=trace,
    )


def rank(totals: Mapping[int, Decimal]) -> dict[int, int]:
    """Return competition ranks (1, 2, 2, 4) by total, highest first; equal totals share a rank."""
    ordered = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    ranks: dict[int, int] = {}
    previous_total = None
    previous_rank = 0
    for position, (key, total) in enumerate(ordered, start=1):
        if total != previous_total:
            previous_rank = position
            previous_total = total
        ranks[key] = previous_rank
    return ranks


def mean(values: Sequence[float]) -> float | None:
    """Return the arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


# The talent review's potential axis: thirds by the campaign's pass threshold.
POTENTIAL_BAND = 20


def potential_of(total: Decimal | float, threshold: int) -> int:
    """Return the 9-box potential 1–3: below the pass threshold, up to 20 points above, higher."""
    if total < threshold:
        return 1
    if total < threshold + POTENTIAL_BAND:
        return 2
    return 3


def potential_bands(threshold: int) -> list[tuple[int, str]]:
    """Return the potential levels with the totals that fall in each, highest first."""
    upper = threshold + POTENTIAL_BAND
    if upper > 100:
        return [
            (3, "не достигается: порог + 20 больше 100"),
            (2, f"от {threshold}"),
            (1, f"ниже {threshold}"),
        ]
    return [
        (3, f"{upper} и выше"),
        (2, f"от {threshold} до {upper}, не включая {upper}"),
        (1, f"ниже {threshold}"),
    ]
