"""Models of the development stage."""

from development.models.catalogue import (
    Activity,
    ActivityFormat,
    ActivityKind,
    ProgrammeModule,
)
from development.models.mentoring import (
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    MentorStrength,
    NeighbourPair,
    SessionConfirmation,
    SessionFormat,
)
from development.models.plans import (
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    PlanStatusChange,
)
from development.models.wellbeing import PulseResponse

__all__ = [
    "Activity",
    "ActivityFormat",
    "ActivityKind",
    "DevelopmentPlan",
    "Mentor",
    "MentorStrength",
    "MentoringSession",
    "Mentorship",
    "MentorshipStatus",
    "NeighbourPair",
    "PlanItem",
    "PlanItemStatus",
    "PlanStatus",
    "PlanStatusChange",
    "ProgrammeModule",
    "PulseResponse",
    "SessionConfirmation",
    "SessionFormat",
]
