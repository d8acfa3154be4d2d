"""The talent review's 9-box: potential from the assessment total, performance from staff."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from assessment.models import Campaign, Participant, PerformanceRating
from assessment.models.results import FINAL_PARTICIPANT
from assessment.scoring import potential_of

POTENTIAL_TITLES = {1: "низкий", 2: "средний", 3: "высокий"}
PERFORMANCE_TITLES = {1: "ниже ожиданий", 2: "соответствует ожиданиям", 3: "выше ожиданий"}
# What each cell means for a reservist's development, in the ministry's words.
BOX_TITLES = {
    (3, 3): "Готов к назначению",
    (3, 2): "Высокий потенциал",
    (3, 1): "Потенциал не раскрыт",
    (2, 3): "Сильный исполнитель",
    (2, 2): "Основной резерв",
    (2, 1): "Требует внимания",
    (1, 3): "Эксперт на своём месте",
    (1, 2): "Стабильный работник",
    (1, 1): "Вне резерва",
}


@dataclass
class Placed:
    participant: Participant
    rating: PerformanceRating | None
    potential: int


@dataclass
class Grid:
    """The campaign's people placed on the 9-box, and those without a performance rating."""

    campaign: Campaign
    cells: dict[tuple[int, int], list[Placed]] = field(default_factory=dict)
    unrated: list[Placed] = field(default_factory=list)
    # People whose assessment is not finished: no potential may be read from their total yet.
    not_finished: int = 0

    def rows(self) -> list[dict]:
        """Return the grid rows, high potential first, performance left to right."""
        return [
            {
                "potential": potential,
                "title": POTENTIAL_TITLES[potential],
                "cells": [
                    {
                        "key": f"{potential}-{performance}",
                        "title": BOX_TITLES[(potential, performance)],
                        "people": self.cells.get((potential, performance), []),
                    }
                    for performance in (1, 2, 3)
                ],
            }
            for potential in (3, 2, 1)
        ]


def latest_ratings(candidate_ids: list[int]) -> dict[int, PerformanceRating]:
    """Return each candidate's latest performance rating, in one query."""
    latest: dict[int, PerformanceRating] = {}
    for rating in PerformanceRating.objects.filter(candidate_id__in=candidate_ids).order_by(
        "candidate_id", "-rated_at", "-id"
    ):
        latest.setdefault(rating.candidate_id, rating)
    return latest


def talent_grid(campaign: Campaign, participants: QuerySet[Participant]) -> Grid:
    """Place the campaign's participants with results on the 9-box."""
    with_results = participants.filter(campaign=campaign, result__isnull=False)
    people = list(
        with_results.filter(FINAL_PARTICIPANT)
        .select_related("candidate", "municipality", "result")
        .order_by("-result__total", "candidate__last_name", "pk")
    )
    ratings = latest_ratings([p.candidate_id for p in people])
    grid = Grid(campaign=campaign, not_finished=with_results.count() - len(people))
    for participant in people:
        rating = ratings.get(participant.candidate_id)
        potential = potential_of(participant.result.total, campaign.pass_threshold)
        placed = Placed(participant=participant, rating=rating, potential=potential)
        if rating is None:
            grid.unrated.append(placed)
        else:
            grid.cells.setdefault((potential, rating.rating), []).append(placed)
    return grid
