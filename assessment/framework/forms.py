"""The form of the knowledge-test bank's import."""

from django import forms

from assessment.framework.selectors import knowledge_tests
from assessment.models import Instrument


class BankUploadForm(forms.Form):
    """A file of questions for one knowledge test's bank."""

    instrument = forms.ModelChoiceField(
        label="Тест", queryset=Instrument.objects.none(), empty_label=None
    )
    file = forms.FileField(
        label="Файл с вопросами (.xlsx, .xls или .ods)",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet,application/vnd.ms-excel,"
                "application/vnd.oasis.opendocument.spreadsheet"
            }
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = knowledge_tests()
