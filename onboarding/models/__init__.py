"""Every model of the appointment stage, from its feature, for migrations and models.X."""

from onboarding.appointments.models import (
    Appointment,
    AppointmentStatus,
    Attestation,
    AttestationDecision,
    AttestationKind,
)
from onboarding.induction.models import (
    CheckpointMonth,
    InductionCheckpoint,
    InductionPlan,
    InductionStatus,
    InductionTask,
    InductionTemplate,
    InductionTemplateTask,
    ProbationOutcome,
)
from onboarding.shortlists.models import (
    Offer,
    OfferStatus,
    ReservistPreference,
    ShortlistEntry,
    ShortlistMove,
)
from onboarding.vacancies.models import (
    OPEN_STATUSES,
    ClosureReason,
    Vacancy,
    VacancyReason,
    VacancySource,
    VacancyStatus,
    VacancyStatusChange,
)

__all__ = ["Appointment", "AppointmentStatus", "Attestation", "AttestationDecision"]
__all__ += ["AttestationKind", "CheckpointMonth", "InductionCheckpoint", "InductionPlan"]
__all__ += ["InductionStatus", "InductionTask", "InductionTemplate", "InductionTemplateTask"]
__all__ += ["Offer", "OfferStatus", "ProbationOutcome", "ReservistPreference", "ShortlistEntry"]
__all__ += ["OPEN_STATUSES", "ClosureReason", "ShortlistMove", "Vacancy", "VacancyReason"]
__all__ += ["VacancySource", "VacancyStatus", "VacancyStatusChange"]
