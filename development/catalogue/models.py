"""The programme catalogue: activities that develop competencies, and the programme's modules."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    DPO_COURSE = "dpo_course", _("курс ДПО")
    INTERNSHIP = "internship", _("стажировка")
    WEBINAR = "webinar", _("вебинар")
    PROJECT = "project", _("проектная работа")
    MENTORING = "mentoring", _("наставничество")

    @classmethod
    def needs_host(cls, kind: str | None) -> bool:
        """Return whether an activity of the kind is held at a host organization (internship)."""
        return kind == cls.INTERNSHIP


class ActivityFormat(models.TextChoices):
    IN_PERSON = "in_person", _("очно")
    ONLINE = "online", _("дистанционно")
    BLENDED = "blended", _("очно-заочно")


class Activity(models.Model):
    kind = models.CharField(_("вид"), max_length=16, choices=ActivityKind.choices)
    title = models.CharField(_("наименование"), max_length=300)
    description = models.TextField(_("содержание"), blank=True)
    provider = models.CharField(_("организатор"), max_length=300, blank=True)
    host_organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("стажировочная площадка"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tutor_name = models.CharField(_("руководитель стажировки"), max_length=255, blank=True)
    hours = models.PositiveSmallIntegerField(_("объём, часов"), default=0)
    format = models.CharField(_("формат"), max_length=16, choices=ActivityFormat.choices)
    starts_on = models.DateField(_("начало"), null=True, blank=True)
    ends_on = models.DateField(_("окончание"), null=True, blank=True)
    places = models.PositiveSmallIntegerField(_("мест"), null=True, blank=True)
    competencies = models.ManyToManyField(
        "assessment.Competency", verbose_name=_("развивает компетенции"), related_name="activities"
    )
    # The levels the activity is designed for: a course for level 1–2 is no use at level 3.
    min_level = models.PositiveSmallIntegerField(
        _("для уровня от"), default=1, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    max_level = models.PositiveSmallIntegerField(
        _("до"), default=3, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    is_active = models.BooleanField(_("в каталоге"), default=True)

    class Meta:
        verbose_name = _("мероприятие программы")
        verbose_name_plural = _("каталог мероприятий")
        ordering = ["kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_level__lte=models.F("max_level")),
                name="development_activity_level_range",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="development_activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(kind=ActivityKind.INTERNSHIP) | Q(host_organization__isnull=False),
                name="development_activity_internship_has_host",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def needs_host(self) -> bool:
        """Return whether the activity must name its host organization (an internship)."""
        return ActivityKind.needs_host(self.kind)


class ProgrammeModule(models.Model):
    """A module of the comprehensive programme of development and career growth."""

    year = models.PositiveSmallIntegerField(
        _("год пребывания в резерве"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    title = models.CharField(_("модуль"), max_length=300)
    description = models.TextField(_("содержание"))
    hours = models.PositiveSmallIntegerField(
        _("часов"),
        help_text=_(
            "Для модуля наставничества объём задаёт норма наставничества Положения: "
            "программа показывает её, а не это число."
        ),
    )
    is_mentoring = models.BooleanField(
        _("модуль наставничества"),
        default=False,
        help_text=_("Объём модуля — норма наставничества Положения о кадровом резерве."),
    )
    # A track of the programme: the modules of a post. None listed — the module is for everyone.
    position_kinds = models.ManyToManyField(
        "registry.PositionKind",
        verbose_name=_("для должностей"),
        related_name="+",
        blank=True,
        help_text=_("Пусто — модуль для всех; иначе модуль входит в трек этих должностей."),
    )
    formats = models.CharField(_("формы работы"), max_length=300)
    competencies = models.ManyToManyField(
        "assessment.Competency", verbose_name=_("компетенции"), related_name="+"
    )
    expected_result = models.TextField(_("ожидаемый результат"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("модуль программы")
        verbose_name_plural = _("комплексная программа развития")
        ordering = ["year", "sort_order", "id"]

    def __str__(self) -> str:
        return f"{self.year}-й год: {self.title}"
