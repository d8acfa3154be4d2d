"""The people in the selection: profile, education, additional education, work history."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.names import CASES, FEMALE, MALE, name_forms, validate_person_name
from governance.reference import MANAGEMENT_POST, OTHER_POST, PEDAGOGICAL_POSTS
from governance.regulation import DEGREES, DOCUMENT_KINDS, EDUCATION_FIELDS


class EducationLevel(models.TextChoices):
    HIGHER = "higher", _("высшее")
    SECONDARY_VOCATIONAL = "secondary_vocational", _("среднее профессиональное")


Degree = models.TextChoices("Degree", [(code, (code, label)) for code, label in DEGREES.items()])
EducationField = models.TextChoices(
    "EducationField", [(code, (code, label)) for code, label in EDUCATION_FIELDS.items()]
)
DocumentKind = models.TextChoices(
    "DocumentKind", [(code, (code, label)) for code, label in DOCUMENT_KINDS.items()]
)


class Gender(models.TextChoices):
    MALE = MALE, _("мужской")
    FEMALE = FEMALE, _("женский")


class WorkKind(models.TextChoices):
    PEDAGOGICAL = "pedagogical", _("педагогическая должность")
    MANAGEMENT = "management", _("руководящая должность")
    OTHER = "other", _("иная должность")


# The post as the official list names it: a pedagogical post of the номенклатура, a management
# post or another post (governance.reference).
POST_CHOICES = [
    (
        "Педагогические должности (номенклатура, постановление № 225)",
        list(PEDAGOGICAL_POSTS.items()),
    ),
    (MANAGEMENT_POST, "руководящая должность (руководитель, заместитель руководителя)"),
    (OTHER_POST, "иная должность"),
]


def kind_of_post(code: str) -> str:
    """Return the kind of experience a post of the official list gives."""
    if code in PEDAGOGICAL_POSTS:
        return WorkKind.PEDAGOGICAL
    return WorkKind.MANAGEMENT if code == MANAGEMENT_POST else WorkKind.OTHER


class Candidate(models.Model):
    """A person in the selection: their profile and the account they use."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.PROTECT,
        related_name="candidate",
    )
    last_name = models.CharField(_("фамилия"), max_length=150, validators=[validate_person_name])
    first_name = models.CharField(_("имя"), max_length=150, validators=[validate_person_name])
    middle_name = models.CharField(
        _("отчество"), max_length=150, blank=True, validators=[validate_person_name]
    )
    birth_date = models.DateField(_("дата рождения"), null=True, blank=True)
    email = models.EmailField(_("электронная почта"))
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        related_name="candidates",
    )
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("место работы"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
    )
    position = models.CharField(_("должность"), max_length=255, blank=True)
    # The name as documents decline it; proposed by core.names, corrected by staff where needed.
    gender = models.CharField(_("пол"), max_length=8, choices=Gender.choices, blank=True)
    name_genitive = models.CharField(
        _("ФИО в родительном падеже (кого?)"), max_length=460, blank=True
    )
    name_dative = models.CharField(_("ФИО в дательном падеже (кому?)"), max_length=460, blank=True)
    name_accusative = models.CharField(
        _("ФИО в винительном падеже (кого?)"), max_length=460, blank=True
    )
    name_instrumental = models.CharField(
        _("ФИО в творительном падеже (кем?)"), max_length=460, blank=True
    )
    name_forms_corrected = models.BooleanField(
        _("падежные формы выверены специалистом"), default=False
    )
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменён"), auto_now=True)

    class Meta:
        verbose_name = _("кандидат")
        verbose_name_plural = _("кандидаты")
        ordering = ["last_name", "first_name", "middle_name"]
        indexes = [
            # Search by surname in the pipeline.
            models.Index(fields=["last_name", "first_name"], name="candidates_candidate_name_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        # A new person gets the proposed case forms; later changes go through the services.
        if self._state.adding and not self.name_genitive:
            self.fill_name_forms()
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in [self.last_name, self.first_name, self.middle_name] if part
        )

    def proposed_name_forms(self):
        """Return the forms core.names proposes for the current name (and the stored gender)."""
        return name_forms(
            last_name=self.last_name,
            first_name=self.first_name,
            middle_name=self.middle_name,
            gender=self.gender,
        )

    def fill_name_forms(self) -> list[str]:
        """Fill the gender and the case forms from the name; return the fields it set."""
        forms = self.proposed_name_forms()
        self.gender = forms.gender
        for case in CASES:
            setattr(self, f"name_{case}", getattr(forms, case))
        self.name_forms_corrected = False
        return ["gender", *(f"name_{case}" for case in CASES), "name_forms_corrected"]

    def name_in(self, case: str) -> str:
        """Return the full name in a case of core.names.CASES: stored, else proposed."""
        if case == "nominative":
            return self.full_name
        stored = getattr(self, f"name_{case}")
        return stored or getattr(self.proposed_name_forms(), case)

    @property
    def is_female(self) -> bool:
        """Return whether verbs about the person take the feminine form."""
        return (self.gender or self.proposed_name_forms().gender) == FEMALE


class Education(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="education_records",
        verbose_name=_("кандидат"),
    )
    level = models.CharField(_("уровень"), max_length=32, choices=EducationLevel.choices)
    degree = models.CharField(
        _("уровень высшего образования"),
        max_length=16,
        choices=Degree.choices,
        blank=True,
        help_text=_(
            "Бакалавриат, специалитет или магистратура — по диплому: от уровня зависят "
            "требования профессионального стандарта (приказ № 250н)."
        ),
    )
    field = models.CharField(
        _("направление подготовки"), max_length=40, choices=EducationField.choices
    )
    speciality = models.CharField(_("специальность по диплому"), max_length=255)
    institution = models.CharField(_("образовательная организация"), max_length=255)
    graduation_year = models.PositiveSmallIntegerField(_("год окончания"))

    class Meta:
        verbose_name = _("образование")
        verbose_name_plural = _("образование")
        ordering = ["graduation_year"]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.speciality}, {self.graduation_year}"


class ProfessionalDevelopment(models.Model):
    """Additional professional education (ДПО): retraining or further training."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="dpo_records", verbose_name=_("кандидат")
    )
    programme = models.CharField(_("программа"), max_length=255)
    field = models.CharField(_("область"), max_length=40, choices=EducationField.choices)
    hours = models.PositiveIntegerField(_("объём, часов"))
    year = models.PositiveSmallIntegerField(_("год"))
    provider = models.CharField(_("организация"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("дополнительное профессиональное образование")
        verbose_name_plural = _("дополнительное профессиональное образование")
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.programme} ({self.hours} ч., {self.year})"


class WorkRecord(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="work_records", verbose_name=_("кандидат")
    )
    organization_name = models.CharField(_("организация"), max_length=500)
    post = models.CharField(_("должность"), max_length=255)
    post_code = models.CharField(
        _("должность по номенклатуре"), max_length=32, choices=POST_CHOICES, blank=True
    )
    kind = models.CharField(_("вид должности"), max_length=16, choices=WorkKind.choices)
    started_on = models.DateField(_("с"))
    ended_on = models.DateField(
        _("по"), null=True, blank=True, help_text=_("Пусто — по настоящее время.")
    )
    # Checked by staff against the трудовая книжка or СТД-Р; only verified periods count.
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто проверил по трудовой книжке"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("проверено"), null=True, blank=True)

    class Meta:
        verbose_name = _("место работы")
        verbose_name_plural = _("трудовая деятельность")
        ordering = ["started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="candidates_workrecord_ends_after_start",
                violation_error_message=_("Дата окончания работы раньше даты начала."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post}, {self.organization_name}"

    def period(self, today: datetime.date) -> tuple[datetime.date, datetime.date]:
        """Return the worked period, an open end counted up to today."""
        return self.started_on, min(self.ended_on or today, today)
