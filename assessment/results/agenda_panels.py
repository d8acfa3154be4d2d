"""What the selection stage's commission pages learn from assessment (candidates/extensions.py):
each nomination's latest result as a panel, and its verdict against the Regulation's pass mark."""

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from assessment.models import CampaignStatus, Result
from assessment.results.wording import result_verdict
from candidates.extensions import AssessmentVerdict


def _summary(result: Result | None) -> dict:
    threshold = result.participant.campaign.pass_threshold if result else 0
    return {"result": result, "verdict": result_verdict(result, threshold)}


def agenda_result_panels(nomination_ids: list[int]) -> dict[int, SafeString]:
    """Return, per nomination, its latest assessment result as a short summary (one query)."""
    latest: dict[int, Result] = {}
    results = (
        Result.objects.filter(participant__nomination_id__in=nomination_ids)
        .select_related("participant__campaign")
        .order_by("participant__nomination_id", "-participant__campaign__starts_on", "-pk")
    )
    for result in results:
        latest.setdefault(result.participant.nomination_id, result)
    return {
        nomination_id: mark_safe(  # noqa: S308 — rendered by our own autoescaping template
            render_to_string("assessment/_result_summary.html", _summary(latest.get(nomination_id)))
        )
        for nomination_id in nomination_ids
    }


def _number(value) -> str:
    return f"{value:.1f}".replace(".", ",")


def nomination_verdicts(nomination_ids: list[int], threshold: int) -> dict[int, AssessmentVerdict]:
    """Return, per nomination, its latest finished result against the pass mark (one query).

    A result counts once the participant completed the assessment or the campaign is closed;
    the deficits offered as refusal reasons are the result's own: the total below the pass mark
    and each competency below its target level.
    """
    latest: dict[int, Result] = {}
    results = (
        Result.objects.filter(participant__nomination_id__in=nomination_ids)
        .filter(
            Q(participant__completed_at__isnull=False)
            | Q(participant__campaign__status=CampaignStatus.CLOSED)
        )
        .select_related("participant__campaign")
        .order_by("participant__nomination_id", "-participant__campaign__starts_on", "-pk")
    )
    for result in results:
        latest.setdefault(result.participant.nomination_id, result)
    verdicts = {}
    for nomination_id, result in latest.items():
        campaign = result.participant.campaign
        deficits = []
        if result.total < threshold:
            deficits.append(
                f"итоговый балл комплексной оценки {_number(result.total)} ниже проходного "
                f"({threshold})"
            )
        deficits += [
            f"дефицит компетенции «{gap['name']}»: уровень {gap['level']} при требуемом "
            f"{gap['target']}"
            for gap in result.gaps
        ]
        verdicts[nomination_id] = AssessmentVerdict(
            finished=True,
            total=result.total,
            summary=(
                f"итоговый балл {_number(result.total)} из 100 (кампания «{campaign.name}», "
                f"проходной балл по Положению — {threshold})"
            ),
            deficits=tuple(deficits),
        )
    return verdicts
