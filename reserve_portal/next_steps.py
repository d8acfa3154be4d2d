"""The person's «что сделать дальше»: every stage's steps, gathered here and put in order.

A stage exposes `next_steps_for(user, *, today)` returning core.next_steps.NextStep rows; it joins
the home page by importing its selector here and adding it to NEXT_STEP_SELECTORS. Plain imports:
a missing selector stops the portal at start-up instead of quietly leaving its steps out.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from assessment.participation.next_steps import next_steps_for as assessment_steps
from candidates.next_steps import next_steps_for as selection_steps
from core.next_steps import NextStep, ordered
from development.next_steps import next_steps_for as development_steps
from monitoring.halfyear.selectors import next_steps_for as report_steps
from onboarding.overview import next_steps_for as onboarding_steps

NEXT_STEP_SELECTORS: tuple[Callable, ...] = (
    selection_steps,  # applications to finish or to correct
    assessment_steps,  # instruments to answer, results
    development_steps,  # meetings to confirm, plan items due, a plan to send or start
    onboarding_steps,  # offers to answer, induction tasks
    report_steps,  # half-yearly reports due or returned
)

_selectors: dict[str, Callable] = {
    f"{selector.__module__}.{selector.__name__}": selector for selector in NEXT_STEP_SELECTORS
}


@dataclass(frozen=True)
class ShownStep:
    """A step as the home page shows it: the stage's row and whether its date has passed."""

    text: str
    url: str
    due: datetime.date | None
    note: str
    overdue: bool


def next_steps_for(user, *, today: datetime.date) -> list[ShownStep]:
    """Return what the person should do next across all stages, most urgent first."""
    steps = []
    for path, selector in _selectors.items():
        for step in selector(user, today=today):
            if not isinstance(step, NextStep):
                raise TypeError(
                    f"{path} returned a {type(step).__name__}; steps are core.next_steps.NextStep"
                )
            steps.append(step)
    return [
        ShownStep(
            text=step.text,
            url=step.url,
            due=step.due,
            note=step.note,
            overdue=step.due is not None and step.due < today,
        )
        for step in ordered(steps, today)
    ]
