"""Reads of the competency model and of the knowledge-test bank."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from assessment.models import (
    Competency,
    CompetencyFramework,
    CompetencyLevel,
    Instrument,
    InstrumentKind,
    LabourFunction,
    Question,
    QuestionSection,
    TargetLevel,
)
from registry.models import PositionKind


def knowledge_tests() -> QuerySet[Instrument]:
    """Return the knowledge tests of the current competency model."""
    return Instrument.objects.filter(
        kind=InstrumentKind.KNOWLEDGE_TEST, framework__is_current=True
    ).order_by("name")


def question_counts(instrument: Instrument | None) -> list[dict]:
    """Return, per competency the test measures, how many active common questions the bank holds.

    The common part is what the draw takes per competency; the sections by kind of organization
    are counted by section_counts().
    """
    if instrument is None:
        return []
    rows = {
        row["competency_id"]: row
        for row in instrument.questions.filter(section=QuestionSection.COMMON)
        .values("competency_id")
        .annotate(
            active=Count("id", filter=Q(is_active=True)),
            single=Count("id", filter=Q(is_active=True, kind="single")),
            multiple=Count("id", filter=Q(is_active=True, kind="multiple")),
        )
    }
    return [
        {
            "competency": competency,
            "active": rows.get(competency.pk, {}).get("active", 0),
            "single": rows.get(competency.pk, {}).get("single", 0),
            "multiple": rows.get(competency.pk, {}).get("multiple", 0),
            "short": rows.get(competency.pk, {}).get("active", 0)
            < instrument.questions_per_competency,
        }
        for competency in instrument.competencies.order_by("sort_order", "code")
    ]


def section_counts(instrument: Instrument | None) -> list[dict]:
    """Return, per section of the bank by kind of organization, its active questions' count."""
    if instrument is None:
        return []
    counts = dict(
        instrument.questions.filter(is_active=True)
        .exclude(section=QuestionSection.COMMON)
        .values_list("section")
        .annotate(active=Count("id"))
    )
    return [
        {
            "label": label,
            "active": counts.get(value, 0),
            "short": counts.get(value, 0) < instrument.kind_questions,
        }
        for value, label in QuestionSection.choices
        if value != QuestionSection.COMMON
    ]


def bank_questions(instrument: Instrument | None) -> list[Question]:
    """Return the bank's active questions with their answers and sources, section by section."""
    if instrument is None:
        return []
    order = {value: position for position, value in enumerate(QuestionSection.values)}
    questions = list(
        instrument.questions.filter(is_active=True)
        .select_related("competency")
        .prefetch_related("choices")
        .order_by("competency__sort_order", "pk")
    )
    return sorted(questions, key=lambda question: order[question.section])


@dataclass
class ModelRow:
    """A competency of the model: its functions, its levels and its target for each post."""

    competency: Competency
    functions: list[LabourFunction]
    levels: list[CompetencyLevel]
    targets: list[int | None]  # in the order of the posts


@dataclass
class CompetencyModel:
    framework: CompetencyFramework | None
    posts: list[PositionKind] = field(default_factory=list)
    rows: list[ModelRow] = field(default_factory=list)
    functions: list[LabourFunction] = field(default_factory=list)

    @property
    def matrix(self) -> list[tuple[PositionKind, list[int | None]]]:
        """Return each post with its targets in the order of the competencies (a page's rows)."""
        return [
            (post, [row.targets[index] for row in self.rows])
            for index, post in enumerate(self.posts)
        ]


def competency_model() -> CompetencyModel:
    """Return the current model: competencies with functions, levels and targets by post."""
    framework = CompetencyFramework.objects.filter(is_current=True).first()
    if framework is None:
        return CompetencyModel(framework=None)
    posts = list(PositionKind.objects.order_by("sort_order", "name"))
    targets = {
        (competency_id, post_id): level
        for competency_id, post_id, level in TargetLevel.objects.filter(
            competency__framework=framework
        ).values_list("competency_id", "position_kind_id", "level")
    }
    competencies = framework.competencies.order_by("sort_order", "code").prefetch_related(
        Prefetch("labour_functions", queryset=LabourFunction.objects.order_by("sort_order")),
        Prefetch("levels", queryset=CompetencyLevel.objects.order_by("level")),
    )
    rows = [
        ModelRow(
            competency=competency,
            functions=list(competency.labour_functions.all()),
            levels=list(competency.levels.all()),
            targets=[targets.get((competency.pk, post.pk)) for post in posts],
        )
        for competency in competencies
    ]
    used = {function.pk for row in rows for function in row.functions}
    return CompetencyModel(
        framework=framework,
        posts=posts,
        rows=rows,
        functions=[f for f in LabourFunction.objects.order_by("sort_order") if f.pk in used],
    )
