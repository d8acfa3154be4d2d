"""Shared reference data: municipalities, educational organizations, position kinds."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.normalize import municipality_key
from registry.validators import validate_inn, validate_kpp, validate_ogrn


class MunicipalityKind(models.TextChoices):
    URBAN_OKRUG = "urban_okrug", _("городской округ")
    MUNICIPAL_OKRUG = "municipal_okrug", _("муниципальный округ")
    MUNICIPAL_DISTRICT = "municipal_district", _("муниципальный район")
    CLOSED_TERRITORY = "closed_territory", _("ЗАТО")


class Municipality(models.Model):
    name = models.CharField(_("наименование"), max_length=200, unique=True)
    kind = models.CharField(_("вид"), max_length=32, choices=MunicipalityKind.choices)
    oktmo = models.CharField(_("ОКТМО"), max_length=11, blank=True)
    # Normalised form of the name used to match the everyday spellings of spreadsheets.
    name_key = models.CharField(
        _("ключ сопоставления"), max_length=200, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("муниципальное образование")
        verbose_name_plural = _("муниципальные образования")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name_key = municipality_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)


class MunicipalityAlias(models.Model):
    """Another name a municipality goes by: a former name, its centre, a common abbreviation."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("муниципальное образование"),
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    name = models.CharField(_("вариант написания"), max_length=200)
    name_key = models.CharField(
        _("ключ сопоставления"), max_length=200, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("вариант названия МО")
        verbose_name_plural = _("варианты названий МО")
        ordering = ["municipality__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} → {self.municipality}"

    def save(self, *args, **kwargs) -> None:
        self.name_key = municipality_key(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """Refuse a spelling that already names another municipality or is listed elsewhere."""
        key = municipality_key(self.name)
        named = Municipality.objects.filter(name_key=key).exclude(pk=self.municipality_id).first()
        if named is not None:
            raise ValidationError({"name": f"Так называется другое МО: «{named}»."})
        listed = MunicipalityAlias.objects.filter(name_key=key).exclude(pk=self.pk).first()
        if listed is not None:
            raise ValidationError(
                {"name": f"Этот вариант уже указан для МО «{listed.municipality}»."}
            )


class OrganizationKind(models.TextChoices):
    GENERAL = "general", _("общеобразовательная организация")
    PRESCHOOL = "preschool", _("дошкольная образовательная организация")
    ADDITIONAL = "additional", _("организация дополнительного образования")
    VOCATIONAL = "vocational", _("профессиональная образовательная организация")


class Founder(models.TextChoices):
    """Who founded the organization, and so who appoints its head (273-ФЗ ст. 51 ч. 1)."""

    REGIONAL = "regional", _("региональная (учредитель — Оренбургская область)")
    MUNICIPAL = "municipal", _("муниципальная (учредитель — муниципальное образование)")
    FEDERAL = "federal", _("федеральная (учредитель — Российская Федерация)")
    PRIVATE = "private", _("частная")


class Organization(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    full_name = models.CharField(_("полное наименование"), max_length=500)
    short_name = models.CharField(_("краткое наименование"), max_length=255, blank=True)
    kind = models.CharField(_("тип организации"), max_length=16, choices=OrganizationKind.choices)
    # Blank when the registry does not say and the name does not tell (see registry.founders).
    founder = models.CharField(
        _("учредитель"),
        max_length=16,
        choices=Founder.choices,
        blank=True,
        help_text=_(
            "Учредитель назначает руководителя: муниципальной организации — муниципальное "
            "образование, региональной — министерство образования Оренбургской области."
        ),
    )
    inn = models.CharField(_("ИНН"), max_length=12, unique=True, validators=[validate_inn])
    kpp = models.CharField(_("КПП"), max_length=9, blank=True, validators=[validate_kpp])
    ogrn = models.CharField(_("ОГРН"), max_length=15, blank=True, validators=[validate_ogrn])
    address = models.CharField(_("адрес"), max_length=500, blank=True)
    phone = models.CharField(_("телефон"), max_length=100, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)
    website = models.CharField(_("сайт"), max_length=255, blank=True)
    student_count = models.PositiveIntegerField(_("численность обучающихся"), null=True, blank=True)
    head_full_name = models.CharField(_("ФИО руководителя"), max_length=255, blank=True)
    head_birth_date = models.DateField(_("дата рождения руководителя"), null=True, blank=True)
    head_contract_end_date = models.DateField(
        _("дата окончания трудового договора руководителя"), null=True, blank=True
    )
    is_active = models.BooleanField(_("действует"), default=True)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменена"), auto_now=True)

    class Meta:
        verbose_name = _("образовательная организация")
        verbose_name_plural = _("образовательные организации")
        ordering = ["municipality__name", "short_name", "full_name"]
        indexes = [
            # The municipal coordinator's list: own municipality's organizations by name.
            models.Index(fields=["municipality", "short_name"], name="registry_org_muni_name_idx"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.full_name


class PositionKind(models.Model):
    code = models.SlugField(_("код"), max_length=50, unique=True)
    name = models.CharField(_("наименование"), max_length=200, unique=True)
    is_head = models.BooleanField(
        _("должность руководителя"),
        default=True,
        help_text=_("Руководитель организации; иначе — заместитель руководителя."),
    )
    organization_kinds = models.JSONField(
        _("типы организаций"),
        default=list,
        blank=True,
        help_text=_("Для каких типов организаций предусмотрена должность."),
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("вид должности")
        verbose_name_plural = _("виды должностей")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name
