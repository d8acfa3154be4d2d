"""The home pages' dashboards: the region for the ministry, the municipality for a coordinator."""

import datetime

from core.numbers import round_half_up
from governance.roadmap.selectors import roadmap_state
from monitoring.indicators.attention import attention_for
from monitoring.indicators.base import COUNT, SHARE
from monitoring.indicators.definitions import BY_CODE
from monitoring.indicators.periods import period_choices, period_for
from monitoring.indicators.selectors import Cell, dashboard, trend
from registry.models import Municipality

KEY_CODES = [
    "reserve_size",
    "nominations_total",
    "plans_share",
    "plan_items_done_share",
    "practice_evidence_share",
    "mentored_share",
    "reports_on_time_share",
    "appointed_from_reserve",
    "overdue_plan_items",
]


def _float(cell: Cell | None) -> float | None:
    if cell is None or cell.value is None:
        return None
    return float(cell.value)


def _average_text(indicator, region: Cell, municipalities: int) -> str:
    """Return the region's figure per municipality for counts (one decimal), as is for shares."""
    if indicator.kind != COUNT or not municipalities:
        return region.text
    exact = region.figure.numerator / indicator.divisor / municipalities
    value = round_half_up(exact, 1)
    if exact and not value:
        # 2 appointments over 42 municipalities are not «0,0»: give the small mean its digits.
        value = round_half_up(exact, 2)
        if not value:
            return "менее 0,01"
    return f"{value}".replace(".", ",")


def home_dashboard(user, *, period_key: str | None, today: datetime.date) -> dict:
    """Return the context of a home dashboard: key indicators, charts' data, attention list."""
    key, period = period_for(period_key, today)
    indicators = [BY_CODE[code] for code in KEY_CODES]
    board = dashboard(user, period=period, today=today, indicators=indicators)
    single = board.rows[0] if len(board.rows) == 1 else None
    municipalities = Municipality.objects.count()
    comparison = [
        {
            "indicator": indicator,
            "own": single.cells[index] if single else None,
            "region": board.region.cells[index],
            "average": _average_text(indicator, board.region.cells[index], municipalities),
        }
        for index, indicator in enumerate(indicators)
    ]
    size = KEY_CODES.index("reserve_size")
    ranked = [row for row in board.rows if row.cells[size].value]
    ranked.sort(key=lambda row: row.cells[size].value, reverse=True)
    shares = [entry for entry in comparison if entry["indicator"].kind == SHARE]
    reserve_trend = trend(
        "reserve_size", municipality_id=single.municipality_id if single else None
    )
    return {
        "board": board,
        "comparison": comparison,
        "period_key": key,
        "period_choices": [(choice, p.label) for choice, p in period_choices(today)],
        "attention": attention_for(user, today=today),
        "roadmap": roadmap_state(today=today),
        "charts": {
            "municipalities": {
                "labels": [row.name for row in ranked],
                "values": [float(row.cells[size].value) for row in ranked],
            },
            "shares": {
                "labels": [entry["indicator"].title for entry in shares],
                "own": [_float(entry["own"]) for entry in shares],
                "region": [_float(entry["region"]) for entry in shares],
            },
            "trend": {
                "labels": [f"{s.month:%m.%Y}" for s in reserve_trend],
                "values": [float(s.value) if s.value is not None else None for s in reserve_trend],
            },
        },
    }
