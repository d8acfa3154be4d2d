"""Forms of the registry: the spreadsheet upload and the staff list's filters."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from core.spreadsheets import megabytes
from registry.models import Municipality, OrganizationKind


class RegistryUploadForm(forms.Form):
    file = forms.FileField(
        label="Файл реестра",
        help_text="Таблица .xlsx, .xls или .ods со строкой заголовков, как в шаблоне.",
    )

    def clean_file(self) -> UploadedFile:
        """Refuse a file over the size limit before it is saved anywhere."""
        upload = self.cleaned_data["file"]
        limit = settings.REGISTRY_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"Файл слишком большой: {megabytes(upload.size)}, допускается не больше "
                f"{megabytes(limit)}."
            )
        return upload


class OrganizationFilterForm(forms.Form):
    ACTIVE_CHOICES = [("", "все"), ("yes", "действующие"), ("no", "недействующие")]

    q = forms.CharField(label="Наименование или ИНН", required=False, max_length=200)
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.none(),
        required=False,
        empty_label="все",
    )
    kind = forms.ChoiceField(
        label="Тип организации",
        choices=[("", "все"), *OrganizationKind.choices],
        required=False,
    )
    active = forms.ChoiceField(label="Статус", choices=ACTIVE_CHOICES, required=False)

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
