"""Commission agenda panels: each nomination's latest assessment result on the selection stage's
commission pages, offered through candidates/extensions.py."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from assessment.models import Result
from assessment.results.wording import result_verdict


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
