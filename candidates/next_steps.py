"""The applicant's next steps in the selection stage: applications to finish or to correct."""

import datetime

from django.urls import reverse

from candidates import access
from candidates.models import NominationStatus
from candidates.selectors import nomination_missing_items
from core.next_steps import ACT_NOW, OPEN, NextStep

# Listed one by one up to this many; beyond, the rest are counted.
SHOWN_MISSING = 4


def next_steps_for(user, *, today: datetime.date) -> list[NextStep]:
    """Return what the person's own applications wait for: a correction, missing sections."""
    if not access.is_applicant(user):
        return []
    steps = []
    nominations = (
        access.nominations_visible_to(user)
        .filter(status__in=[NominationStatus.DRAFT, NominationStatus.RETURNED])
        .select_related("position_kind", "candidate__user")
        .order_by("created_at")
    )
    for nomination in nominations:
        url = reverse("candidates:applicant_nomination", args=[nomination.pk])
        post = nomination.position_kind.name
        if nomination.status == NominationStatus.RETURNED:
            steps.append(
                NextStep(
                    text=f"Исправьте заявку на должность «{post}»: её вернули на доработку",
                    url=url,
                    note=nomination.return_reason,
                    priority=ACT_NOW,
                )
            )
            continue
        missing = nomination_missing_items(nomination)
        if not missing:
            steps.append(
                NextStep(text=f"Подайте заявку на должность «{post}»: всё заполнено", url=url)
            )
            continue
        shown = ", ".join(missing[:SHOWN_MISSING])
        rest = len(missing) - SHOWN_MISSING
        steps.append(
            NextStep(
                text=f"Заполните заявку на должность «{post}»",
                url=url,
                note=f"Не хватает: {shown}{f' и ещё {rest}' if rest > 0 else ''}.",
                priority=OPEN,
            )
        )
    return steps
