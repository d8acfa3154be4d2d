"""Assessment instruments and their content: indicators, test questions, expert rubrics."""

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


class RubricCriterion(models.Model):
    """What an expert rates 1–4 for one competency in a case, interview, project or portfolio."""

    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("инструмент оценки"),
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("компетенция")
    )
    description = models.TextField(_("что оценивается"))

    class Meta:
        verbose_name = _("критерий рубрики")
        verbose_name_plural = _("рубрика")
        ordering = ["instrument", "competency__sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "competency"], name="assessment_rubric_one_per_competency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.description[:60]}"
