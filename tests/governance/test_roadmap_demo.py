"""The demo roadmap: about 25 items over 2026–2028, every stage, two left overdue."""

import datetime
import random

from demo import roadmap
from governance.models import RoadmapItem, RoadmapStage


def test_the_demo_roadmap_covers_every_stage_and_shows_overdue_items(db):
    today = datetime.date(2026, 12, 2)

    lines = roadmap.seed(rng=random.Random(1), today=today)
    again = roadmap.has_data()

    items = RoadmapItem.objects.all()
    assert 20 <= items.count() <= 30
    assert {item.stage for item in items} == set(RoadmapStage.values)
    assert min(item.starts_on.year for item in items) == 2026
    assert max(item.ends_on.year for item in items) == 2028
    overdue = items.filter(RoadmapItem.overdue_condition(today))
    assert sorted(overdue.values_list("number", flat=True)) == ["2.2", "3.2"]
    assert items.exclude(indicator_code="").count() >= 8
    assert all(item.responsible and item.indicator for item in items)
    assert again is True
    assert lines == [f"дорожная карта 2026–2028: мероприятий {items.count()}, просрочено 2"]
