"""Assessment instruments and their content: indicators, test questions, expert rubrics."""

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _

from assessment.models.framework import Competency, CompetencyFramework


class InstrumentKind(models.TextChoices):
    # Codes match the assessment weights of the Regulation.
    SELF_ASSESSMENT = "self_assessment", _("самооценка")
    FEEDBACK_360 = "feedback_360", _("оценка 360°")
    KNOWLEDGE_TEST = "knowledge_test", _("тест знаний")
    CASE = "case", _("кейс")
    INTERVIEW = "interview", _("интервью")
    MANAGEMENT_PROJECT = "management_project", _("управленческий проект")
    PORTFOLIO = "portfolio", _("портфолио")


EXPERT_KINDS = (
    InstrumentKind.CASE,
    InstrumentKind.INTERVIEW,
    InstrumentKind.MANAGEMENT_PROJECT,
    InstrumentKind.PORTFOLIO,
)
# Instruments are shown in the order of the assessment: self-assessment first, experts last.
KIND_ORDER = {kind: position for position, kind in enumerate(InstrumentKind.values)}


class Instrument(models.Model):
    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.PROTECT,
        related_name="instruments",
        verbose_name=_("модель компетенций"),
    )
    kind = models.CharField(_("вид"), max_length=24, choices=InstrumentKind.choices)
    name = models.CharField(_("наименование"), max_length=255)
    description = models.TextField(_("описание для участника"), blank=True)
    competencies = models.ManyToManyField(
        Competency, verbose_name=_("измеряемые компетенции"), related_name="instruments"
    )
    # Knowledge test: how many questions are drawn per competency and the time limit.
    questions_per_competency = models.PositiveSmallIntegerField(
        _("вопросов на компетенцию"), default=3
    )
    time_limit_minutes = models.PositiveSmallIntegerField(_("лимит времени, мин"), default=40)
    # Knowledge test: how many questions of the participant's own section (the kind of
    # organization of the target post) come on top of the common part.
    kind_questions = models.PositiveSmallIntegerField(
        _("вопросов раздела по типу организации"),
        default=0,
        help_text=_(
            "Сколько вопросов добавить из раздела типа организации, на должность в которой "
            "претендует участник (детский сад, школа, колледж, организация ДО, орган управления)."
        ),
    )
    # Case / project / portfolio: the task given to the participant.
    task = models.TextField(_("задание"), blank=True)

    class Meta:
        verbose_name = _("инструмент оценки")
        verbose_name_plural = _("инструменты оценки")
        ordering = ["framework", "kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_expert_rated(self) -> bool:
        return self.kind in EXPERT_KINDS

    @property
    def kind_order(self) -> int:
        """Return the place of the instrument's kind in the order of the assessment."""
        return KIND_ORDER.get(self.kind, len(KIND_ORDER))

    def variant_for(self, position_kind_id: int | None) -> "TaskVariant | None":
        """Return the task variant written for the post, else the default one (or None)."""
        return choose_variant(
            self.variants.prefetch_related("position_kinds").order_by("sort_order", "pk"),
            position_kind_id,
        )

    def criteria_for(self, variant: "TaskVariant | None") -> models.QuerySet["RubricCriterion"]:
        """Return the rubric an expert rates with: the variant's, or the instrument's own."""
        return (
            RubricCriterion.objects.filter(instrument=self, variant=variant)
            .select_related("competency")
            .order_by("competency__sort_order", "pk")
        )


class Indicator(models.Model):
    """A statement rated 1–4 in self-assessment and 360° feedback."""

    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("инструмент оценки"),
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("компетенция")
    )
    text = models.TextField(_("формулировка"))
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("индикатор")
        verbose_name_plural = _("индикаторы")
        ordering = ["instrument", "competency__sort_order", "sort_order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("один вариант")
    MULTIPLE = "multiple", _("несколько вариантов")


class QuestionSection(models.TextChoices):
    """The part of the test bank a question belongs to: common, or one kind of organization."""

    COMMON = "common", _("общий раздел")
    GENERAL = "general", _("общеобразовательная организация")
    PRESCHOOL = "preschool", _("дошкольная образовательная организация")
    VOCATIONAL = "vocational", _("профессиональная образовательная организация")
    ADDITIONAL = "additional", _("организация дополнительного образования")
    MUNICIPAL = "municipal", _("муниципальный орган управления образованием")

    @classmethod
    def of_position_kind(cls, position_kind) -> "QuestionSection":
        """Return the section of a post: its kind of organization, or the municipal authority."""
        kinds = position_kind.organization_kinds if position_kind is not None else []
        if kinds and kinds[0] in cls.values:
            return cls(kinds[0])
        return cls.MUNICIPAL


class Question(models.Model):
    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("инструмент оценки"),
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("компетенция")
    )
    text = models.TextField(_("вопрос"))
    kind = models.CharField(_("тип"), max_length=8, choices=QuestionKind.choices)
    section = models.CharField(
        _("раздел"), max_length=12, choices=QuestionSection.choices, default=QuestionSection.COMMON
    )
    # Where the right answer comes from: act, article (part), edition; or the author of a model.
    source = models.TextField(
        _("источник"),
        blank=True,
        help_text=_(
            "Нормативный акт, статья (часть, пункт) и редакция, на дату которой верен ответ; "
            "для вопросов по теории управления — автор и работа. Видят только сотрудники."
        ),
    )
    is_active = models.BooleanField(_("используется"), default=True)

    class Meta:
        verbose_name = _("вопрос теста")
        verbose_name_plural = _("банк вопросов")
        ordering = ["instrument", "competency__sort_order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("вопрос")
    )
    text = models.CharField(_("вариант ответа"), max_length=500)
    is_correct = models.BooleanField(_("верный"), default=False)

    class Meta:
        verbose_name = _("вариант ответа")
        verbose_name_plural = _("варианты ответа")
        ordering = ["question", "id"]

    def __str__(self) -> str:
        return self.text


class TaskVariant(models.Model):
    """A variant of an expert-rated task (a case) written for some posts, with its own rubric.

    A participant gets the variant that names their target post, else the instrument's default.
    """

    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.CASCADE,
        related_name="variants",
        verbose_name=_("инструмент оценки"),
    )
    title = models.CharField(_("вариант"), max_length=255)
    position_kinds = models.ManyToManyField(
        "registry.PositionKind",
        verbose_name=_("для должностей"),
        related_name="+",
        blank=True,
    )
    is_default = models.BooleanField(
        _("по умолчанию"),
        default=False,
        help_text=_("Для должностей, которые не названы ни в одном варианте."),
    )
    task = models.TextField(_("задание"))
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("вариант задания")
        verbose_name_plural = _("варианты задания")
        ordering = ["instrument", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument"],
                condition=models.Q(is_default=True),
                name="assessment_taskvariant_one_default",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument}: {self.title}"


def choose_variant(
    variants: Iterable["TaskVariant"], position_kind_id: int | None
) -> "TaskVariant | None":
    """Return the variant that names the post, else the default one, of variants in their order.

    The variants' position kinds are read through .all(): prefetch them for a list.
    """
    variants = list(variants)
    for variant in variants:
        if any(kind.pk == position_kind_id for kind in variant.position_kinds.all()):
            return variant
    return next((variant for variant in variants if variant.is_default), None)


class RubricCriterion(models.Model):
    """What an expert rates 1–4 for one competency in a case, interview, project or portfolio."""

    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("инструмент оценки"),
    )
    # The task variant the criterion belongs to; none for an instrument without variants.
    variant = models.ForeignKey(
        TaskVariant,
        verbose_name=_("вариант задания"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="criteria",
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("компетенция")
    )
    description = models.TextField(_("что оценивается"))

    class Meta:
        verbose_name = _("критерий рубрики")
        verbose_name_plural = _("рубрика")
        ordering = ["instrument", "variant__sort_order", "competency__sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "competency"],
                condition=models.Q(variant__isnull=True),
                name="assessment_rubric_one_per_competency",
            ),
            models.UniqueConstraint(
                fields=["variant", "competency"],
                condition=models.Q(variant__isnull=False),
                name="assessment_rubric_one_per_variant_competency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.description[:60]}"
