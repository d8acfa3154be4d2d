"""A roadmap item with sensible defaults, for the roadmap's tests."""

import datetime

import factory

from governance.models import RoadmapItem, RoadmapStage, RoadmapStatus


class RoadmapItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapItem

    number = factory.Sequence(lambda n: f"9.{n + 1}")
    title = factory.Sequence(lambda n: f"Мероприятие дорожной карты {n + 1}")
    stage = RoadmapStage.DEVELOPMENT
    starts_on = datetime.date(2027, 1, 10)
    ends_on = datetime.date(2027, 3, 31)
    responsible = "Министерство образования Оренбургской области"
    status = RoadmapStatus.PLANNED
