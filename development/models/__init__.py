"""Models of the development stage."""

from development.catalogue.models import (
    Activity,
    ActivityFormat,
    ActivityKind,
    ProgrammeModule,
)
from development.mentoring.models import (
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    MentorStrength,
    NeighbourPair,
    SessionConfirmation,
    SessionFormat,
)
from development.plans.models import (
    WORKING_STATUSES,
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    PlanStatusChange,
)
from development.wellbeing.models import PulseResponse

__all__ = [
    "WORKING_STATUSES",
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
