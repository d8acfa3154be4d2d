"""Reads behind a participant's result: the profile, how it was computed, the raw evidence."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from assessment.models import (
    CalibrationDecision,
    CampaignInstrument,
    CompetencyLevel,
    ExpertAssignment,
    FeedbackRelation,
    FeedbackResponse,
    Indicator,
    InstrumentKind,
    Participant,
    Response,
    Result,
    TargetLevel,
    TestAttempt,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.models.instruments import EXPERT_KINDS
from assessment.models.participation import FEEDBACK_MIN_GROUP
from assessment.results.wording import (
    ProfileWording,
    ResultState,
    Verdict,
    profile_wording,
    result_state,
    result_verdict,
)
from assessment.scoring import LEVEL_BANDS, level_of, mean, round1, scale_to_100, score_of_level
from core.numbers import round_half_up


@dataclass
class CompetencyLine:
    code: str
    name: str
    score: Decimal | None
    level: int | None
    level_title: str
    target: int | None
    target_score: float | None
    is_gap: bool
    parts: list[dict]


@dataclass
class ResultReport:
    """Everything the result page and the .docx report show about one participant."""

    participant: Participant
    result: Result | None
    lines: list[CompetencyLine] = field(default_factory=list)
    ranked_count: int = 0
    instruments: list[dict] = field(default_factory=list)
    disagreements: list[dict] = field(default_factory=list)
    expert_comments: list[dict] = field(default_factory=list)
    bands: list[dict] = field(default_factory=list)

    @property
    def state(self) -> ResultState:
        return result_state(self.result)

    @property
    def verdict(self) -> Verdict:
        """Return the total and the pass as they may be stated in the result's state."""
        return result_verdict(self.result, self.participant.campaign.pass_threshold)

    @property
    def wording(self) -> ProfileWording:
        """Return the strengths and gaps sections' wording in the result's state."""
        return profile_wording(self.lines, self.state)

    @property
    def gaps(self) -> list[CompetencyLine]:
        return [line for line in self.lines if line.is_gap]

    @property
    def strengths(self) -> list[CompetencyLine]:
        """Return the competencies at or above target, strongest first (at most three)."""
        reached = [
            line
            for line in self.lines
            if line.score is not None and line.target and line.level >= line.target
        ]
        return sorted(reached, key=lambda line: line.score, reverse=True)[:3]

    @property
    def missing(self) -> list[str]:
        return [item["name"] for item in self.instruments if item.get("missing")]

    def chart_data(self) -> dict:
        """Return the radar chart's labels and series (scores and target scores, 0–100)."""
        return {
            "labels": [line.name for line in self.lines],
            "codes": [line.code for line in self.lines],
            "scores": [
                float(line.score) if line.score is not None else None for line in self.lines
            ],
            "targets": [
                float(round_half_up(line.target_score, 1))
                if line.target_score is not None
                else None
                for line in self.lines
            ],
        }


def _complete_panels(participant: Participant) -> dict[int, list[ExpertAssignment]]:
    """Return the expert panels of the participant where everyone assigned has submitted."""
    panels: dict[int, list[ExpertAssignment]] = defaultdict(list)
    for assignment in (
        ExpertAssignment.objects.filter(participant=participant)
        .select_related("expert", "campaign_instrument__instrument")
        .order_by("campaign_instrument_id", "pk")
    ):
        panels[assignment.campaign_instrument_id].append(assignment)
    return {
        ci_id: assignments
        for ci_id, assignments in panels.items()
        if len(assignments) >= MIN_EXPERTS and all(a.submitted_at for a in assignments)
    }


def expert_label(assignment: ExpertAssignment, number: int, *, name_experts: bool) -> str:
    """Return the expert's name for staff, «Эксперт N» for the candidate."""
    if name_experts:
        return assignment.expert.get_full_name() or assignment.expert.username
    return f"Эксперт {number}"


def _bands(titles: dict[tuple[int, int], str]) -> list[dict]:
    """Return the level bands with the level's title where every competency names it alike."""
    by_level: dict[int, set[str]] = defaultdict(set)
    for (_competency, level), title in titles.items():
        by_level[level].add(title)
    return [
        {
            "level": band.level,
            "title": next(iter(by_level[band.level])) if len(by_level[band.level]) == 1 else "",
            "text": band.text,
        }
        for band in LEVEL_BANDS
    ]


def result_report(participant: Participant, *, name_experts: bool) -> ResultReport:
    """Return the participant's result with its explanation, in a fixed number of queries."""
    result = Result.objects.filter(participant=participant).first()
    if result is not None:
        result.participant = participant  # its state reads the campaign the page already holds
    report = ResultReport(participant=participant, result=result)
    framework_id = participant.campaign.framework_id
    titles = {
        (competency_id, level): title
        for competency_id, level, title in CompetencyLevel.objects.filter(
            competency__framework_id=framework_id
        ).values_list("competency_id", "level", "title")
    }
    targets = dict(
        TargetLevel.objects.filter(
            competency__framework_id=framework_id, position_kind_id=participant.position_kind_id
        ).values_list("competency__code", "level")
    )
    report.bands = _bands(titles)
    scores = result.competency_scores if result else {}
    trace = result.trace if result else {}
    for competency in participant.campaign.framework.competencies.order_by("sort_order", "code"):
        raw = scores.get(competency.code)
        score = round1(raw) if raw is not None else None
        level = level_of(float(score)) if score is not None else None
        target = targets.get(competency.code)
        report.lines.append(
            CompetencyLine(
                code=competency.code,
                name=competency.name,
                score=score,
                level=level,
                level_title=titles.get((competency.pk, level), "") if level else "",
                target=target,
                target_score=score_of_level(target) if target else None,
                is_gap=bool(target and level is not None and level < target),
                parts=trace.get("competencies", {}).get(competency.code, []),
            )
        )
    if result is None:
        return report
    report.ranked_count = Result.objects.filter(
        participant__campaign_id=participant.campaign_id, rank__isnull=False
    ).count()
    report.instruments = trace.get("instruments", [])
    report.disagreements = trace.get("disagreements", [])
    for ci_id, assignments in _complete_panels(participant).items():
        for number, assignment in enumerate(assignments, start=1):
            if assignment.comment:
                report.expert_comments.append(
                    {
                        "instrument": assignment.campaign_instrument.instrument.name,
                        "ci_id": ci_id,
                        "expert": expert_label(assignment, number, name_experts=name_experts),
                        "comment": assignment.comment,
                    }
                )
    return report


# --- Evidence: the raw answers and ratings behind one instrument's scores -------------------


def _indicator_rows(answers: dict, indicators: list[Indicator]) -> list[dict]:
    by_competency: dict[str, dict] = {}
    for indicator in indicators:
        code = indicator.competency.code
        group = by_competency.setdefault(
            code, {"competency": indicator.competency, "items": [], "values": []}
        )
        value = answers.get(str(indicator.pk))
        group["items"].append({"text": indicator.text, "value": value})
        if value:
            group["values"].append(float(value))
    rows = []
    for group in by_competency.values():
        average = mean(group["values"])
        rows.append(
            {
                "competency": group["competency"],
                "items": group["items"],
                "mean": None if average is None else round1(average),
                "score": None if average is None else round1(scale_to_100(average)),
            }
        )
    return rows


def _feedback_groups(responses: list[FeedbackResponse]) -> tuple[list[dict], str]:
    """Return the groups that may be shown, and a note on what is withheld.

    A group of at least three answers is shown on its own; smaller groups are shown together
    when together they have three answers, and not at all otherwise, so that no one's answers
    can be worked out by subtracting the shown groups from the overall mean.
    """
    by_relation: dict[str, list[FeedbackResponse]] = defaultdict(list)
    for response in responses:
        by_relation[response.relation].append(response)
    shown, small = [], []
    for relation in FeedbackRelation:
        group = by_relation.get(relation.value, [])
        if len(group) >= FEEDBACK_MIN_GROUP:
            shown.append((relation.label, group))
        elif group:
            small.append((relation.label, group))
    note = ""
    if small:
        merged = [response for _, group in small for response in group]
        names = ", ".join(f"«{label}»" for label, _ in small)
        where = "В группе" if len(small) == 1 else "В группах"
        if len(merged) >= FEEDBACK_MIN_GROUP:
            shown.append((f"{names} вместе", merged))
            note = f"{where} {names} меньше {FEEDBACK_MIN_GROUP} ответов: они показаны вместе."
        else:
            shown = []
            note = (
                f"{where} {names} меньше {FEEDBACK_MIN_GROUP} ответов, поэтому средние по "
                "группам не показываются — только общее среднее."
            )
    return [{"label": label, "responses": group} for label, group in shown], note


def instrument_evidence(
    participant: Participant, ci: CampaignInstrument, *, name_experts: bool
) -> dict:
    """Return the raw data behind one instrument's scores for the participant."""
    kind = ci.instrument.kind
    evidence: dict = {"kind": kind}
    if kind == InstrumentKind.SELF_ASSESSMENT:
        response = Response.objects.filter(
            participant=participant, campaign_instrument=ci, submitted_at__isnull=False
        ).first()
        indicators = list(
            Indicator.objects.filter(instrument=ci.instrument).select_related("competency")
        )
        evidence["response"] = response
        evidence["rows"] = _indicator_rows(response.answers, indicators) if response else []
    elif kind == InstrumentKind.KNOWLEDGE_TEST:
        attempt = TestAttempt.objects.filter(
            participant=participant, campaign_instrument=ci, is_void=False
        ).first()
        names = dict(ci.instrument.competencies.values_list("code", "name"))
        evidence["attempt"] = attempt
        evidence["voided"] = TestAttempt.objects.filter(
            participant=participant, campaign_instrument=ci, is_void=True
        ).count()
        evidence["rows"] = [
            {
                "code": code,
                "name": names.get(code, code),
                "correct": correct,
                "asked": asked,
                "score": round1(correct / asked * 100) if asked else None,
            }
            for code, (correct, asked) in sorted(
                (attempt.score_by_competency if attempt and attempt.submitted_at else {}).items()
            )
        ]
    elif kind == InstrumentKind.FEEDBACK_360:
        responses = list(
            FeedbackResponse.objects.filter(participant=participant, campaign_instrument=ci)
        )
        indicators = list(
            Indicator.objects.filter(instrument=ci.instrument).select_related("competency")
        )
        competency_of = {str(i.pk): i.competency for i in indicators}
        competencies = list(dict.fromkeys(i.competency for i in indicators))
        groups, note = _feedback_groups(responses)
        collection_over = ci.is_collection_over()
        enough = len(responses) >= FEEDBACK_MIN_GROUP and collection_over
        columns = [{"label": "все ответы", "responses": responses}] if enough else []
        columns += groups if enough else []
        table = []
        for competency in competencies if columns else []:
            cells = []
            for column in columns:
                values = [
                    float(value)
                    for response in column["responses"]
                    for key, value in response.answers.items()
                    if value and competency_of.get(key) == competency
                ]
                average = mean(values)
                cells.append(None if average is None else round1(average))
            table.append({"competency": competency, "cells": cells})
        evidence.update(
            {
                "count": len(responses),
                "enough": enough,
                "collection_over": collection_over,
                "columns": [{"label": c["label"], "count": len(c["responses"])} for c in columns],
                "table": table,
                "note": note,
            }
        )
    elif kind in EXPERT_KINDS:
        assignments = list(
            ExpertAssignment.objects.filter(participant=participant, campaign_instrument=ci)
            .select_related("expert")
            .order_by("pk")
        )
        variant = ci.instrument.variant_for(participant.position_kind_id)
        evidence["variant"] = variant
        criteria = list(ci.instrument.criteria_for(variant))
        unblinded = len(assignments) >= MIN_EXPERTS and all(a.submitted_at for a in assignments)
        calibrations = {
            c.criterion_id: c
            for c in CalibrationDecision.objects.filter(
                participant=participant, campaign_instrument=ci
            ).select_related("decided_by")
        }
        evidence.update(
            {
                "unblinded": unblinded,
                "submitted": sum(1 for a in assignments if a.submitted_at),
                "assigned": len(assignments),
                "experts": [
                    expert_label(a, n, name_experts=name_experts)
                    for n, a in enumerate(assignments, start=1)
                ]
                if unblinded
                else [],
                "rows": [
                    {
                        "criterion": criterion,
                        "scores": [a.scores.get(str(criterion.pk)) for a in assignments],
                        "calibration": calibrations.get(criterion.pk),
                    }
                    for criterion in criteria
                ]
                if unblinded
                else [],
                "comments": [
                    {"expert": expert_label(a, n, name_experts=name_experts), "text": a.comment}
                    for n, a in enumerate(assignments, start=1)
                    if a.comment
                ]
                if unblinded
                else [],
            }
        )
    return evidence
