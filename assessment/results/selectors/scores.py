"""What each instrument scored for each participant of a campaign, from the raw answers."""

from collections import defaultdict
from operator import attrgetter

from assessment.models import (
    CalibrationDecision,
    Campaign,
    CampaignInstrument,
    ExpertAssignment,
    FeedbackResponse,
    Indicator,
    InstrumentKind,
    Participant,
    Response,
    RubricCriterion,
    TargetLevel,
    TaskVariant,
    TestAttempt,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.models.instruments import EXPERT_KINDS, choose_variant
from assessment.models.participation import FEEDBACK_MIN_GROUP
from assessment.scoring import InstrumentScores, mean, scale_to_100


def _indicator_scores(answer_sets: list[dict], competency_of: dict[int, str]) -> dict[str, float]:
    by_competency: dict[str, list[float]] = defaultdict(list)
    for answers in answer_sets:
        for indicator_id, value in answers.items():
            code = competency_of.get(int(indicator_id))
            if code is not None and value:
                by_competency[code].append(float(value))
    return {code: scale_to_100(mean(values)) for code, values in by_competency.items()}


class CampaignData:
    """Everything needed to score a campaign, loaded in a fixed number of queries."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        # Read through the campaign, so that each instrument knows it without a query.
        self.instruments = sorted(
            campaign.instruments.select_related("instrument"), key=attrgetter("display_order")
        )
        instrument_ids = [ci.instrument_id for ci in self.instruments]
        self.indicator_competency = dict(
            Indicator.objects.filter(instrument_id__in=instrument_ids).values_list(
                "id", "competency__code"
            )
        )
        self.criteria = {
            criterion.id: criterion
            for criterion in RubricCriterion.objects.filter(
                instrument_id__in=instrument_ids
            ).select_related("competency")
        }
        # Each instrument's task variants: an expert rates a participant by their variant's rubric.
        self.variants: dict[int, list[TaskVariant]] = defaultdict(list)
        for variant in (
            TaskVariant.objects.filter(instrument_id__in=instrument_ids)
            .prefetch_related("position_kinds")
            .order_by("sort_order", "pk")
        ):
            self.variants[variant.instrument_id].append(variant)
        ci_ids = [ci.id for ci in self.instruments]
        self.responses = defaultdict(dict)
        for response in Response.objects.filter(
            campaign_instrument_id__in=ci_ids, submitted_at__isnull=False
        ):
            self.responses[response.participant_id][response.campaign_instrument_id] = response
        self.feedback = defaultdict(lambda: defaultdict(list))
        for feedback in FeedbackResponse.objects.filter(campaign_instrument_id__in=ci_ids):
            self.feedback[feedback.participant_id][feedback.campaign_instrument_id].append(feedback)
        self.attempts = defaultdict(dict)
        for attempt in TestAttempt.objects.filter(
            campaign_instrument_id__in=ci_ids, is_void=False, submitted_at__isnull=False
        ):
            self.attempts[attempt.participant_id][attempt.campaign_instrument_id] = attempt
        self.ratings = defaultdict(lambda: defaultdict(list))
        # (participant, instrument) pairs where an assigned expert is still rating.
        self.pending_panels: set[tuple[int, int]] = set()
        for assignment in ExpertAssignment.objects.filter(
            campaign_instrument_id__in=ci_ids
        ).select_related("expert"):
            key = (assignment.participant_id, assignment.campaign_instrument_id)
            if assignment.submitted_at is None:
                self.pending_panels.add(key)
                continue
            self.ratings[key[0]][key[1]].append(assignment)
        self.calibrations = {
            (c.participant_id, c.campaign_instrument_id, c.criterion_id): c
            for c in CalibrationDecision.objects.filter(campaign_instrument_id__in=ci_ids)
        }
        self.competency_names = dict(
            campaign.framework.competencies.order_by("sort_order", "code").values_list(
                "code", "name"
            )
        )
        # The targets of each post: {position kind id: {competency code: level}}.
        self.targets: dict[int, dict[str, int]] = defaultdict(dict)
        for post, code, level in TargetLevel.objects.filter(
            competency__framework=campaign.framework
        ).values_list("position_kind_id", "competency__code", "level"):
            self.targets[post][code] = level

    def expert_scores(
        self, participant: Participant, ci: CampaignInstrument
    ) -> tuple[dict[str, float] | None, list[dict]]:
        """Return the expert instrument's scores and the criteria where experts disagree.

        The instrument counts once at least two experts have submitted and no assigned expert is
        still rating: a third expert's late scores would otherwise change a result already shown.
        """
        assignments = self.ratings[participant.id][ci.id]
        if len(assignments) < MIN_EXPERTS or (participant.id, ci.id) in self.pending_panels:
            return None, []
        scores: dict[str, float] = {}
        disagreements = []
        variant = choose_variant(self.variants[ci.instrument_id], participant.position_kind_id)
        variant_id = variant.pk if variant is not None else None
        for criterion_id, criterion in self.criteria.items():
            if criterion.instrument_id != ci.instrument_id or criterion.variant_id != variant_id:
                continue
            given = [
                float(a.scores[str(criterion_id)])
                for a in assignments
                if a.scores.get(str(criterion_id))
            ]
            if not given:
                continue
            calibration = self.calibrations.get((participant.id, ci.id, criterion_id))
            spread = max(given) - min(given)
            if calibration is not None:
                value = float(calibration.agreed_score)
            else:
                value = mean(given)
                if spread > self.campaign.disagreement_threshold:
                    disagreements.append(
                        {
                            "criterion_id": criterion_id,
                            "campaign_instrument_id": ci.id,
                            "code": criterion.competency.code,
                            "competency": criterion.competency.name,
                            "scores": given,
                        }
                    )
            scores[criterion.competency.code] = scale_to_100(value)
        return scores, disagreements

    def instrument_scores(self, participant: Participant) -> tuple[list[InstrumentScores], list]:
        """Return each campaign instrument's scores for the participant and any disagreements."""
        result = []
        disagreements: list[dict] = []
        for ci in self.instruments:
            kind = ci.instrument.kind
            scores: dict[str, float] | None = None
            if kind == InstrumentKind.SELF_ASSESSMENT:
                response = self.responses[participant.id].get(ci.id)
                if response is not None:
                    scores = _indicator_scores([response.answers], self.indicator_competency)
            elif kind == InstrumentKind.FEEDBACK_360:
                answers = self.feedback[participant.id][ci.id]
                if len(answers) >= FEEDBACK_MIN_GROUP and ci.is_collection_over():
                    scores = _indicator_scores(
                        [answer.answers for answer in answers], self.indicator_competency
                    )
            elif kind == InstrumentKind.KNOWLEDGE_TEST:
                attempt = self.attempts[participant.id].get(ci.id)
                if attempt is not None:
                    scores = {
                        code: correct / asked * 100
                        for code, (correct, asked) in attempt.score_by_competency.items()
                        if asked
                    }
            elif kind in EXPERT_KINDS:
                scores, found = self.expert_scores(participant, ci)
                disagreements += [{**item, "instrument": ci.instrument.name} for item in found]
            result.append(
                InstrumentScores(
                    key=str(ci.id), name=ci.instrument.name, weight=ci.weight, scores=scores or None
                )
            )
        return result, disagreements
