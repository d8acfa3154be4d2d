"""Every model of the development stage, from its feature, for migrations and models.X."""

from development.catalogue.models import Activity, ActivityFormat, ActivityKind, ProgrammeModule
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
    PracticeReview,
    PracticeStatus,
    ReviewDecision,
)
from development.practice.models import (
    GoodPractice,
    PracticeState,
    PracticeWitness,
    WitnessKind,
)
from development.programme.models import (
    PartnerRole,
    ProgrammePartner,
    ProgrammePassport,
    ProgrammeResource,
    ResourceKind,
)
from development.wellbeing.models import PulseResponse, PulseScale, SupportRequest, SupportStatus

__all__ = ["Activity", "ActivityFormat", "ActivityKind", "ProgrammeModule", "PulseResponse"]
__all__ += ["Mentor", "MentorStrength", "MentoringSession", "Mentorship", "MentorshipStatus"]
__all__ += ["NeighbourPair", "SessionConfirmation", "SessionFormat"]
__all__ += ["WORKING_STATUSES", "DevelopmentPlan", "PlanItem", "PlanItemStatus", "PlanStatus"]
__all__ += ["PlanStatusChange"]
__all__ += ["PartnerRole", "ProgrammePartner", "ProgrammePassport", "ProgrammeResource"]
__all__ += ["ResourceKind"]
__all__ += ["PracticeReview", "PracticeStatus", "ReviewDecision"]
__all__ += ["GoodPractice", "PracticeState", "PracticeWitness", "WitnessKind"]
__all__ += ["PulseScale", "SupportRequest", "SupportStatus"]
