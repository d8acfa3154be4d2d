"""What a person should do next: each stage lists its steps, the home page puts them in order.

A stage exposes `next_steps_for(user, *, today)` returning NextStep rows, registered by one line in
reserve_portal/next_steps.py; the home page orders them all by urgency with ordered().
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

# How urgent a step is, most urgent first.
ACT_NOW = 0  # something came back to the person, or its date has passed
DATED = 1  # to do by a date
OPEN = 2  # to do, no date set
NEWS = 3  # something to look at (a result, a decision)


@dataclass(frozen=True)
class NextStep:
    """Something the person should do (or see), where it is done, and by when."""

    text: str
    url: str
    due: datetime.date | None = None
    priority: int | None = None  # None: decided by the date (dated or open)
    note: str = ""

    def urgency(self, today: datetime.date) -> int:
        """Return the step's rank: past its date first, then its priority, dated, open."""
        if self.due is not None and self.due < today:
            return ACT_NOW
        if self.priority is not None:
            return self.priority
        return DATED if self.due is not None else OPEN


def ordered(steps: Iterable[NextStep], today: datetime.date) -> list[NextStep]:
    """Return the steps most urgent first; among equals, the nearest date first."""
    return sorted(
        steps,
        key=lambda step: (step.urgency(today), step.due or datetime.date.max, step.text),
    )
