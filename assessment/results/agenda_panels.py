"""Commission agenda panels: each nomination's latest assessment result on the selection stage's
commission pages, offered through candidates/extensions.py."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from assessment.models import Result


def agenda_result_panels(nomination_ids: list[int]) -> dict[int, SafeString]:
    """Return, per nomination, its latest assessment result as a short summary (one query)."""
    latest: dict[int, Result] = {}
    results = (
        Result.objects.filter(participant__nomination_id__in=nomination_ids)
        .select_related("participant")
        .order_by("participant__nomination_id", "-participant__campaign__starts_on", "-pk")
    )
    for result in results:
        latest.setdefault(result.participant.nomination_id, result)
    return {
        nomination_id: mark_safe(  # noqa: S308 — rendered by our own autoescaping template
            render_to_string(
                "assessment/_result_summary.html", {"result": latest.get(nomination_id)}
            )
        )
        for nomination_id in nomination_ids
    }
