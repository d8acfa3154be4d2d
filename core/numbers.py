"""Numbers as people read them: ordinary rounding (half up) and shares in percent.

Python's round() rounds halves to even (round(12.5) == 12); a share on a report must follow the
school rule a reader checks it by (12,5 % → 13 %). Every share and every rounded figure on a page
or in a document goes through these two functions.
"""

import math
from decimal import Decimal
from fractions import Fraction

Number = int | float | Decimal | Fraction


def _exact(value: Number) -> Fraction:
    """Return the value as an exact fraction; a float as the decimal it prints (0.285 → 57/200)."""
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def round_half_up(value: Number, places: int = 0) -> Decimal:
    """Return the value rounded to `places` decimals, halves away from zero: 2,5 → 3; −2,5 → −3."""
    scaled = _exact(value) * 10**places
    rounded = math.floor(abs(scaled) + Fraction(1, 2))
    signed = -rounded if scaled < 0 else rounded
    return Decimal(signed).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def percent(part: Number, whole: Number, places: int = 0) -> int | Decimal:
    """Return part of whole in percent, rounded half up: 1 of 8 → 13; 0 when the whole is 0.

    A whole number with places=0 (what most pages show), a Decimal with `places` decimals
    otherwise.
    """
    if not whole:
        return 0 if places == 0 else round_half_up(0, places)
    value = round_half_up(_exact(part) * 100 / _exact(whole), places)
    return int(value) if places == 0 else value
