"""The comprehensive programme's passport, its executors and partners, and its resources.

The modules themselves are the catalogue's (development.catalogue.models.ProgrammeModule).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

YEAR_VALIDATORS = [MinValueValidator(2020), MaxValueValidator(2100)]


class ProgrammePassport(models.Model):
    """The programme's passport: one row, what a regional programme states about itself."""

    title = models.CharField(_("наименование программы"), max_length=500)
    legal_basis = models.TextField(
        _("нормативные правовые основания"),
        help_text=_("По одному акту в строке: вид, дата, номер и наименование."),
    )
    customer = models.CharField(_("заказчик"), max_length=300)
    developer = models.CharField(_("разработчик"), max_length=300)
    starts_year = models.PositiveSmallIntegerField(
        _("начало реализации, год"), validators=YEAR_VALIDATORS
    )
    ends_year = models.PositiveSmallIntegerField(
        _("окончание реализации, год"), validators=YEAR_VALIDATORS
    )
    management = models.TextField(
        _("управление и контроль"),
        help_text=_("Кто управляет реализацией, как и когда отчитываются исполнители."),
    )
    financing_note = models.TextField(
        _("о финансировании"),
        blank=True,
        help_text=_("Что сказать об объёме финансирования, если суммы ещё не утверждены."),
    )
    approval_order_number = models.CharField(
        _("номер приказа об утверждении"), max_length=50, blank=True
    )
    approval_order_date = models.DateField(_("дата приказа об утверждении"), null=True, blank=True)
    is_current = models.BooleanField(_("действует"), default=True, editable=False)

    class Meta:
        verbose_name = _("паспорт программы")
        verbose_name_plural = _("паспорт программы")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="development_programmepassport_one",
            ),
            models.CheckConstraint(
                condition=Q(ends_year__gte=models.F("starts_year")),
                name="development_programmepassport_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def legal_acts(self) -> list[str]:
        """Return the legal basis, one act per item."""
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]


class PartnerRole(models.TextChoices):
    COORDINATOR = "coordinator", _("ответственный исполнитель — координатор")
    EXECUTOR = "executor", _("соисполнитель")
    PARTNER = "partner", _("партнёр")


class ProgrammePartner(models.Model):
    """An organization that carries out the programme or takes part in it (ИРО, ОГПУ, ЦНППМ…)."""

    name = models.CharField(_("наименование организации"), max_length=500)
    short_name = models.CharField(_("краткое наименование"), max_length=100)
    role = models.CharField(_("роль"), max_length=16, choices=PartnerRole.choices)
    responsibilities = models.TextField(_("за что отвечает"))
    website = models.CharField(_("сайт"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("исполнитель или партнёр программы")
        verbose_name_plural = _("исполнители и партнёры программы")
        ordering = ["sort_order", "short_name"]

    def __str__(self) -> str:
        return self.short_name


class ResourceKind(models.TextChoices):
    STAFF = "staff", _("кадровое")
    FINANCE = "finance", _("финансовое")
    METHODOLOGICAL = "methodological", _("методическое")
    MATERIAL = "material", _("материально-техническое")


class ProgrammeResource(models.Model):
    """A line of the programme's resource provision: who, what, how much and from where."""

    kind = models.CharField(_("вид обеспечения"), max_length=16, choices=ResourceKind.choices)
    description = models.TextField(_("что обеспечивается"))
    amount = models.DecimalField(
        _("объём, тыс. руб."), max_digits=12, decimal_places=1, null=True, blank=True
    )
    funding_source = models.CharField(_("источник"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(
        _("год"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    partner = models.ForeignKey(
        ProgrammePartner,
        verbose_name=_("кто обеспечивает"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("ресурс программы")
        verbose_name_plural = _("ресурсное обеспечение программы")
        ordering = ["kind", "sort_order", "year", "id"]
        constraints = [
            # A sum is money: only the financial provision carries one, with its source.
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | (Q(kind="finance") & ~Q(funding_source="")),
                name="development_programmeresource_amount_is_finance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"
