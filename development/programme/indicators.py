"""The programme's indicators, computed from the plans and the assessments at this moment."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from assessment.models import Result
from candidates.models import MembershipStatus
from core.numbers import percent, round_half_up
from core.russian import quantity
from development.models import (
    WORKING_STATUSES,
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    PracticeStatus,
)


@dataclass(frozen=True)
class Indicator:
    name: str
    method: str
    value: str


def _growth_of_targeted() -> tuple[float | None, int]:
    """Return the mean score change of the competencies plans targeted, and how many were measured.

    For every plan made from a finished assessment, the later finished assessment of the same
    reservist (if any) is compared with the source, competency by competency the plan's items
    address.
    """
    plans = list(
        DevelopmentPlan.objects.filter(
            source_result__isnull=False, source_result__participant__completed_at__isnull=False
        ).values_list(
            "pk",
            "candidate_id",
            "source_result__competency_scores",
            "source_result__participant__completed_at",
        )
    )
    if not plans:
        return None, 0
    targeted: dict[int, set[str]] = defaultdict(set)
    for plan_id, code in PlanItem.objects.filter(
        plan_id__in=[row[0] for row in plans], competency__isnull=False
    ).values_list("plan_id", "competency__code"):
        targeted[plan_id].add(code)
    later: dict[int, list[tuple]] = defaultdict(list)
    for candidate_id, completed_at, scores in (
        Result.objects.filter(
            participant__candidate_id__in={row[1] for row in plans},
            participant__completed_at__isnull=False,
        )
        .order_by("participant__completed_at")
        .values_list("participant__candidate_id", "participant__completed_at", "competency_scores")
    ):
        later[candidate_id].append((completed_at, scores))
    changes = []
    for plan_id, candidate_id, before, source_completed in plans:
        after = [scores for done, scores in later[candidate_id] if done > source_completed]
        if not after:
            continue
        for code in targeted[plan_id]:
            if code in before and code in after[-1]:
                changes.append(after[-1][code] - before[code])
    if not changes:
        return None, 0
    return float(round_half_up(sum(changes) / len(changes), 1)), len(changes)


def programme_indicators(today: datetime.date, active: int) -> list[Indicator]:
    """Return the programme's indicators, each with how it is determined and its value."""
    approved = (
        DevelopmentPlan.objects.filter(
            membership__status=MembershipStatus.ACTIVE,
            status__in=[*WORKING_STATUSES, PlanStatus.COMPLETED],
        )
        .values("membership")
        .distinct()
        .count()
    )
    items = PlanItem.objects.filter(plan__status__in=[*WORKING_STATUSES, PlanStatus.COMPLETED])
    counts = items.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=PlanItemStatus.DONE)),
        overdue=Count(
            "pk",
            filter=Q(plan__status__in=WORKING_STATUSES) & PlanItem.overdue_condition(today),
        ),
        confirmed=Count("pk", filter=Q(practice_status=PracticeStatus.CONFIRMED)),
        pending=Count("pk", filter=Q(practice_status=PracticeStatus.PENDING)),
        returned=Count("pk", filter=Q(practice_status=PracticeStatus.RETURNED)),
    )
    growth, measured = _growth_of_targeted()
    return [
        Indicator(
            "Резервисты с утверждённым ИОМ",
            "число действующих резервистов, чей план утверждён, выполняется или завершён, "
            "от числа всех действующих резервистов",
            f"{approved} из {active} ({percent(approved, active)} %)",
        ),
        Indicator(
            "Выполнение пунктов ИОМ",
            "пункты утверждённых планов, выполненные с подтверждением выполнения и с "
            "применением в практике, подтверждённым наставником, руководителем организации или "
            "тьютором, от всех пунктов этих планов",
            f"{counts['done']} из {counts['total']} ({percent(counts['done'], counts['total'])} %)",
        ),
        Indicator(
            "Применение в практике, подтверждённое другим лицом",
            "пункты, применение которых в работе подтвердил наставник, руководитель организации "
            "резервиста или тьютор стажировки; для сравнения — ждущие подтверждения и "
            "возвращённые с замечанием",
            f"{quantity(counts['confirmed'], 'пункт', 'пункта', 'пунктов')}; ждут подтверждения "
            f"— {counts['pending']}, возвращено — {counts['returned']}",
        ),
        Indicator(
            "Просроченные пункты ИОМ",
            "пункты планов в работе, срок которых прошёл, а выполнение не подтверждено",
            str(counts["overdue"]),
        ),
        Indicator(
            "Прирост по компетенциям, на которые направлен ИОМ",
            "средняя разница баллов (0–100) повторной и исходной оценки по компетенциям пунктов "
            "плана",
            "повторных оценок пока нет"
            if growth is None
            else f"{growth:+.1f} балла (измерений: {measured})".replace(".", ","),
        ),
    ]
