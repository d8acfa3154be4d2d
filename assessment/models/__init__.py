"""Models of the assessment stage, a file per feature, all re-exported here: the migrations and
the other apps name them as assessment.models.X."""

from assessment.models.campaigns import (
    Campaign,
    CampaignInstrument,
    CampaignStatus,
    Participant,
)
from assessment.models.experts import (
    CalibrationDecision,
    DeclaredRelation,
    ExpertAssignment,
    ExpertProfile,
)
from assessment.models.framework import (
    Competency,
    CompetencyFramework,
    CompetencyLevel,
    LabourFunction,
    PositionGroup,
    TargetLevel,
)
from assessment.models.instruments import (
    Choice,
    Indicator,
    Instrument,
    InstrumentKind,
    Question,
    QuestionKind,
    QuestionSection,
    RubricCriterion,
    TaskVariant,
)
from assessment.models.participation import (
    FeedbackInvitation,
    FeedbackRelation,
    FeedbackResponse,
    Response,
    TestAttempt,
)
from assessment.models.results import PerformanceRating, Result, TalentReviewNote
from assessment.models.work import WorkFile, WorkSubmission

__all__ = [
    "CalibrationDecision",
    "Campaign",
    "CampaignInstrument",
    "CampaignStatus",
    "Choice",
    "Competency",
    "CompetencyFramework",
    "CompetencyLevel",
    "DeclaredRelation",
    "ExpertAssignment",
    "ExpertProfile",
    "FeedbackInvitation",
    "FeedbackRelation",
    "FeedbackResponse",
    "Indicator",
    "Instrument",
    "InstrumentKind",
    "LabourFunction",
    "Participant",
    "PerformanceRating",
    "PositionGroup",
    "Question",
    "QuestionKind",
    "QuestionSection",
    "Response",
    "Result",
    "RubricCriterion",
    "TalentReviewNote",
    "TargetLevel",
    "TaskVariant",
    "TestAttempt",
    "WorkFile",
    "WorkSubmission",
]
