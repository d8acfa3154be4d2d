"""The scoring rules: from instrument scores to competency scores, a weighted total, rank, gaps.

Every number a result page shows comes from here, and the trace says how it was obtained.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal


def scale_to_100(mean_on_1_to_4: float) -> float:
    """Return a 1–4 rating mean on the 0–100 scale (1 → 0, 4 → 100)."""
    return (mean_on_1_to_4 - 1) / 3 * 100


def level_of(score: float) -> int:
    """Return the competency level 1–4 nearest to a 0–100 score."""
    return int(Decimal(score * 3 / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) + 1


def score_of_level(level: int) -> float:
    """Return the 0–100 score that corresponds to a level."""
    return (level - 1) / 3 * 100


def round1(value: float) -> Decimal:
    """Return the value rounded to one decimal, half up, as shown on screens."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


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
                "share": float(round1(instrument.weight / weight_sum * 100)),
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
