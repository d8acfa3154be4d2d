"""The participant's written work on a case, a management project or a portfolio: a text and
files, a draft until handed in, then read by the experts who rate it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessment.models.campaigns import CampaignInstrument, Participant
from assessment.models.instruments import InstrumentKind

# The instruments that are answered with a written work; the interview is held in person.
WRITTEN_KINDS = (
    InstrumentKind.CASE,
    InstrumentKind.MANAGEMENT_PROJECT,
    InstrumentKind.PORTFOLIO,
)
# «до 5 страниц» of text is about 15 000 characters; the limit leaves room for a longer answer.
MAX_TEXT_LENGTH = 40_000
MAX_FILES = 5


class WorkSubmission(models.Model):
    """A participant's written work on one instrument: autosaved, then handed in and locked."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="work_submissions",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="work_submissions",
        verbose_name=_("инструмент кампании"),
    )
    text = models.TextField(_("текст работы"), blank=True)
    saved_at = models.DateTimeField(_("сохранено"), auto_now=True)
    submitted_at = models.DateTimeField(_("сдано"), null=True, blank=True)

    class Meta:
        verbose_name = _("письменная работа")
        verbose_name_plural = _("письменные работы")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "campaign_instrument"], name="assessment_work_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.campaign_instrument.instrument}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def has_content(self) -> bool:
        """Return whether there is something to hand in (the files are read from the database)."""
        return bool(self.text.strip()) or self.files.exists()


class WorkFile(models.Model):
    """A file of a written work, stored under a random name with the extension of its content."""

    submission = models.ForeignKey(
        WorkSubmission,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("письменная работа"),
    )
    file = models.FileField(_("файл"), upload_to="assessment/work/%Y/%m/")
    original_name = models.CharField(_("имя файла"), max_length=255)
    content_type = models.CharField(_("тип"), max_length=100)
    size = models.PositiveIntegerField(_("размер, байт"))
    sha256 = models.CharField(_("контрольная сумма"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто загрузил"),
    )
    uploaded_at = models.DateTimeField(_("загружен"), auto_now_add=True)

    class Meta:
        verbose_name = _("файл письменной работы")
        verbose_name_plural = _("файлы письменных работ")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
